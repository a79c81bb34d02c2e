# SPDX-License-Identifier: EUPL-1.2
"""The reminder before an information request's reply date: once per open request,
REMINDER_WORKING_DAYS working days before the date (the daily beat task). The message itself
goes through the one message pipeline (contact.message_consumers), on the resident's channel."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import audit_actions, events
from plus1.cases.models import InformationRequest
from plus1.common import legal_clock
from plus1.events.services import outbox_put

REMINDER_WORKING_DAYS = 3


def reminder_horizon(today: dt.date) -> dt.date:
    """The last reply date to remind about today: REMINDER_WORKING_DAYS working days on."""
    day = today
    for _ in range(REMINDER_WORKING_DAYS):
        day = legal_clock.next_working_day(day + dt.timedelta(days=1))
    return day


def requests_to_remind(today: dt.date) -> list[int]:
    """Open requests not reminded yet whose reply date is after today and within the horizon."""
    return list(
        InformationRequest.objects.filter(
            state=InformationRequest.State.OPEN,
            reminded_at__isnull=True,
            reply_due__gt=today,
            reply_due__lte=reminder_horizon(today),
        )
        .order_by("reply_due", "pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def information_request_remind(*, actor: Actor, request_id: int) -> bool:
    """Mark one open request reminded and announce it; False when it was answered,
    withdrawn or reminded meanwhile (the row is locked, so a reminder goes once)."""
    request = (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("case__case_type")
        .filter(pk=request_id, state=InformationRequest.State.OPEN, reminded_at__isnull=True)
        .first()
    )
    if request is None:
        return False
    request.reminded_at = timezone.now()
    request.save(update_fields=["reminded_at"])
    facts = {"request": str(request.uuid), "reply_due": request.reply_due.isoformat()}
    audit_record(
        actor=actor, action=audit_actions.CASE_INFORMATION_REMINDED, obj=request.case, after=facts
    )
    outbox_put(
        topic=events.CASE_INFORMATION_REMINDER,
        payload={**events.case_facts(request.case, actor), **facts},
    )
    return True


def information_requests_remind(*, actor: Actor, today: dt.date | None = None) -> int:
    """Remind the residents whose reply date comes near; returns how many were reminded."""
    today = today or timezone.localdate()
    return sum(
        information_request_remind(actor=actor, request_id=pk) for pk in requests_to_remind(today)
    )
