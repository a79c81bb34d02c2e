# SPDX-License-Identifier: EUPL-1.2
"""Celery tasks: thin, idempotent wrappers around the outbox services."""

from celery import shared_task

from plus1.events.services import outbox_drain


@shared_task(name="plus1.events.drain_outbox", ignore_result=True)
def drain_outbox() -> int:
    return outbox_drain()
