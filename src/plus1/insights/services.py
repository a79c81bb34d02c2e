# SPDX-License-Identifier: EUPL-1.2
"""Writes of the insights context: only its own rows, with audit, data trail and outbox."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from plus1.audit.services import Actor, audit_record
from plus1.cases.events import case_facts
from plus1.cases.models import Case
from plus1.events.services import outbox_put
from plus1.identity.models import Party
from plus1.insights import audit_actions, events, penalty
from plus1.insights.clock import decision_late_insights
from plus1.insights.models import DefaultNotice
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access


class NoticeRefused(ValueError):
    """A notice of default that cannot be sent; the message says why, in Dutch."""


def _date_nl(day: dt.date) -> str:
    return date_format(day, "j F Y")


@transaction.atomic(durable=True)
def default_notice_send(
    *, actor: Actor, party: Party, case: Case, today: dt.date | None = None
) -> DefaultNotice:
    """The resident puts the municipality in default for a late decision (Awb 4:17).

    Refused while the term runs (with the date from which it can be sent), while the clock
    is suspended, once decided, and a second time. `party` must be the case's initiator
    (the view passes the logged-in resident's own case)."""
    today = today or timezone.localdate()
    case = Case.objects.select_for_update().select_related("case_type").get(pk=case.pk)
    if case.closed_on is not None:
        raise NoticeRefused("Er is al een besluit genomen. Een ingebrekestelling is niet nodig.")
    if DefaultNotice.objects.filter(case=case).exists():
        raise NoticeRefused("U heeft voor deze zaak al een ingebrekestelling gestuurd.")
    if case.suspended_on is not None:
        raise NoticeRefused(
            "De termijn staat stil omdat wij op informatie wachten. "
            "U kunt nu geen ingebrekestelling sturen."
        )
    if not decision_late_insights(case, today):
        raise NoticeRefused(
            "De termijn voor het besluit is nog niet voorbij. U kunt een ingebrekestelling "
            f"sturen vanaf {_date_nl(penalty.notice_allowed_from(case.deadline))}."
        )
    notice = DefaultNotice.objects.create(
        case=case,
        sent_by=party,
        sent_on=today,
        deadline=case.deadline,
        penalty_applies=case.case_type.penalty_applies,
    )
    after = {
        "case": case.identification,
        "sent_on": today.isoformat(),
        "deadline": case.deadline.isoformat(),
        "penalty_applies": notice.penalty_applies,
    }
    audit_record(actor=actor, action=audit_actions.DEFAULT_NOTICE_SENT, obj=notice, after=after)
    personal_data_access(
        actor=actor,
        subject=party,
        action=TrailAction.CHANGED,
        name=f"Ingebrekestelling voor zaak {case.identification} vastgelegd",
        case=case,
    )
    penalty_from = penalty.first_penalty_day(today) if notice.penalty_applies else None
    outbox_put(
        topic=events.DEFAULT_NOTICE_SENT,
        payload={
            **case_facts(case, actor),
            "notice": str(notice.uuid),
            "sent_on": today.isoformat(),
            "penalty_from": penalty_from.isoformat() if penalty_from else None,
            "deadline": case.deadline.isoformat(),
        },
    )
    return notice
