# SPDX-License-Identifier: EUPL-1.2
"""The appointment API through real URLs: what a client sees, and what is (not) written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from plus1.contact.models import Appointment, Closure
from plus1.contact.tests.conftest import Agenda
from plus1.events.models import OutboxMessage


def _post(client: Client, path: str, body: dict[str, Any], **extra: Any) -> Any:
    return client.post(path, body, content_type="application/json", **extra)


def _booking(agenda: Agenda, start: dt.datetime, **extra: Any) -> dict[str, Any]:
    return {
        "product": "paspoort",
        "locatie": "stadhuis",
        "start": start.isoformat(),
        "naam": "Anna de Boer",
        "email": "anna@example.nl",
        **extra,
    }


def test_products_and_locations_are_listed(agenda: Agenda, client: Client) -> None:
    products = client.get("/api/v1/afspraakproducten").json()
    paspoort = next(p for p in products if p["id"] == "paspoort")
    assert paspoort["duurMinuten"] == 10
    assert "pasfoto" in paspoort["meenemen"]
    assert set(paspoort["locaties"]) == {"stadhuis", "wijkpunt-noord", "wijkpunt-zuid"}
    locations = client.get("/api/v1/locaties").json()
    stadhuis = next(loc for loc in locations if loc["id"] == "stadhuis")
    assert {"weekdag": "maandag", "van": "09:00", "tot": "17:00"} in stadhuis["openingstijden"]
    assert {"datum": "2026-12-25", "reden": "Eerste kerstdag"} in stadhuis["sluitingsdagen"]


def test_slots_show_places_left_and_none_on_a_closed_day(agenda: Agenda, client: Client) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 2)
    day = agenda.monday.isoformat()
    _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 0)))
    slots = client.get(
        f"/api/v1/tijdsloten?product=paspoort&locatie=stadhuis&van={day}&tot={day}"
    ).json()
    assert len(slots) == 48  # 09:00–17:00 in steps of 10 minutes
    assert slots[0] == {
        "start": agenda.at(9, 0).isoformat(),
        "eind": agenda.at(9, 10).isoformat(),
        "beschikbaar": 1,
    }
    assert slots[1]["beschikbaar"] == 2
    Closure.objects.create(location=agenda.stadhuis, date=agenda.monday)
    closed = client.get(f"/api/v1/tijdsloten?product=paspoort&locatie=stadhuis&van={day}&tot={day}")
    assert closed.json() == []


def test_slot_query_lists_every_problem(agenda: Agenda, client: Client) -> None:
    response = client.get("/api/v1/tijdsloten?product=onbekend&van=gisteren")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"product", "locatie", "van", "tot"}


def test_booking_answers_201_with_id_and_cancel_code(agenda: Agenda, client: Client) -> None:
    response = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 10)))
    assert response.status_code == 201
    body = response.json()
    appointment = Appointment.objects.get(uuid=body["id"])
    assert (body["start"], body["eind"]) == (
        agenda.at(9, 10).isoformat(),
        agenda.at(9, 20).isoformat(),
    )
    assert body["status"] == "gepland" and len(body["annuleercode"]) >= 16
    assert body["beheerlink"].endswith(f"/afspraken/{appointment.uuid}?code={body['annuleercode']}")


def test_a_full_slot_is_409_and_nothing_is_written(agenda: Agenda, client: Client) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 1)
    assert _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 0))).status_code == 201
    outbox_before = OutboxMessage.objects.count()
    response = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 0), naam="Bert"))
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Dit tijdstip is net vol geraakt. Kies een ander tijdstip."
    assert not Appointment.objects.filter(name="Bert").exists()
    assert OutboxMessage.objects.count() == outbox_before


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (lambda a: a.at(9, 0, day=a.monday - dt.timedelta(days=21)), "al voorbij"),
        (lambda a: a.at(18, 0), "niet open"),
        (lambda a: a.at(9, 5), "geen begintijd"),
    ],
)
def test_bad_starts_are_refused_with_every_problem(
    agenda: Agenda, client: Client, start: Any, reason: str
) -> None:
    response = _post(
        client, "/api/v1/afspraken", _booking(agenda, start(agenda), email="anna@", naam="")
    )
    assert response.status_code == 400
    problems = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert set(problems) == {"naam", "email", "start"}
    assert reason in problems["start"]
    assert not Appointment.objects.exists()


def test_a_closed_location_is_refused(agenda: Agenda, client: Client) -> None:
    Closure.objects.create(location=agenda.stadhuis, date=agenda.monday, reason="Verhuizing")
    response = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 0)))
    assert response.status_code == 400
    [problem] = response.json()["invalidParams"]
    assert "gesloten" in problem["reason"]
    assert not Appointment.objects.exists()


def test_unknown_product_and_bad_email_at_once(agenda: Agenda, client: Client) -> None:
    body = _booking(agenda, agenda.at(9, 0), product="ruimtereis", email="geen-adres")
    response = _post(client, "/api/v1/afspraken", body)
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"product", "email"}


@pytest.mark.parametrize("body", [None, True, 3, ["paspoort"], "paspoort"])
def test_a_body_that_is_not_an_object_is_a_400_and_nothing_is_written(
    agenda: Agenda, client: Client, body: Any
) -> None:
    """Found by scripts/fuzz-apis: a JSON body that is not an object was a 500."""
    response = _post(client, "/api/v1/afspraken", body)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert not Appointment.objects.exists()


def test_cancel_with_the_code_and_a_wrong_code_is_404(agenda: Agenda, client: Client) -> None:
    booked = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 0))).json()
    path = f"/api/v1/afspraken/{booked['id']}/annuleren"
    wrong = _post(client, path, {"annuleercode": "raden"})
    assert wrong.status_code == 404
    assert wrong["Content-Type"] == "application/problem+json"
    assert Appointment.objects.get(uuid=booked["id"]).status == "booked"
    right = _post(client, path, {"annuleercode": booked["annuleercode"]})
    assert right.status_code == 200 and right.json()["status"] == "geannuleerd"
    assert Appointment.objects.get(uuid=booked["id"]).status == "cancelled"
    assert _post(client, path, {"annuleercode": booked["annuleercode"]}).status_code == 404


def test_anonymous_bookings_are_rate_limited(agenda: Agenda, client: Client, settings) -> None:
    settings.BOOKING_RATE_LIMIT = 2
    for minute in (0, 10):
        booked = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, minute)))
        assert booked.status_code == 201
    response = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 20)))
    assert response.status_code == 429
    assert "al 2 afspraken gemaakt" in response.json()["detail"]
    assert Appointment.objects.count() == 2
    other = _post(
        client, "/api/v1/afspraken", _booking(agenda, agenda.at(9, 20)), REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 201


def test_rate_limit_zero_is_off(agenda: Agenda, client: Client, settings) -> None:
    settings.BOOKING_RATE_LIMIT = 0
    for minute in range(0, 60, 10):
        booked = _post(client, "/api/v1/afspraken", _booking(agenda, agenda.at(10, minute)))
        assert booked.status_code == 201


def test_the_endpoints_are_in_the_openapi_document(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/afspraakproducten",
        "/locaties",
        "/tijdsloten",
        "/afspraken",
        "/afspraken/{appointment_id}/annuleren",
    ):
        assert path in paths
    assert "409" in paths["/afspraken"]["post"]["responses"]
