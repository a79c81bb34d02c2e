# SPDX-License-Identifier: EUPL-1.2
"""Periodic work of the cases context (Celery beat)."""

from __future__ import annotations

from celery import shared_task

from plus1.audit.services import Actor
from plus1.cases.drafts import request_drafts_sweep
from plus1.cases.reminders import information_requests_remind


@shared_task(name="plus1.cases.sweep_request_drafts", ignore_result=True)
def sweep_request_drafts() -> int:
    """Daily: drafts of requests not sent within 30 days are removed."""
    return request_drafts_sweep(actor=Actor.system("concepten-opruimen"))


@shared_task(name="plus1.cases.remind_information_requests", ignore_result=True)
def remind_information_requests() -> int:
    """Daily: a reminder to residents a few working days before an information request's
    reply date."""
    return information_requests_remind(actor=Actor.system("aanvulverzoek-herinnering"))
