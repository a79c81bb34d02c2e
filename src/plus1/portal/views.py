# SPDX-License-Identifier: EUPL-1.2
"""Resident and entrepreneur pages: thin views over catalog and case selectors/services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from plus1.cases.assignment import named_contact
from plus1.cases.breakthrough import open_breakthrough
from plus1.cases.conversation_selectors import with_open_request
from plus1.cases.drafts import request_drafts_with_products
from plus1.cases.selectors import case_of_party, cases_of_party
from plus1.catalog.form_labels import labelled_answers
from plus1.catalog.selectors import products_published
from plus1.identity.assurance import Level
from plus1.identity.decorators import resident_required
from plus1.identity.login.brokers import brokers_enabled
from plus1.identity.login.session import PortalLogin, login_of, login_remember, portal_actor
from plus1.identity.models import Party
from plus1.identity.selectors import demo_parties, demo_party
from plus1.portal.conversation_views import conversation_context
from plus1.privacy.declarations import no_personal_data, own_data
from plus1.privacy.services import case_view_on_behalf

MY_CASES_PAGE_SIZE = 20


@no_personal_data
def home(request: HttpRequest) -> HttpResponse:
    products = products_published().filter(case_type__isnull=False, case_type__active=True)
    return render(request, "portal/home.html", {"products": products})


@no_personal_data  # demo mode lists fictitious demo persons only
def login_page(request: HttpRequest) -> HttpResponse:
    """The login page: DigiD and eHerkenning through the brokers; in demo mode also the
    clearly labelled simulation."""
    next_url = _safe_next(request.POST.get("next") or request.GET.get("next"))
    context: dict[str, Any] = {
        "next": next_url,
        "brokers": brokers_enabled(),
        "expired": request.GET.get("verlopen") == "1",
        "parties": demo_parties() if settings.DEMO_MODE else [],
    }
    if request.method == "POST":
        if not settings.DEMO_MODE:
            raise Http404
        party = demo_party(request.POST.get("party", ""))
        if party is None:
            context["error"] = _("Kies een van de personen.")
            return render(request, "portal/login.html", context, status=400)
        login(request, party.user, backend="django.contrib.auth.backends.ModelBackend")
        login_remember(request, PortalLogin(broker="demo", level=Level.SUBSTANTIEEL))
        return redirect(next_url)
    return render(request, "portal/login.html", context)


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//"):
        return value
    return reverse("portal:my-cases")


@own_data
@resident_required
def case_received(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    return render(request, "portal/case_received.html", {"case": case})


@own_data
@resident_required
def my_cases(request: HttpRequest, party: Party) -> HttpResponse:
    """The resident's cases, most recent first, a page at a time; the notices about open
    information requests cover every case, not only those on the page."""
    cases = with_open_request(cases_of_party(party))
    context = {
        "party": party,
        "page": Paginator(cases, MY_CASES_PAGE_SIZE).get_page(request.GET.get("pagina")),
        "waiting": cases.filter(open_request_due__isnull=False),  # type: ignore[misc]
        "drafts": request_drafts_with_products(party),
    }
    return render(request, "portal/my_cases.html", context)


@own_data
@resident_required
def case_detail(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    portal_login = login_of(request)
    if portal_login is not None and portal_login.represents:
        case_view_on_behalf(actor=portal_actor(request), initiator=party, case=case)
    context = {
        "case": case,
        **conversation_context(case),
        "overdue": case.is_overdue(),
        "named_contact": named_contact(case),
        "answers": labelled_answers(case.case_type.form_schema, case.form_data),
        "extra_attention": open_breakthrough(case),
    }
    return render(request, "portal/case_detail.html", context)
