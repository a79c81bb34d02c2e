# SPDX-License-Identifier: EUPL-1.2
"""An online request in steps: the form's pages (progress shown when there are several),
"controleer uw antwoorden", then sending. The answers so far live in the resident's draft
(cases.RequestDraft), so "Opslaan en later verder" brings them back after logging in again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from plus1.audit.services import Actor
from plus1.cases.drafts import request_draft_discard, request_draft_of, request_draft_save
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog import form_files, forms_schema
from plus1.catalog.form_labels import labelled_answers
from plus1.catalog.models import CaseType, Product
from plus1.catalog.selectors import product_requestable
from plus1.common.legal_clock import describe_term
from plus1.documents.uploads import Upload
from plus1.identity.assurance import Level, is_enough
from plus1.identity.decorators import resident_required
from plus1.identity.login.brokers import broker_named
from plus1.identity.login.session import PortalLogin, login_of, portal_actor
from plus1.identity.models import Party
from plus1.identity.selectors import party_by_uuid
from plus1.insights.form_counters import form_counters_add
from plus1.portal.request_files import (
    file_fields,
    request_files_check,
    request_files_link,
    request_files_store,
)
from plus1.privacy.declarations import own_data
from plus1.privacy.services import case_register_on_behalf

PENDING = "wordt-bewaard:bestand"  # an accepted upload's answer until it is stored

TERM_UNITS = {
    "dag": gettext_noop("dag"),
    "dagen": gettext_noop("dagen"),
    "week": gettext_noop("week"),
    "weken": gettext_noop("weken"),
    "maand": gettext_noop("maand"),
    "maanden": gettext_noop("maanden"),
    "jaar": gettext_noop("jaar"),
}


def _term(term: str) -> str:
    """‘8 weken’ in the page's language (‘8 weeks’)."""
    return " ".join(
        _(TERM_UNITS[word]) if word in TERM_UNITS else word for word in describe_term(term).split()
    )


def _product_or_404(slug: str) -> Product:
    product = product_requestable(slug)
    if product is None or product.case_type is None:
        raise Http404
    return product


def _step(request: HttpRequest, count: int) -> int:
    raw = request.POST.get("stap") or request.GET.get("stap") or "1"
    return min(max(int(raw), 1), count) if raw.isdigit() else 1


def _steps(pages: list[forms_schema.Page], current: int) -> list[dict[str, Any]]:
    """Progress for forms of more than one page; the check page is the last step."""
    if len(pages) < 2:
        return []
    titles = [page.title for page in pages] + [_("Controleren")]
    return [
        {"number": number, "title": title, "current": number == current, "done": number < current}
        for number, title in enumerate(titles, start=1)
    ]


