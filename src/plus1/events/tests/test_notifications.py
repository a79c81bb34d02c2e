# SPDX-License-Identifier: EUPL-1.2
"""ZGW notifications: who gets them, and nothing is lost while a subscriber is down."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal, OutboxMessage
from plus1.events.notifications import message, publish
from plus1.events.services import outbox_drain
from plus1.events.testing import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.stop()


def subscribe(url: str, kanaal: str = "zaken", **filters: str) -> Abonnement:
    abonnement = Abonnement.objects.create(callback_url=url, auth="Bearer abc")
    AbonnementKanaal.objects.create(
        abonnement=abonnement, kanaal=Kanaal.objects.get(naam=kanaal), filters=filters
    )
    return abonnement


def zaak_created(bronorganisatie: str = "002220647") -> None:
    with transaction.atomic():
        publish(
            message(
                kanaal="zaken",
                resource="zaak",
                actie="create",
                resource_url="http://testserver/zaken/api/v1/zaken/1",
                hoofd_object="http://testserver/zaken/api/v1/zaken/1",
                kenmerken={"bronorganisatie": bronorganisatie, "zaaktype": "http://zt/1"},
            )
        )


def fast_forward(minutes: float) -> None:
    """Pretend `minutes` passed: every pending message becomes due that much earlier."""
    for row in OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING):
        row.available_at -= dt.timedelta(minutes=minutes)
        row.save(update_fields=["available_at"])


def test_only_abonnementen_whose_filters_match_get_the_notification(receiver):
    subscribe(receiver.url, bronorganisatie="002220647")
    subscribe(receiver.url, bronorganisatie="999999999")
    subscribe(receiver.url, zaaktype="*")
    subscribe(receiver.url, kanaal="documenten")
    zaak_created()
    assert outbox_drain() == 2
    assert [body["kenmerken"]["bronorganisatie"] for _, body in receiver.received] == [
        "002220647",
        "002220647",
    ]
    auth, body = receiver.received[0]
    assert auth == "Bearer abc"
    assert body["kanaal"] == "zaken" and body["actie"] == "create"


def test_a_rolled_back_write_notifies_nobody(receiver):
    subscribe(receiver.url)
    with pytest.raises(RuntimeError), transaction.atomic():
        zaak_created()
        raise RuntimeError("the write fails")
    assert outbox_drain() == 0
    assert receiver.received == []


def test_nothing_is_lost_while_the_subscriber_is_down_for_ten_minutes(receiver):
    subscribe(receiver.url)
    receiver.down = True
    zaak_created()
    for _minute in range(10):  # ten minutes down, the worker polling all the while
        outbox_drain()
        fast_forward(minutes=1)
    assert receiver.received == []
    message = OutboxMessage.objects.get()
    assert message.state == OutboxMessage.State.PENDING
    assert message.attempts >= 5
    receiver.down = False
    fast_forward(minutes=60)
    assert outbox_drain() == 1
    assert len(receiver.received) == 1
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.DELIVERED


def test_an_unreachable_subscriber_is_retried_later(receiver):
    abonnement = subscribe(receiver.url)
    Abonnement.objects.filter(pk=abonnement.pk).update(callback_url="http://127.0.0.1:1/x")
    zaak_created()
    assert outbox_drain() == 0
    message = OutboxMessage.objects.get()
    assert message.state == OutboxMessage.State.PENDING
    assert message.available_at > timezone.now()
    assert "ConnectionError" in message.last_error
