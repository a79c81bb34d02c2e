# SPDX-License-Identifier: EUPL-1.2
"""Where people get stuck, for team leads and management: the stuck cases of the lead's
teams, and "Waar lopen mensen vast?" over the online request forms."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plus1.cases.selectors import cases_for_staff
from plus1.identity.decorators import staff_required
from plus1.identity.selectors import teams_led_by
from plus1.insights.form_counters import form_friction
from plus1.insights.stuck import CONTACT_WINDOW_DAYS, REPEAT_CONTACTS, stuck_cases, stuck_reasons
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
from plus1.workbench.work_views import page_query, paginate

PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}


@processing_activity(CASE_TYPE)
@staff_required
def stuck_cases_view(request: HttpRequest) -> HttpResponse:
    """Vastgelopen zaken of the teams the staff member leads, a page at a time."""
    teams = list(teams_led_by(request.user))
    today = timezone.localdate()
    context: dict[str, object] = {
        "teams": teams,
        "repeat_contacts": REPEAT_CONTACTS,
        "contact_days": CONTACT_WINDOW_DAYS,
    }
    if not teams:
        return render(request, "workbench/stuck_cases.html", context, status=403)
    cases = stuck_cases(cases_for_staff(request.user).filter(responsible_team__in=teams), today)
    page = paginate(request, cases, "vastgelopen zaken bekeken")
    context.update(
        {
            "page": page,
            "rows": stuck_reasons(list(page.object_list), today),
            "query": page_query(request),
        }
    )
    return render(request, "workbench/stuck_cases.html", context)


@no_personal_data
@staff_required
def form_friction_view(request: HttpRequest) -> HttpResponse:
    """Per product: forms started and sent, and the fields with most errors."""
    chosen = request.GET.get("periode", "30")
    days = PERIODS.get(chosen, 30)
    until = timezone.localdate()
    since = until - dt.timedelta(days=days - 1)
    context = {
        "forms": form_friction(since, until),
        "since": since,
        "until": until,
        "periods": list(PERIODS),
        "period": str(days),
    }
    return render(request, "workbench/form_friction.html", context)
