# SPDX-License-Identifier: EUPL-1.2
"""Periodic work of the cases context (Celery beat)."""

from __future__ import annotations

from celery import shared_task

from plus1.audit.services import Actor
from plus1.cases.drafts import request_drafts_sweep


@shared_task(name="plus1.cases.sweep_request_drafts", ignore_result=True)
def sweep_request_drafts() -> int:
    """Daily: drafts of requests not sent within 30 days are removed."""
    return request_drafts_sweep(actor=Actor.system("concepten-opruimen"))
