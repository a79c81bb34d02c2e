# SPDX-License-Identifier: EUPL-1.2
"""Notificaties API: kanalen, abonnementen with filters, and routing published notificaties."""

from plus1.audit.services import Actor
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain
from plus1.events.testing import Receiver
from plus1.zgw.autorisaties.services import applicatie_register
from plus1.zgw.tests.conftest import api_as

NRC = "/notificaties/api/v1"


def abonnement(api, **filters):
    body = {
        "callbackUrl": "http://ontvanger.example/callback",
        "auth": "Bearer token",
        "kanalen": [{"naam": "zaken", "filters": filters}],
    }
    return api.post(f"{NRC}/abonnement", body, format="json")


def test_demo_kanalen_exist_and_new_ones_can_be_made(superclient):
    names = [k["naam"] for k in superclient.get(f"{NRC}/kanaal").json()]
    assert {"zaken", "documenten", "besluiten", "autorisaties", "zaaktypen"} <= set(names)
    body = {"naam": "testkanaal", "documentatieLink": "https://example.com", "filters": ["x"]}
    created = superclient.post(f"{NRC}/kanaal", body, format="json")
    assert created.status_code == 201
    assert superclient.get(created.json()["url"]).json()["filters"] == ["x"]
    assert (
        superclient.get(f"{NRC}/kanaal", {"naam": "testkanaal"}).json()[0]["naam"] == "testkanaal"
    )
    again = superclient.post(f"{NRC}/kanaal", body, format="json")
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["code"] == "unique"


def test_abonnement_lifecycle(superclient):
    created = abonnement(superclient, bronorganisatie="002220647")
    assert created.status_code == 201, created.json()
    url = created.json()["url"]
    assert created.json()["kanalen"] == [
        {"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}
    ]
    patched = superclient.patch(
        url, {"kanalen": [{"naam": "documenten", "filters": {}}]}, format="json"
    )
    assert patched.status_code == 200
    assert patched.json()["kanalen"] == [{"naam": "documenten", "filters": {}}]
    assert patched.json()["callbackUrl"] == "http://ontvanger.example/callback"
    assert [a["url"] for a in superclient.get(f"{NRC}/abonnement").json()] == [url]
    assert superclient.delete(url).status_code == 204
    assert superclient.get(url).status_code == 404


def test_unknown_kanaal_or_filter_is_refused(superclient):
    body = {
        "callbackUrl": "http://ontvanger.example/callback",
        "auth": "Bearer token",
        "kanalen": [{"naam": "bestaatniet"}, {"naam": "zaken", "filters": {"kleur": "rood"}}],
    }
    response = superclient.post(f"{NRC}/abonnement", body, format="json")
    assert response.status_code == 400
    assert sorted(p["name"] for p in response.json()["invalidParams"]) == [
        "kanalen.0.naam",
        "kanalen.1.filters",
    ]


def test_published_notificaties_reach_matching_abonnementen(superclient):
    abonnement(superclient, bronorganisatie="002220647")
    abonnement(superclient, bronorganisatie="111111111")
    bericht = {
        "kanaal": "zaken",
        "hoofdObject": "https://example.com/zaken/1",
        "resource": "zaak",
        "resourceUrl": "https://example.com/zaken/1",
        "actie": "create",
        "aanmaakdatum": "2026-01-01T12:00:00Z",
        "kenmerken": {"bronorganisatie": "002220647"},
    }
    response = superclient.post(f"{NRC}/notificaties", bericht, format="json")
    assert response.status_code == 201
    assert [
        m.payload["bericht"] for m in OutboxMessage.objects.filter(topic="zgw.notificatie")
    ] == [bericht]
    unknown = superclient.post(f"{NRC}/notificaties", {**bericht, "kanaal": "nee"}, format="json")
    assert unknown.status_code == 400


def test_scopes_decide_who_may_publish_and_subscribe(db):
    applicatie_register(
        actor=Actor.system("test"),
        label="Afnemer",
        client_id="afnemer",
        secret="geheim-afnemer",
        heeft_alle_autorisaties=False,
        autorisaties=[{"component": "nrc", "scopes": ["notificaties.consumeren"]}],
    )
    consumer = api_as("afnemer", "geheim-afnemer")
    assert consumer.get(f"{NRC}/kanaal").status_code == 200
    assert abonnement(consumer).status_code == 201
    body = {"naam": "eigen", "filters": []}
    assert consumer.post(f"{NRC}/kanaal", body, format="json").status_code == 403


def test_an_api_write_reaches_a_subscriber_made_through_the_api(superclient, settings):
    settings.BASE_URL = "http://testserver"  # the host the test client calls
    receiver = Receiver()
    try:
        body = {
            "callbackUrl": receiver.url,
            "auth": "Bearer voor-de-ontvanger",
            "kanalen": [{"naam": "autorisaties"}],
        }
        assert superclient.post(f"{NRC}/abonnement", body, format="json").status_code == 201
        applicatie = {"clientIds": ["nieuw"], "label": "Nieuw", "heeftAlleAutorisaties": True}
        created = superclient.post("/autorisaties/api/v1/applicaties", applicatie, format="json")
        assert outbox_drain() == 2  # the applicatie's event, then its notification
    finally:
        receiver.stop()
    [(auth, bericht)] = receiver.received
    assert auth == "Bearer voor-de-ontvanger"
    assert bericht["kanaal"] == "autorisaties" and bericht["actie"] == "create"
    assert bericht["resourceUrl"] == created.json()["url"]


def _consumer(client_id: str):
    applicatie_register(
        actor=Actor.system("test"),
        label=client_id,
        client_id=client_id,
        secret=f"geheim-{client_id}",
        heeft_alle_autorisaties=False,
        autorisaties=[{"component": "nrc", "scopes": ["notificaties.consumeren"]}],
    )
    return api_as(client_id, f"geheim-{client_id}")


def test_a_client_sees_and_changes_only_its_own_abonnementen(db):
    first, second = _consumer("eerste"), _consumer("tweede")
    mine = abonnement(first).json()["url"]
    theirs = abonnement(second).json()["url"]
    assert [a["url"] for a in first.get(f"{NRC}/abonnement").json()] == [mine]
    assert first.get(theirs).status_code == 404
    body = {"callbackUrl": "http://aanvaller.example/callback"}
    assert first.patch(theirs, body, format="json").status_code == 404
    assert first.delete(theirs).status_code == 404
    [kept] = second.get(f"{NRC}/abonnement").json()
    assert kept["url"] == theirs and kept["callbackUrl"] == "http://ontvanger.example/callback"


def test_the_stored_auth_is_never_returned_and_survives_a_patch(superclient):
    receiver = Receiver()
    try:
        body = {
            "callbackUrl": receiver.url,
            "auth": "Bearer geheim-van-de-ontvanger",
            "kanalen": [{"naam": "zaken"}],
        }
        created = superclient.post(f"{NRC}/abonnement", body, format="json")
        url = created.json()["url"]
        patched = superclient.patch(url, {"kanalen": [{"naam": "autorisaties"}]}, format="json")
        shown = [created.json(), patched.json(), *superclient.get(f"{NRC}/abonnement").json()]
        assert {a["auth"] for a in shown} == {"Bearer ********"}
        applicatie = {"clientIds": ["nieuw"], "label": "Nieuw", "heeftAlleAutorisaties": True}
        superclient.post("/autorisaties/api/v1/applicaties", applicatie, format="json")
        outbox_drain()  # the event's ZGW consumer, then the webhook it queued
    finally:
        receiver.stop()
    [(auth, _bericht)] = receiver.received
    assert auth == "Bearer geheim-van-de-ontvanger"
