# SPDX-License-Identifier: EUPL-1.2
"""Resident and entrepreneur pages: thin views over catalog and case selectors/services."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.assignment import named_contact
from plus1.cases.conversation_selectors import with_open_request
from plus1.cases.models import Case
from plus1.cases.selectors import case_of_party, cases_of_party
from plus1.cases.services import case_register
from plus1.catalog import forms_schema
from plus1.catalog.models import CaseType, Product
from plus1.catalog.selectors import product_requestable, products_published
from plus1.common.legal_clock import describe_term
from plus1.identity.assurance import Level, is_enough
from plus1.identity.decorators import resident_required
from plus1.identity.login.brokers import broker_named, brokers_enabled
from plus1.identity.login.session import PortalLogin, login_of, login_remember, portal_actor
from plus1.identity.models import Party
from plus1.identity.selectors import demo_parties, demo_party, party_by_uuid
from plus1.portal.conversation_views import conversation_context
from plus1.privacy.declarations import no_personal_data, own_data
from plus1.privacy.services import case_register_on_behalf, case_view_on_behalf


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
            context["error"] = "Kies een van de personen."
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
def request_form(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    product = product_requestable(slug)
    if product is None or product.case_type is None:
        raise Http404
    portal_login = login_of(request)
    level = portal_login.level if portal_login else Level.BASIS
    if not is_enough(level, product.login_level):
        return _higher_level_needed(request, party, product, portal_login, level)
    case_type = product.case_type
    values: dict[str, Any] = {}
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        values = forms_schema.read_submission(case_type.form_schema, request.POST)
        try:
            case = _register(request, portal_login, party, case_type, values)
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            return redirect("portal:case-received", identification=case.identification)
    context = {
        "product": product,
        "term": describe_term(case_type.legal_term),
        "fields": forms_schema.fields(case_type.form_schema),
        "values": forms_schema.form_values(case_type.form_schema, request.POST)
        if request.method == "POST"
        else forms_schema.prefill(case_type.form_schema, _known(party)),
        "problems": problems,
    }
    return render(request, "portal/request_form.html", context, status=400 if problems else 200)


def _known(party: Party) -> dict[str, str]:
    """What the platform knows about the resident, to fill in so nothing is asked twice."""
    return {"name": party.name, "email": party.email, "phone": party.phone}


def _register(
    request: HttpRequest,
    portal_login: PortalLogin | None,
    party: Party,
    case_type: CaseType,
    values: dict[str, Any],
) -> Case:
    branch = portal_login.branch if portal_login else ""
    representative = (
        party_by_uuid(portal_login.representative_uuid)
        if portal_login and portal_login.represents
        else None
    )
    if representative is not None:
        return case_register_on_behalf(
            actor=portal_actor(request),
            representative=representative,
            initiator=party,
            case_type=case_type,
            form_data=values,
            initiator_branch=branch,
        )
    return case_register(
        actor=Actor.from_user(request.user),
        case_type=case_type,
        initiator=party,
        form_data=values,
        initiator_branch=branch,
    )


def _higher_level_needed(
    request: HttpRequest,
    party: Party,
    product: Product,
    portal_login: PortalLogin | None,
    level: str,
) -> HttpResponse:
    """A Dutch explanation and a new login at the level the product needs."""
    business = party.kind == Party.Kind.BUSINESS
    broker = portal_login.broker if portal_login else ""
    if broker not in ("digid", "eherkenning"):
        broker = "eherkenning" if business else "digid"
    means = "eHerkenning" if broker == "eherkenning" else "DigiD"
    query = urlencode({"niveau": product.login_level, "next": request.path})
    if broker_named(broker) is not None:
        relogin = f"{reverse(f'portal:login-{broker}')}?{query}"
    else:
        relogin = f"{reverse('portal:login')}?{urlencode({'next': request.path})}"
    context = {
        "product": product,
        "means": means,
        "needed": Level(product.login_level).label,
        "current": Level(level).label if level in Level.values else "onbekend",
        "relogin_url": relogin,
    }
    return render(request, "portal/login_level.html", context, status=403)


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
    cases = with_open_request(cases_of_party(party))
    return render(request, "portal/my_cases.html", {"party": party, "cases": cases})


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
    }
    return render(request, "portal/case_detail.html", context)
