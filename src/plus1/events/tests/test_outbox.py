# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from plus1.events import services
from plus1.events.models import OutboxMessage
from plus1.events.services import backoff, outbox_deliver, outbox_drain, outbox_put

pytestmark = pytest.mark.django_db


def consume(monkeypatch, handler):
    """Make `handler` the one consumer of test.topic."""
    monkeypatch.setattr(services, "_consumers", {"test.consumer": handler})
    monkeypatch.setattr(services, "_topics", {"test.topic": ["test.consumer"]})


@pytest.fixture
def received(monkeypatch):
    calls = []
    consume(monkeypatch, lambda delivery: calls.append(delivery.payload))
    return calls


def put(payload):
    with transaction.atomic():
        [message] = outbox_put(topic="test.topic", payload=payload)
    return message


def test_messages_are_delivered_once(received):
    message = put({"n": 1})
    assert outbox_drain() == 1
    assert outbox_drain() == 0
    assert received == [{"n": 1}]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.DELIVERED


def test_a_claimed_message_is_not_delivered_by_a_second_worker(received):
    message = put({"n": 1})
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_until=timezone.now() + dt.timedelta(seconds=30)
    )
    assert outbox_deliver(message_id=message.pk) is False
    assert received == []


def test_failures_are_retried_with_backoff_and_then_parked(monkeypatch, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3

    def broken(payload):
        raise ConnectionError("subscriber down")

    consume(monkeypatch, broken)
    message = put({"n": 1})
    for attempt in range(1, 4):
        OutboxMessage.objects.filter(pk=message.pk).update(available_at=timezone.now())
        assert outbox_drain() == 0
        message.refresh_from_db()
        assert message.attempts == attempt and "subscriber down" in message.last_error
    assert message.state == OutboxMessage.State.PARKED


def test_a_failed_message_waits_before_the_next_try(monkeypatch):
    consume(monkeypatch, lambda delivery: 1 / 0)
    message = put({})
    outbox_drain()
    message.refresh_from_db()
    assert message.available_at > timezone.now()
    assert outbox_drain() == 0 and OutboxMessage.objects.get().attempts == 1


def test_backoff_grows_exponentially_and_is_capped():
    assert [backoff(n).total_seconds() for n in (1, 2, 3)] == [2, 4, 8]
    assert backoff(50) == dt.timedelta(hours=1)


@pytest.mark.django_db(transaction=True)
def test_outbox_outside_a_transaction_is_refused(received):
    with pytest.raises(RuntimeError):
        outbox_put(topic="test.topic", payload={})


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_message(received):
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        outbox_put(topic="test.topic", payload={})
        raise ZeroDivisionError
    assert not OutboxMessage.objects.exists()
