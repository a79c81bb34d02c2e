# SPDX-License-Identifier: EUPL-1.2
"""Staff and management: cases at risk of being late, and the penalties running."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.selectors import cases_for_staff
from plus1.identity.decorators import staff_required
from plus1.insights.selectors import AT_RISK_WORKING_DAYS, clock_overview
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.privacy.services import personal_data_list_access


@processing_activity(CASE_TYPE)
@staff_required
def legal_clock_overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    overview = clock_overview(cases_for_staff(request.user), today)
    shown = [item.case for item in overview.at_risk] + [item.case for item in overview.exposures]
    personal_data_list_access(
        actor=Actor.from_user(request.user), cases=shown, name="termijnen en dwangsommen bekeken"
    )
    context = {"overview": overview, "today": today, "risk_days": AT_RISK_WORKING_DAYS}
    return render(request, "insights/workbench_legal_clock.html", context)
