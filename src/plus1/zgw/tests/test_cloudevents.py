# SPDX-License-Identifier: EUPL-1.2
"""Abonnementen that ask for it (`berichtformaat: cloudevents`, a Plus1 extension) get
their notifications as CloudEvents by the NL GOV profile, through the same outbox: a real
receiver on 127.0.0.1 checks the body, and a retry carries the same event id."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from plus1.events.models import Abonnement, OutboxMessage
from plus1.events.services import outbox_drain
from plus1.events.testing import Receiver
from plus1.zgw.tests.conftest import ZAKEN, zaak_body

pytestmark = pytest.mark.django_db
NRC = "/notificaties/api/v1"


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.stop()


def _subscribe(api, url, **extra):
    body = {"callbackUrl": url, "auth": "Bearer ontvanger", "kanalen": [{"naam": "zaken"}]}
    return api.post(f"{NRC}/abonnement", {**body, **extra}, format="json")


def _drain_all():
    """Deliver the zaak's event, then the notifications it queued."""
    while outbox_drain():
        pass


def test_a_cloudevents_subscriber_gets_the_profile_s_attributes(
    superclient, case_type, receiver, settings
):
    settings.BASE_URL = "http://testserver"
    settings.OIN = ""
    settings.ZGW_RSIN = "002220647"
    made = _subscribe(superclient, receiver.url, berichtformaat="cloudevents")
    assert made.status_code == 201, made.json()
    assert made.json()["berichtformaat"] == "cloudevents"
    _subscribe(superclient, receiver.url)  # a classic subscriber next to it

    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    _drain_all()

    by_format = dict(zip(receiver.content_types, receiver.received, strict=True))
    auth, event = by_format["application/cloudevents+json; charset=utf-8"]
    _, classic = by_format["application/json"]
    assert auth == "Bearer ontvanger"
    assert event["specversion"] == "1.0"
    assert event["type"] == "nl.overheid.zaken.zaak-aangemaakt"
    assert event["source"] == "urn:nld:oin:00000001002220647000:systeem:plus1"
    assert event["subject"] == zaak["uuid"]
    assert event["dataref"] == zaak["url"]
    assert re.fullmatch(r"[0-9a-f-]{36}", event["id"])
    assert dt.datetime.fromisoformat(event["time"]) <= timezone.now()
    assert event["datacontenttype"] == "application/json"
    assert event["data"] == classic  # the notification itself, kenmerken included
    assert classic["kenmerken"]["bronorganisatie"] == "002220647"


def test_a_retried_cloudevent_keeps_its_id(superclient, case_type, receiver, settings):
    settings.BASE_URL = "http://testserver"
    settings.OIN = "00000001823288444000"
    _subscribe(superclient, receiver.url, berichtformaat="cloudevents")
    superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json")
    receiver.down = True
    _drain_all()
    failed = OutboxMessage.objects.get(consumer="notificaties.webhook")
    assert failed.attempts == 1 and failed.state == OutboxMessage.State.PENDING

    receiver.down = False
    OutboxMessage.objects.filter(pk=failed.pk).update(available_at=timezone.now())
    _drain_all()

    [(_, event)] = receiver.received
    assert event["id"] == str(failed.event_id)
    assert event["source"] == "urn:nld:oin:00000001823288444000:systeem:plus1"
    assert receiver.keys == [failed.key]


def test_an_unknown_format_is_refused_and_nothing_is_made(superclient, receiver):
    response = _subscribe(superclient, receiver.url, berichtformaat="xml")

    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["berichtformaat"]
    assert not Abonnement.objects.exists()


def test_a_patch_without_the_format_keeps_it(superclient, receiver):
    url = _subscribe(superclient, receiver.url, berichtformaat="cloudevents").json()["url"]

    changed = superclient.patch(url, {"callbackUrl": receiver.url + "/ander"}, format="json")

    assert changed.json()["berichtformaat"] == "cloudevents"
    assert Abonnement.objects.get().berichtformaat == "cloudevents"
    assert superclient.patch(url, {"berichtformaat": "zgw"}, format="json").status_code == 200
    assert Abonnement.objects.get().berichtformaat == "zgw"
