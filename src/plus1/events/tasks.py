# SPDX-License-Identifier: EUPL-1.2
"""Celery tasks: thin, idempotent wrappers around the outbox services."""

from celery import shared_task

from plus1.events.services import idempotency_keys_prune, outbox_drain


@shared_task(name="plus1.events.drain_outbox", ignore_result=True)
def drain_outbox() -> int:
    return outbox_drain()


@shared_task(name="plus1.events.prune_idempotency_keys", ignore_result=True)
def prune_idempotency_keys() -> int:
    """Daily: keys older than PLUS1_IDEMPOTENCY_KEY_DAYS are deleted."""
    return idempotency_keys_prune()