@own_data
@resident_required
def request_form(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    product = _product_or_404(slug)
    portal_login = login_of(request)
    level = portal_login.level if portal_login else Level.BASIS
    if not is_enough(level, product.login_level):
        return _higher_level_needed(request, party, product, portal_login, level)
    case_type = product.case_type
    assert case_type is not None
    schema, pages = case_type.form_schema, forms_schema.pages(case_type.form_schema)
    number = _step(request, len(pages))
    page = pages[number - 1]
    draft = request_draft_of(party, case_type)
    actor = Actor.from_user(request.user)
    problems: dict[str, list[str]] = {}
    action = request.POST.get("actie", "verder")
    if request.method == "POST" and action == "weggooien":
        request_draft_discard(actor=actor, party=party, case_type=case_type)
        messages.success(request, _("Uw concept is weggegooid. U kunt opnieuw beginnen."))
        return redirect("portal:request", slug=slug)
    if request.method == "GET" and number == 1 and draft is None:
        _count_start(request, case_type.code)
    if request.method == "POST":
        answers = forms_schema.read_submission(_only(schema, page.fields), request.POST)
        files = file_fields(schema, page.fields)
        uploads = _uploads(request, files)
        accepted, problems = request_files_check(case_type=case_type, fields=files, uploads=uploads)
        # a file given now, else the one sent before
        answers.update({**_earlier_files(draft, files), **dict.fromkeys(accepted, PENDING)})
        if action == "verder":
            problems = {**_page_problems(schema, answers, draft, page), **problems}
            if problems:
                kinds = _page_problems(schema, answers, draft, page, forms_schema.problem_kinds)
                form_counters_add(case_type_code=case_type.code, errors=kinds)
        if not problems:
            answers.update(
                request_files_store(
                    actor=actor, party=party, case_type=case_type, accepted=accepted
                )
            )
            request_draft_save(
                actor=actor,
                party=party,
                case_type=case_type,
                answers=answers,
                fields=list(page.fields),
            )
            return _after_save(request, slug, action, number, len(pages))
    context = {
        "product": product,
        "case_type": case_type,
        "term": _term(case_type.legal_term),
        "fields": [f for f in forms_schema.fields(schema) if f.name in page.fields],
        "values": {
            **(
                forms_schema.form_values(schema, request.POST)
                if request.method == "POST"
                else {**forms_schema.prefill(schema, _known(party)), **_as_form_values(draft)}
            ),
            **_file_names(schema, draft),
        },
        "problems": problems,
        "page": page,
        "step": number,
        "last": number == len(pages),
        "steps": _steps(pages, number),
        "draft": draft,
    }
    return render(request, "portal/request_form.html", context, status=400 if problems else 200)


def _file_names(schema: dict[str, Any], draft: Any) -> dict[str, str]:
    """The name of each file sent before, to show next to its field."""
    files = file_fields(schema, tuple(schema.get("properties", {})))
    return {
        name: form_files.file_name(value) for name, value in _earlier_files(draft, files).items()
    }


def _earlier_files(draft: Any, files: dict[str, Any]) -> dict[str, Any]:
    data = draft.form_data if draft else {}
    return {name: data[name] for name in files if data.get(name)}


def _uploads(request: HttpRequest, files: dict[str, Any]) -> dict[str, Upload]:
    return {name: upload for name in files if (upload := request.FILES.get(name)) is not None}


def _only(schema: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    properties = schema.get("properties", {})
    return {**schema, "properties": {n: properties[n] for n in names if n in properties}}


def _page_problems(
    schema: dict[str, Any],
    answers: dict[str, Any],
    draft: Any,
    page: forms_schema.Page,
    check: Callable[[dict[str, Any], dict[str, Any]], dict[str, list[str]]] = (
        forms_schema.validate
    ),
) -> dict[str, list[str]]:
    """The problems with this page's answers (those of other pages wait for their page):
    messages, or with `check=forms_schema.problem_kinds` their kinds (for the counters)."""
    data = {**(draft.form_data if draft else {}), **answers}
    data = {k: v for k, v in data.items() if k not in page.fields or k in answers}
    problems = check(schema, data)
    return {name: found for name, found in problems.items() if name in page.fields}


STARTED_SESSION_KEY = "plus1_forms_started"


def _count_start(request: HttpRequest, code: str) -> None:
    """A form counts as started once per browser session: reloading the first page or
    coming back to it does not count again. Only the case type is counted, not who."""
    started = request.session.get(STARTED_SESSION_KEY, [])
    if code in started:
        return
    request.session[STARTED_SESSION_KEY] = [*started, code]
    form_counters_add(case_type_code=code, started=True)


def _after_save(
    request: HttpRequest, slug: str, action: str, number: int, count: int
) -> HttpResponse:
    url = reverse("portal:request", args=[slug])
    if action == "opslaan":
        messages.success(
            request,
            _(
                "Uw antwoorden zijn bewaard. Log later weer in en kies dit product of Mijn "
                "zaken om verder te gaan."
            ),
        )
        return redirect(f"{url}?stap={number}")
    if action == "terug":
        return redirect(f"{url}?stap={max(number - 1, 1)}")
    if number < count:
        return redirect(f"{url}?stap={number + 1}")
    return redirect("portal:request-check", slug=slug)


def _known(party: Party) -> dict[str, str]:
    """What the platform knows about the resident, to fill in so nothing is asked twice."""
    return {
        "name": party.name,
        "email": party.email,
        "phone": party.phone,
        "postcode": party.postcode,
        "house_number": party.house_number,
    }


def _as_form_values(draft: Any) -> dict[str, Any]:
    """Draft answers as the form shows them (a boolean as a ticked box)."""
    if draft is None:
        return {}
    return {
        k: ("on" if v is True else ("" if v is False else v)) for k, v in draft.form_data.items()
    }


@own_data
@resident_required
def request_check(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    """Controleer uw antwoorden: everything with its label, a link to change each page, and
    the one button that sends the request."""
    product = _product_or_404(slug)
    case_type = product.case_type
    assert case_type is not None
    draft = request_draft_of(party, case_type)
    if draft is None:
        return redirect("portal:request", slug=slug)
    portal_login = login_of(request)
    level = portal_login.level if portal_login else Level.BASIS
    if not is_enough(level, product.login_level):
        return _higher_level_needed(request, party, product, portal_login, level)
    schema, pages = case_type.form_schema, forms_schema.pages(case_type.form_schema)
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            case = _register(request, portal_login, party, case_type, draft.form_data)
        except ValidationError as exc:
            problems = exc.message_dict
            kinds = forms_schema.problem_kinds(schema, draft.form_data)
            form_counters_add(case_type_code=case_type.code, errors=kinds)
        else:
            request_draft_discard(
                actor=Actor.from_user(request.user), party=party, case_type=case_type
            )
            form_counters_add(case_type_code=case_type.code, submitted=True)
            return redirect("portal:case-received", identification=case.identification)
    page_of = {name: number for number, page in enumerate(pages, start=1) for name in page.fields}
    labels = {f.name: f.label for f in forms_schema.fields(schema)}
    context = {
        "product": product,
        "case_type": case_type,
        "term": _term(case_type.legal_term),
        "sections": [
            {
                "number": number,
                "title": page.title,
                "answers": labelled_answers(
                    _only(schema, page.fields),
                    {k: v for k, v in draft.form_data.items() if k in page.fields},
                ),
            }
            for number, page in enumerate(pages, start=1)
        ],
        "problems": {
            name: {"label": labels.get(name, ""), "messages": found, "step": page_of.get(name, 1)}
            for name, found in problems.items()
        },
        "steps": _steps(pages, len(pages) + 1),
    }
    return render(request, "portal/request_check.html", context, status=400 if problems else 200)


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
    with transaction.atomic():  # the case and the links to its files, or neither
        case = _register_case(request, representative, party, case_type, values, branch)
        request_files_link(actor=Actor.from_user(request.user), case=case)
    return case


def _register_case(
    request: HttpRequest,
    representative: Party | None,
    party: Party,
    case_type: CaseType,
    values: dict[str, Any],
    branch: str,
) -> Case:
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
