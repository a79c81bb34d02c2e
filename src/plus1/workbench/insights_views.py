# SPDX-License-Identifier: EUPL-1.2
"""Staff and management: cases at risk of being late, the penalties running, and their own
teams' performance figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.selectors import cases_for_staff
from plus1.identity.decorators import staff_required
from plus1.identity.selectors import teams_of
from plus1.insights.disclosure import THRESHOLD
from plus1.insights.performance import performance
from plus1.insights.selectors import AT_RISK_WORKING_DAYS, clock_overview
from plus1.insights.team_figures import team_source
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
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


@no_personal_data
@staff_required
def team_performance(request: HttpRequest) -> HttpResponse:
    """The performance figures over the staff member's own teams' cases, unprotected."""
    teams = list(teams_of(request.user).order_by("name", "pk"))
    raw = request.GET.dict()
    slug = (raw.pop("team", "") or "").strip()
    chosen = next((team for team in teams if team.slug == slug), None)
    problems = [] if chosen or not slug else [f"Het team ‘{slug}’ is niet een van uw teams."]
    cases = cases_for_staff(request.user)
    if chosen is not None:
        cases = cases.filter(responsible_team=chosen)
    figures = performance(raw, team_source(cases))
    problems += figures.problems
    context = {
        "figures": figures,
        "teams": teams,
        "chosen_team": chosen,
        "problems": problems,
        "threshold": THRESHOLD,
    }
    status = 400 if problems else 200
    return render(request, "insights/workbench_performance.html", context, status=status)
