# SPDX-License-Identifier: EUPL-1.2
"""Putting events in the outbox (inside the change's transaction) and delivering them.

An event is fanned out to one row per consumer that subscribed to its topic, each with an
idempotency key (event id + consumer). A consumer's failure retries that row alone, with
backoff, and parks it after OUTBOX_MAX_ATTEMPTS; the other consumers are delivered once.
Delivery is at least once: a consumer makes a repeat harmless with `effect_once(key)` or
by handing the key on (webhooks send it in the Idempotency-Key header). See
docs/decisions (one-events outbox) for the exact duplicate window.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from plus1.events.models import IdempotencyKey, OutboxMessage

logger = logging.getLogger(__name__)
CLAIM_SECONDS = 60


@dataclass(frozen=True)
class Delivery:
    """What a consumer receives: the event's facts and the key of this delivery."""

    topic: str
    payload: dict[str, Any]
    key: str
    event_id: str
    occurred_at: dt.datetime


Handler = Callable[[Delivery], None]
_consumers: dict[str, Handler] = {}
_topics: dict[str, list[str]] = {}


def consumer_register(name: str, handler: Handler) -> None:
    """Name a consumer; rows for it are written by outbox_put or outbox_put_for."""
    known = _consumers.get(name)
    if known is not None and known is not handler:
        raise RuntimeError(f"Consumer {name!r} is already registered")
    _consumers[name] = handler


def subscribe(topic: str, name: str, handler: Handler) -> None:
    """Register consumer `name` for `topic`; apps do this in AppConfig.ready()."""
    consumer_register(name, handler)
    if name not in _topics.setdefault(topic, []):
        _topics[topic].append(name)


def consumers_of(topic: str) -> list[str]:
    return list(_topics.get(topic, []))


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("outbox_put must run inside the change's transaction")


def outbox_put(*, topic: str, payload: dict[str, Any]) -> list[OutboxMessage]:
    """Queue an event: one row per subscribed consumer, in the change's transaction."""
    _require_transaction()
    event_id = uuid.uuid4()
    rows = [
        OutboxMessage(
            event_id=event_id,
            topic=topic,
            consumer=name,
            key=f"{event_id}:{name}",
            payload=payload,
        )
        for name in consumers_of(topic)
    ]
    if rows:
        OutboxMessage.objects.bulk_create(rows)
        transaction.on_commit(_kick_worker)
    return rows


def outbox_put_for(
    *, topic: str, consumer: str, key: str, payload: dict[str, Any], event_id: uuid.UUID
) -> OutboxMessage:
    """Queue one row for one named consumer with its own key (a webhook per abonnement)."""
    _require_transaction()
    row = OutboxMessage.objects.create(
        event_id=event_id, topic=topic, consumer=consumer, key=key, payload=payload
    )
    transaction.on_commit(_kick_worker)
    return row


def effect_once(*, key: str, effect: Callable[[], object]) -> bool:
    """Run `effect` unless `key` is done; the key is recorded in the same transaction as
    the effect's own writes (and before an e-mail leaves). True when it ran now."""
    with transaction.atomic():
        _, created = IdempotencyKey.objects.get_or_create(key=key)
        if created:
            effect()
    return created


def _kick_worker() -> None:
    from plus1.events.worker import kick

    kick()


def backoff(attempts: int) -> dt.timedelta:
    """Exponential backoff: 2, 4, 8 … seconds, at most one hour."""
    return dt.timedelta(seconds=min(2**attempts, 3600))


def _claim(message_id: int) -> bool:
    """A conditional update: of two workers, exactly one wins the row."""
    now = timezone.now()
    won = OutboxMessage.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        pk=message_id,
        state=OutboxMessage.State.PENDING,
    ).update(claimed_until=now + dt.timedelta(seconds=CLAIM_SECONDS))
    return won == 1


def outbox_deliver(*, message_id: int) -> bool:
    """Deliver one row to its consumer. True when delivered."""
    if not _claim(message_id):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        handler = _consumers.get(message.consumer)
        if handler is None:
            raise LookupError(f"no consumer {message.consumer!r} is registered")
        handler(
            Delivery(
                topic=message.topic,
                payload=message.payload,
                key=message.key,
                event_id=str(message.event_id),
                occurred_at=message.created_at,
            )
        )
    except Exception as exc:
        _failed(message, exc)
        return False
    message.state = OutboxMessage.State.DELIVERED
    message.delivered_at = timezone.now()
    message.attempts += 1
    message.save(update_fields=["state", "delivered_at", "attempts"])
    return True


def _failed(message: OutboxMessage, exc: Exception) -> None:
    message.attempts += 1
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    message.available_at = timezone.now() + backoff(message.attempts)
    message.claimed_until = None
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.state = OutboxMessage.State.PARKED
    message.save()
    logger.warning(
        "Outbox message %s for %s failed (attempt %s)",
        message.pk,
        message.consumer,
        message.attempts,
    )


def outbox_drain(*, limit: int = 100) -> int:
    """Deliver every due row, including rows queued by the consumers on the way (the ZGW
    notifications of a case event), each at most once per drain. Returns how many."""
    tried: set[int] = set()
    delivered = 0
    while len(tried) < limit:
        due = (
            OutboxMessage.objects.filter(
                state=OutboxMessage.State.PENDING, available_at__lte=timezone.now()
            )
            .exclude(pk__in=tried)
            .order_by("available_at", "pk")
            .values_list("pk", flat=True)
        )
        batch = list(due[: limit - len(tried)])
        if not batch:
            break
        for message_id in batch:
            tried.add(message_id)
            delivered += outbox_deliver(message_id=message_id)
    return delivered


def idempotency_keys_prune(*, now: dt.datetime | None = None) -> int:
    """Delete the keys of effects done more than IDEMPOTENCY_KEY_DAYS ago: no delivery is
    retried that late (the last retry comes about two hours after the first attempt).
    Technical rows without personal data, so no audit entry. Returns how many."""
    days = max(settings.IDEMPOTENCY_KEY_DAYS, 1)
    limit = (now or timezone.now()) - dt.timedelta(days=days)
    with transaction.atomic():
        deleted, _ = IdempotencyKey.objects.filter(done_at__lt=limit).delete()
    return deleted
