# SPDX-License-Identifier: EUPL-1.2
"""Looking up a resident outside a case (counter, phone): the purpose is chosen first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plus1.audit.services import Actor
from plus1.cases.selectors import cases_of_party_for_purpose
from plus1.common.bsn import is_valid_bsn
from plus1.identity.decorators import staff_required
from plus1.identity.selectors import party_by_bsn, teams_of
from plus1.privacy.declarations import CHOSEN, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.selectors import register_public
from plus1.privacy.services import personal_data_access


@processing_activity(CHOSEN)
@staff_required
def lookup(request: HttpRequest) -> HttpResponse:
    activities = register_public()
    context: dict[str, object] = {"activities": activities, "problems": []}
    if request.method == "POST":
        activity = activities.filter(code=request.POST.get("doel", "")).first()
        bsn = request.POST.get("bsn", "").strip()
        problems = []
        if activity is None:
            problems.append("Kies eerst het doel waarvoor u de gegevens nodig heeft.")
        if not is_valid_bsn(bsn):
            problems.append("Vul een geldig burgerservicenummer in.")
        party = party_by_bsn(bsn) if not problems else None
        if not problems and party is None:
            problems.append("Er is geen inwoner met dit burgerservicenummer.")
        if problems or party is None or activity is None:
            context["problems"] = problems
            return render(request, "privacy/lookup.html", context, status=400)
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=party,
            activity=activity,
            team=teams_of(request.user).first(),
            action=TrailAction.VIEWED,
            name="gegevens bekeken buiten een zaak (balie of telefoon)",
        )
        cases = cases_of_party_for_purpose(request.user, party, activity.code)
        context.update({"party": party, "activity": activity, "cases": cases})
    return render(request, "privacy/lookup.html", context)
