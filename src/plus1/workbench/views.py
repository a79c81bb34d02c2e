# SPDX-License-Identifier: EUPL-1.2
"""Staff pages: the team inbox and the case page. Thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from plus1.audit.selectors import audit_for
from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.selectors import case_for_staff, team_inbox
from plus1.catalog import forms_schema
from plus1.catalog.models import StatusType
from plus1.catalog.selectors import transitions_from
from plus1.common.views import form_outcome
from plus1.geo.selectors import area_choices, in_area
from plus1.identity.decorators import staff_required
from plus1.identity.middleware import second_factor_not_required
from plus1.identity.selectors import teams_of
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.selectors import gdpr_panel
from plus1.privacy.services import personal_data_access, personal_data_list_access
from plus1.workbench.conversation_views import conversation_context, draft_of
from plus1.workbench.services import case_note_add_by_staff, case_transition_by_staff


@no_personal_data
@second_factor_not_required
@require_POST
def logout_view(request: HttpRequest) -> HttpResponseBase:
    return auth_views.LogoutView.as_view(next_page=reverse_lazy("workbench:login"))(request)


@processing_activity(CASE_TYPE)
@staff_required
def inbox(request: HttpRequest) -> HttpResponse:
    teams = teams_of(request.user)
    areas = area_choices(sorted({code for team in teams for code in team.areas}))
    area = request.GET.get("gebied", "")
    area = area if area in dict(areas) else ""
    cases = list(in_area(team_inbox(request.user), area))
    personal_data_list_access(
        actor=Actor.from_user(request.user), cases=cases, name="werkvoorraad bekeken"
    )
    context = {
        "cases": cases,
        "teams": teams,
        "areas": areas,
        "area": area,
        "today": timezone.localdate(),
    }
    return render(request, "workbench/inbox.html", context)


def _case_or_404(request: HttpRequest, identification: str) -> Case:
    case = case_for_staff(request.user, identification)
    if case is None:
        raise Http404
    return case


@processing_activity(CASE_TYPE)
@staff_required
def case_detail(request: HttpRequest, identification: str) -> HttpResponse:
    case = _case_or_404(request, identification)
    if case.initiator is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=case.initiator,
            case=case,
            action=TrailAction.VIEWED,
            name=f"zaak {case.identification} bekeken",
        )
    context = {
        "gdpr": gdpr_panel(case),
        "case": case,
        "form_rows": forms_schema.labelled(case.case_type.form_schema, case.form_data),
        "transitions": transitions_from(case.status) if case.status else [],
        "audit": audit_for(case),
        "today": timezone.localdate(),
        **conversation_context(case, draft_of(request, case)),
    }
    return render(request, "workbench/case_detail.html", context)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_note(request: HttpRequest, identification: str) -> HttpResponse:
    case = _case_or_404(request, identification)
    with form_outcome(request, "De notitie is opgeslagen."):
        case_note_add_by_staff(
            staff=request.user,
            case=case,
            text=request.POST.get("text", ""),
            visible_to_initiator=request.POST.get("visible") == "on",
        )
    return redirect("workbench:case", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_status(request: HttpRequest, identification: str) -> HttpResponse:
    case = _case_or_404(request, identification)
    target = StatusType.objects.filter(
        case_type=case.case_type, code=request.POST.get("status")
    ).first()
    if target is None:
        messages.error(request, "Kies een geldige vervolgstap.")
        return redirect("workbench:case", identification=identification)
    with form_outcome(request, f"De status is nu ‘{target.name}’."):
        case_transition_by_staff(
            staff=request.user,
            case=case,
            target=target,
            explanation=request.POST.get("explanation", "").strip(),
        )
    return redirect("workbench:case", identification=identification)
