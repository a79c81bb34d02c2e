# SPDX-License-Identifier: EUPL-1.2
"""Staff pages: the team inbox and the case page. Thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases import worklist
from plus1.cases.history import case_history
from plus1.cases.models import Case
from plus1.catalog.form_labels import labelled_answers
from plus1.catalog.models import StatusType
from plus1.catalog.selectors import transitions_from
from plus1.common.views import form_outcome
from plus1.documents.selectors import case_documents
from plus1.geo.selectors import area_choices
from plus1.identity.decorators import staff_required
from plus1.identity.middleware import second_factor_not_required
from plus1.identity.selectors import is_team_lead, team_members, team_of, teams_of
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.selectors import gdpr_panel
from plus1.privacy.services import personal_data_access, personal_data_page_access
from plus1.workbench.breakthrough_views import breakthrough_context
from plus1.workbench.conversation_views import conversation_context, draft_of
from plus1.workbench.lookups import case_or_404
from plus1.workbench.services import case_note_add_by_staff, case_transition_by_staff
from plus1.workbench.work_views import page_query, paginate


@no_personal_data
@second_factor_not_required
@require_POST
def logout_view(request: HttpRequest) -> HttpResponseBase:
    return auth_views.LogoutView.as_view(next_page=reverse_lazy("workbench:login"))(request)


def _filters(request: HttpRequest, areas: list[tuple[str, str]]) -> worklist.InboxFilters:
    area = request.GET.get("gebied", "")
    sort = request.GET.get("sorteer", "termijn")
    return worklist.InboxFilters(
        status=request.GET.get("status", "")[:64],
        case_type=request.GET.get("zaaktype", "")[:64],
        area=area if area in dict(areas) else "",
        assignee=request.GET.get("behandelaar", "")[:12],
        overdue=request.GET.get("te_laat") == "ja",
        waiting=request.GET.get("wacht") == "ja",
        sort=sort if sort in worklist.SORTS else "termijn",
    )


@processing_activity(CASE_TYPE)
@staff_required
def inbox(request: HttpRequest) -> HttpResponse:
    """A team's open cases, a page at a time, with filters and sorts; the staff member
    switches between the inboxes of their teams (?team=)."""
    teams = list(teams_of(request.user))
    slug = request.GET.get("team", "")
    team = team_of(request.user, slug) if slug else (teams[0] if len(teams) == 1 else None)
    shown = [team] if team else teams
    areas = area_choices(sorted({code for t in shown for code in t.areas}))
    filters = _filters(request, areas)
    cases = worklist.inbox(request.user, team, filters)
    page = paginate(request, cases, "werkvoorraad bekeken")
    attention = []
    if page.number == 1:
        attention = list(worklist.needs_attention(request.user, team))
        personal_data_page_access(
            actor=Actor.from_user(request.user), cases=attention, name="werkvoorraad bekeken"
        )
    context: dict[str, object] = {
        "teams": teams,
        "team": team,
        "caption": f"Openstaande zaken van {team.name if team else 'uw teams'}",
        "areas": areas,
        "filters": filters,
        "page": page,
        "attention": attention,
        "query": page_query(request),
        "choices": worklist.inbox_choices(shown),
        "members": team_members(team) if team else [],
        "is_lead": team is not None and is_team_lead(request.user, team),
        "sorts": SORT_LABELS,
    }
    return render(request, "workbench/inbox.html", context)


SORT_LABELS = [
    ("termijn", "Uiterlijke einddatum (eerst)"),
    ("-termijn", "Uiterlijke einddatum (laatst)"),
    ("ingediend", "Ingediend (oudste eerst)"),
    ("-ingediend", "Ingediend (nieuwste eerst)"),
    ("zaaknummer", "Zaaknummer"),
]


def _last_explanation(case: Case) -> str:
    steps = list(case.history.all())  # prefetched by case_for_staff
    return steps[-1].explanation if steps else ""


@processing_activity(CASE_TYPE)
@staff_required
def case_detail(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
    if case.initiator is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=case.initiator,
            case=case,
            action=TrailAction.VIEWED,
            name=f"zaak {case.identification} bekeken",
        )
    is_lead = is_team_lead(request.user, case.responsible_team)
    context = {
        "gdpr": gdpr_panel(case),
        "case": case,
        "overdue": case.is_overdue(),
        "status_explanation": _last_explanation(case),
        "form_rows": labelled_answers(case.case_type.form_schema, case.form_data),
        "transitions": transitions_from(case.status) if case.status else [],
        "history": case_history(case),
        "documents": case_documents([case.uuid]),
        "members": team_members(case.responsible_team),
        "is_lead": is_lead,
        "suggestions": worklist.suggestions(case)[:3] if is_lead and not case.closed_on else [],
        "today": timezone.localdate(),
        **conversation_context(case, draft_of(request, case)),
        **breakthrough_context(case),
    }
    return render(request, "workbench/case_detail.html", context)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_note(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
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
    case = case_or_404(request, identification)
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
