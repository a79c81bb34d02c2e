# SPDX-License-Identifier: EUPL-1.2
"""Putting events in the outbox (inside the change's transaction) and delivering them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from plus1.events.models import OutboxMessage

logger = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], None]
_handlers: dict[str, list[Handler]] = {}
CLAIM_SECONDS = 60


def subscribe(topic: str, handler: Handler) -> None:
    """Register a consumer; apps do this in AppConfig.ready()."""
    if handler not in _handlers.setdefault(topic, []):
        _handlers[topic].append(handler)


def outbox_put(*, topic: str, payload: dict[str, Any]) -> OutboxMessage:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("outbox_put must run inside the change's transaction")
    message = OutboxMessage.objects.create(topic=topic, payload=payload)
    transaction.on_commit(_kick_worker)
    return message


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
    """Deliver one message to every handler of its topic. True when delivered."""
    if not _claim(message_id):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        for handler in _handlers.get(message.topic, []):
            handler(message.payload)
    except Exception as exc:
        message.attempts += 1
        message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        message.available_at = timezone.now() + backoff(message.attempts)
        message.claimed_until = None
        if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            message.state = OutboxMessage.State.PARKED
        message.save()
        logger.warning("Outbox message %s failed (attempt %s)", message.pk, message.attempts)
        return False
    message.state = OutboxMessage.State.DELIVERED
    message.delivered_at = timezone.now()
    message.attempts += 1
    message.save(update_fields=["state", "delivered_at", "attempts"])
    return True


def outbox_drain(*, limit: int = 100) -> int:
    """Deliver every due message; returns how many were delivered."""
    due = OutboxMessage.objects.filter(
        state=OutboxMessage.State.PENDING, available_at__lte=timezone.now()
    ).order_by("available_at", "pk")
    delivered = 0
    for message_id in list(due.values_list("pk", flat=True)[:limit]):
        delivered += outbox_deliver(message_id=message_id)
    return delivered
