# SPDX-License-Identifier: EUPL-1.2
"""Doorbraak on the staff case page: mark a case "doorbraak nodig", and the doorbraak
team's decision with the rule that pinched. Thin views over workbench.services."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from plus1.cases.breakthrough import breakthrough_team, open_breakthrough
from plus1.cases.models import Case
from plus1.catalog.models import Product
from plus1.common.views import form_outcome
from plus1.identity.decorators import staff_required
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.workbench.lookups import case_or_404
from plus1.workbench.services import (
    case_breakthrough_decide_by_staff,
    case_breakthrough_mark_by_staff,
)


def breakthrough_context(case: Case) -> dict[str, Any]:
    """What the case page shows of the doorbraak route."""
    breakthrough = open_breakthrough(case)
    return {
        "breakthrough": breakthrough,
        "breakthrough_team": breakthrough_team(),
        "breakthrough_products": Product.objects.filter(published=True).order_by("name", "pk")
        if breakthrough
        else [],
    }


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_breakthrough_mark_view(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
    team = breakthrough_team()
    with form_outcome(
        request, f"De zaak ligt nu bij {team.name if team else 'het doorbraakteam'}."
    ):
        case_breakthrough_mark_by_staff(
            staff=request.user, case=case, blocker=request.POST.get("blokkade", "")
        )
    return redirect("workbench:case", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_breakthrough_decide_view(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
    chosen = request.POST.get("product", "")
    product = (
        Product.objects.filter(published=True, pk=int(chosen)).first() if chosen.isdigit() else None
    )
    with form_outcome(request, "Het besluit van het doorbraakteam is vastgelegd."):
        case_breakthrough_decide_by_staff(
            staff=request.user,
            case=case,
            decision=request.POST.get("besluit", ""),
            rule=request.POST.get("regel", ""),
            legal_basis=request.POST.get("grondslag", "")[:300],
            product=product,
        )
    return redirect("workbench:case", identification=identification)
