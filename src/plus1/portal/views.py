# SPDX-License-Identifier: EUPL-1.2
"""Resident and entrepreneur pages: thin views over catalog and case selectors/services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases.selectors import case_of_party, cases_of_party
from plus1.cases.services import case_register
from plus1.catalog import forms_schema
from plus1.catalog.selectors import product_requestable, products_published
from plus1.common.legal_clock import describe_term
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.identity.selectors import demo_parties, demo_party
from plus1.privacy.declarations import no_personal_data, own_data


@no_personal_data
def home(request: HttpRequest) -> HttpResponse:
    products = products_published().filter(case_type__isnull=False, case_type__active=True)
    return render(request, "portal/home.html", {"products": products})


@no_personal_data  # demo mode lists fictitious demo persons only
def login_page(request: HttpRequest) -> HttpResponse:
    """The login page. In demo mode: the clearly labelled DigiD simulation."""
    next_url = _safe_next(request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        if not settings.DEMO_MODE:
            raise Http404
        party = demo_party(request.POST.get("party", ""))
        if party is None:
            return render(
                request,
                "portal/login.html",
                {"parties": demo_parties(), "next": next_url, "error": "Kies een van de personen."},
                status=400,
            )
        login(request, party.user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(next_url)
    parties = demo_parties() if settings.DEMO_MODE else []
    return render(request, "portal/login.html", {"parties": parties, "next": next_url})


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//"):
        return value
    return reverse("portal:my-cases")


@no_personal_data
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("portal:home")


@own_data
@resident_required
def request_form(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    product = product_requestable(slug)
    if product is None or product.case_type is None:
        raise Http404
    case_type = product.case_type
    values: dict[str, Any] = {}
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        values = forms_schema.read_submission(case_type.form_schema, request.POST)
        try:
            case = case_register(
                actor=Actor.from_user(request.user),
                case_type=case_type,
                initiator=party,
                form_data=values,
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            return redirect("portal:case-received", identification=case.identification)
    context = {
        "product": product,
        "term": describe_term(case_type.legal_term),
        "fields": forms_schema.fields(case_type.form_schema),
        "values": request.POST if request.method == "POST" else values,
        "problems": problems,
    }
    return render(request, "portal/request_form.html", context, status=400 if problems else 200)


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
    return render(request, "portal/my_cases.html", {"party": party, "cases": cases_of_party(party)})


@own_data
@resident_required
def case_detail(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    return render(request, "portal/case_detail.html", {"case": case})
