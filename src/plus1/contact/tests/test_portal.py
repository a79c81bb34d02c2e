# SPDX-License-Identifier: EUPL-1.2
"""The booking pages without JavaScript: product → location → day → time, then the
confirmation with the .ics, moving and cancelling with the code from the link."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.test import Client

from plus1.catalog.models import Product
from plus1.common.testing.factories import ResidentFactory
from plus1.contact.models import Appointment
from plus1.contact.tests.conftest import Agenda


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _book(client: Client, agenda: Agenda, start: dt.datetime, **extra: str) -> Any:
    return client.post(
        "/afspraak-maken",
        {
            "product": "paspoort",
            "locatie": "stadhuis",
            "dag": agenda.monday.isoformat(),
            "tijd": start.isoformat(),
            "naam": "Anna de Boer",
            "email": "anna@example.nl",
            **extra,
        },
    )


def test_the_steps_offer_products_locations_days_and_times(agenda: Agenda, client: Client) -> None:
    first = _text(client.get("/afspraak-maken"))
    assert "Paspoort aanvragen (10 minuten)" in first
    second = _text(client.get("/afspraak-maken?product=trouwen"))
    assert "Stadhuis Plusstad, Markt 1" in second and "Wijkpunt Noord" not in second
    third = client.get("/afspraak-maken?product=paspoort&locatie=stadhuis")
    assert f'value="{agenda.monday.isoformat()}"' in third.content.decode()
    fourth = _text(
        client.get(f"/afspraak-maken?product=paspoort&locatie=stadhuis&dag={agenda.monday}")
    )
    assert "09:00 tot 09:10 uur" in fourth and "16:50 tot 17:00 uur" in fourth
    assert "Neem een pasfoto mee" in fourth


def test_booking_confirms_with_ics_and_links_to_move_and_cancel(
    agenda: Agenda, client: Client
) -> None:
    response = _book(client, agenda, agenda.at(9, 30))
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    confirmation = _text(client.get(response["Location"]))
    assert "Uw afspraak is gemaakt" in confirmation
    assert "09:30 tot 09:40 uur" in confirmation
    code = re.search(r"code=([\w-]+)", response["Location"])[1]  # type: ignore[index]
    ics = client.get(f"/afspraken/{appointment.uuid}/afspraak.ics?code={code}")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    start_utc = agenda.at(9, 30).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start_utc}" in body
    assert "LOCATION:Stadhuis Plusstad\\, Markt 1\\, 9999 AA Plusstad" in body
    assert f"/afspraken/{appointment.uuid}/verzetten?code={code}" in confirmation
    assert f"/afspraken/{appointment.uuid}/annuleren?code={code}" in confirmation


def test_move_then_cancel_with_the_code(agenda: Agenda, client: Client) -> None:
    location = _book(client, agenda, agenda.at(9, 30))["Location"]
    appointment = Appointment.objects.get()
    code = re.search(r"code=([\w-]+)", location)[1]  # type: ignore[index]
    base = f"/afspraken/{appointment.uuid}"
    days = client.get(f"{base}/verzetten?code={code}").content.decode()
    assert f'value="{agenda.monday.isoformat()}"' in days
    moved = client.post(
        f"{base}/verzetten",
        {"code": code, "dag": agenda.monday.isoformat(), "tijd": agenda.at(15, 0).isoformat()},
    )
    assert moved.status_code == 302
    appointment.refresh_from_db()
    assert appointment.start == agenda.at(15, 0)
    assert "Afspraak annuleren" in _text(client.get(f"{base}/annuleren?code={code}"))
    cancelled = _text(client.post(f"{base}/annuleren", {"code": code}))
    assert "Uw afspraak is geannuleerd" in cancelled
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED


def test_a_wrong_code_shows_nothing_and_changes_nothing(agenda: Agenda, client: Client) -> None:
    _book(client, agenda, agenda.at(9, 30))
    appointment = Appointment.objects.get()
    base = f"/afspraken/{appointment.uuid}"
    assert client.get(f"{base}?code=fout").status_code == 404
    assert client.get(f"{base}/afspraak.ics?code=fout").status_code == 404
    assert client.post(f"{base}/annuleren", {"code": "fout"}).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_bad_input_shows_every_problem_and_books_nothing(agenda: Agenda, client: Client) -> None:
    response = _book(client, agenda, agenda.at(9, 30), naam="", email="anna@")
    assert response.status_code == 400
    text = _text(response)
    assert "Naam: Vul uw naam in." in text
    assert "E-mailadres: Vul een e-mailadres in zoals naam@voorbeeld.nl." in text
    assert not Appointment.objects.exists()


def test_a_slot_that_just_filled_up_says_so(agenda: Agenda, client: Client) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 1)
    _book(client, agenda, agenda.at(9, 30))
    response = _book(client, agenda, agenda.at(9, 30), naam="Bert")
    assert response.status_code == 409
    assert "Dit tijdstip is net vol geraakt. Kies een ander tijdstip." in _text(response)
    assert "09:30 tot 09:40" not in _text(response)  # no longer offered
    assert not Appointment.objects.filter(name="Bert").exists()


def test_logged_in_the_name_and_email_are_filled_in(agenda: Agenda, client: Client) -> None:
    resident = ResidentFactory(name="Fatima Haddou", email="fatima@example.nl")
    client.force_login(resident.user)
    page = client.get(f"/afspraak-maken?product=paspoort&locatie=stadhuis&dag={agenda.monday}")
    html = page.content.decode()
    assert 'value="Fatima Haddou"' in html and 'value="fatima@example.nl"' in html
    _book(client, agenda, agenda.at(9, 30), naam="Fatima Haddou", email="fatima@example.nl")
    assert Appointment.objects.get().party == resident


def test_the_finder_links_to_booking(agenda: Agenda, client: Client) -> None:
    product = Product.objects.create(
        slug="paspoort-aanvragen",
        name="Paspoort aanvragen",
        summary="Een nieuw paspoort.",
        channels=["appointment"],
    )
    agenda.paspoort.product = product
    agenda.paspoort.save()
    page = client.get("/zoeken/?zoek=paspoort").content.decode()
    assert 'href="/afspraak-maken?product=paspoort"' in page
