# SPDX-License-Identifier: EUPL-1.2
"""Staff pages for dividing the work: Mijn werk, search, workload, and (re)assigning cases.
Thin views: parse, call one selector or use case, render. Every list is paginated and writes
one data-trail record per person on the page, with one audit entry for the view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases.conversation_selectors import with_conversation_markers
from plus1.cases.models import Case
from plus1.cases.selectors import cases_of_party_for_purpose, with_overdue
from plus1.cases.worklist import BsnInQuery, my_work, search, team_workload
from plus1.common.bsn import is_valid_bsn
from plus1.common.views import form_outcome
from plus1.identity.decorators import staff_required
from plus1.identity.models import Team
from plus1.identity.selectors import is_team_lead, party_by_bsn, team_of, teams_of
from plus1.privacy.declarations import CASE_TYPE, CHOSEN, no_personal_data, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.selectors import register_public
from plus1.privacy.services import personal_data_access, personal_data_page_access
from plus1.workbench.lookups import case_or_404
from plus1.workbench.services import (
    case_hand_over,
    case_pick_up,
    case_return_to_team,
    cases_assign_by_lead,
)

PAGE_SIZE = 50


def paginate(request: HttpRequest, cases: QuerySet[Case], name: str) -> Page:
    """One page of a list, with the data trail for the people actually shown on it.

    The page's keys come from a narrow query (sorting only the sort columns), then the
    fifty rows are read with everything they show: sorting a whole team's wide joined rows
    costs more than the page itself."""
    page: Page = Paginator(cases.values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    keys = list(page.object_list)
    rows = {
        case.pk: case for case in with_conversation_markers(cases.filter(pk__in=keys)).order_by()
    }
    shown = [rows[key] for key in keys if key in rows]
    page.object_list = shown
    personal_data_page_access(actor=Actor.from_user(request.user), cases=shown, name=name)
    return page


def page_query(request: HttpRequest) -> str:
    """The list's query string without the page number, for the page links."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@processing_activity(CASE_TYPE)
@staff_required
def my_work_view(request: HttpRequest) -> HttpResponse:
    page = paginate(request, my_work(request.user), "mijn werk bekeken")
    return render(request, "workbench/my_work.html", {"page": page, "query": page_query(request)})


@processing_activity(CHOSEN)
@staff_required
def search_view(request: HttpRequest) -> HttpResponse:
    """Search by case number, name, postcode + huisnummer, KVK number or free text (GET ?q=);
    by BSN only in a POST form with a purpose chosen first, so a BSN is never in a URL."""
    context: dict[str, object] = {"activities": register_public(), "problems": []}
    if request.method == "POST":
        return _search_by_bsn(request, context)
    q = request.GET.get("q", "").strip()[:200]
    context["q"] = q
    if q:
        try:
            results = search(request.user, q)
        except BsnInQuery:
            context["problems"] = [
                "Zoek op een burgerservicenummer met het BSN-formulier hieronder. "
                "Dan komt het nummer niet in de adresbalk of in logbestanden."
            ]
            context["q"] = ""
            return render(request, "workbench/search.html", context, status=400)
        context["page"] = paginate(request, results, "zaken gezocht")
        context["query"] = page_query(request)
    return render(request, "workbench/search.html", context)


def _search_by_bsn(request: HttpRequest, context: dict[str, object]) -> HttpResponse:
    activity = register_public().filter(code=request.POST.get("doel", "")).first()
    bsn = request.POST.get("bsn", "").replace(" ", "")
    problems = []
    if activity is None:
        problems.append("Kies eerst het doel waarvoor u de zaken van deze persoon nodig heeft.")
    if not is_valid_bsn(bsn):
        problems.append("Vul een geldig burgerservicenummer in (9 cijfers).")
    party = party_by_bsn(bsn) if not problems else None
    if not problems and party is None:
        problems.append("Er is geen inwoner met dit burgerservicenummer.")
    if problems or party is None or activity is None:
        context["problems"] = problems
        return render(request, "workbench/search.html", context, status=400)
    personal_data_access(
        actor=Actor.from_user(request.user),
        subject=party,
        activity=activity,
        team=teams_of(request.user).first(),
        action=TrailAction.VIEWED,
        name="zaken gezocht op burgerservicenummer",
    )
    cases = with_overdue(cases_of_party_for_purpose(request.user, party, activity.code))
    context.update({"party": party, "activity": activity, "bsn_results": cases[:PAGE_SIZE]})
    return render(request, "workbench/search.html", context)


@no_personal_data
@staff_required
def workload_view(request: HttpRequest) -> HttpResponse:
    teams = teams_of(request.user)
    team = team_of(request.user, request.GET.get("team", "")) or teams.first()
    context = {
        "teams": teams,
        "team": team,
        "workload": team_workload(team) if team else None,
    }
    return render(request, "workbench/workload.html", context)


def _colleague(request: HttpRequest, field: str) -> User | None:
    value = request.POST.get(field, "")
    if not value.isdigit():
        return None
    return get_user_model().objects.filter(pk=int(value), is_staff=True, is_active=True).first()


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def case_assign_view(request: HttpRequest, identification: str) -> HttpResponse:
    """Oppakken, overdragen, teruggeven or (a team lead) toewijzen of one case."""
    case = case_or_404(request, identification)
    action = request.POST.get("actie", "")
    back = redirect("workbench:case", identification=identification)
    if action == "oppakken":
        with form_outcome(request, "U bent nu de behandelaar van deze zaak."):
            case_pick_up(staff=request.user, case=case)
    elif action == "overdragen":
        colleague = _colleague(request, "collega")
        with form_outcome(request, "De zaak is overgedragen."):
            case_hand_over(
                staff=request.user,
                case=case,
                colleague=colleague,
                reason=request.POST.get("reden", ""),
            )
    elif action == "teruggeven":
        with form_outcome(request, "De zaak staat weer in de werkvoorraad van het team."):
            case_return_to_team(staff=request.user, case=case, reason=request.POST.get("reden", ""))
    elif action == "toewijzen":
        _assign_as_lead(request, case.responsible_team, [identification])
    else:
        messages.error(request, "Kies wat u met de zaak wilt doen.")
    return back


def _assign_as_lead(request: HttpRequest, team: Team, identifications: list[str]) -> None:
    colleague = _colleague(request, "behandelaar")
    if colleague is None and request.POST.get("behandelaar") != "team":
        messages.error(request, "Kies aan wie u de zaken geeft, of ‘terug naar het team’.")
        return
    seen = request.POST.get("gezien", "")
    with form_outcome(request, f"{len(identifications)} zaak/zaken toegewezen."):
        done = cases_assign_by_lead(
            staff=request.user,
            team=team,
            identifications=identifications,
            assignee=colleague,
            reason=request.POST.get("reden", ""),
        )
        changed = [a.case.identification for a in done if seen and str(a.previous_id or "") != seen]
        if changed:
            messages.warning(
                request,
                "Let op: intussen had iemand anders de behandelaar van "
                + ", ".join(changed)
                + " al gewijzigd. Uw keuze is nu vastgelegd; beide wijzigingen staan in de geschiedenis.",
            )


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def bulk_assign_view(request: HttpRequest) -> HttpResponse:
    """A team lead reassigns the cases ticked in the inbox."""
    team = team_of(request.user, request.POST.get("team", ""))
    if team is None:
        raise Http404
    if not is_team_lead(request.user, team):
        messages.error(request, "Alleen een teamleider kan zaken in bulk toewijzen.")
    else:
        _assign_as_lead(request, team, request.POST.getlist("zaken"))
    return redirect(reverse("workbench:inbox") + f"?team={team.slug}")
