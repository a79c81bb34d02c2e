# SPDX-License-Identifier: EUPL-1.2
"""Reads of the insights context: the legal clock over many cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from plus1.cases.models import Case
from plus1.common.legal_clock import working_days_between
from plus1.insights import penalty
from plus1.insights.models import DefaultNotice

AT_RISK_WORKING_DAYS = 5


@dataclass(frozen=True)
class AtRisk:
    case: Case
    working_days_left: int


@dataclass(frozen=True)
class Exposure:
    case: Case
    notice: DefaultNotice
    days: int
    amount: int


@dataclass(frozen=True)
class ClockOverview:
    at_risk: list[AtRisk]
    exposures: list[Exposure]
    total_exposure: int
    maximum_exposure: int


def clock_overview(cases: QuerySet[Case], today: dt.date) -> ClockOverview:
    """Of the given cases: those due within 5 working days (not yet late, not suspended),
    and the penalties running on cases with a notice of default, with their total to date.
    `cases` is already scoped to what the reader may see (a team's cases)."""
    horizon_cases = (
        cases.filter(closed_on__isnull=True, suspended_on__isnull=True, deadline__gte=today)
        .filter(deadline__lte=today + dt.timedelta(days=14))
        .select_related("case_type")
        .order_by("deadline", "pk")
    )
    at_risk = []
    for case in horizon_cases:
        left = working_days_between(today, case.deadline)
        if left <= AT_RISK_WORKING_DAYS:
            at_risk.append(AtRisk(case, left))
    notices = DefaultNotice.objects.filter(
        case__in=cases.values("pk"),
        penalty_applies=True,
    ).select_related("case", "case__case_type")
    exposures = []
    for notice in notices.order_by("sent_on", "pk"):
        days = penalty.penalty_days(
            notice_on=notice.sent_on, today=today, decided_on=notice.case.closed_on
        )
        exposures.append(Exposure(notice.case, notice, days, penalty.penalty_amount(days)))
    return ClockOverview(
        at_risk=at_risk,
        exposures=exposures,
        total_exposure=sum(item.amount for item in exposures),
        maximum_exposure=sum(
            penalty.MAX_AMOUNT for item in exposures if item.case.closed_on is None
        ),
    )
