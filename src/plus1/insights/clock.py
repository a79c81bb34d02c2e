# SPDX-License-Identifier: EUPL-1.2
"""Where a case stands on its legal clock: late or not, the notice of default, the penalty.

`decision_late_insights`: overdue by the one rule (Case.is_overdue) while the clock runs; a
notice of default waits until a suspension ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from plus1.cases.models import Case
from plus1.insights import penalty
from plus1.insights.models import DefaultNotice


def decision_late_insights(case: Case, today: dt.date) -> bool:
    """No decision yet, the clock is running (not suspended) and the case is overdue by the
    one rule (Case.is_overdue)."""
    return case.suspended_on is None and case.is_overdue(today)


@dataclass(frozen=True)
class ClockState:
    case: Case
    today: dt.date
    late: bool
    notice: DefaultNotice | None
    penalty_applies: bool
    notice_from: dt.date
    penalty_from: dt.date | None
    penalty_days: int
    penalty_amount: int

    @property
    def may_send_notice(self) -> bool:
        return self.late and self.notice is None

    @property
    def penalty_max(self) -> int:
        return penalty.MAX_AMOUNT


def clock_state(case: Case, today: dt.date | None = None) -> ClockState:
    today = today or timezone.localdate()
    notice = DefaultNotice.objects.filter(case=case).first()
    applies = case.case_type.penalty_applies if notice is None else notice.penalty_applies
    penalty_from: dt.date | None = None
    days = 0
    if notice is not None and applies:
        penalty_from = penalty.first_penalty_day(notice.sent_on)
        days = penalty.penalty_days(
            notice_on=notice.sent_on, today=today, decided_on=case.closed_on
        )
    return ClockState(
        case=case,
        today=today,
        late=decision_late_insights(case, today),
        notice=notice,
        penalty_applies=applies,
        notice_from=penalty.notice_allowed_from(case.deadline),
        penalty_from=penalty_from,
        penalty_days=days,
        penalty_amount=penalty.penalty_amount(days),
    )
