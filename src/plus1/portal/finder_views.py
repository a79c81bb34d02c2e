# SPDX-License-Identifier: EUPL-1.2
"""Resident pages of the product finder and the warm handover (doorverwijzing)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from plus1.audit.services import Actor
from plus1.cases.selectors import case_of_party
from plus1.cases.services import case_register
from plus1.catalog.models import Layer, Product
from plus1.catalog.selectors import (
    FinderAnswer,
    case_type_by_code,
    finder_answer,
    product_by_slug,
    product_channels,
    product_provider,
    products_az,
)
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.meldingen.categories import category_name
from plus1.meldingen.classification import suggest
from plus1.privacy.declarations import no_personal_data, own_data

REFERRAL_CASE_TYPE = "doorverwijzing"
AUDIENCES = {"inwoners": "residents", "ondernemers": "businesses"}
MAX_QUESTION = 200
REPORT_CONFIDENCE = 0.25  # below this the classifier's category is a guess, not a suggestion
# What the resident chose on a result card, as stored in the case's form.
CHANNEL_WORDS = {
    "referral": "doorverwijzing",
    "appointment": "afspraak",
    "callback": "terugbellen",
    "question": "vraag",
}
HANDOVER_FIELDS = ["vraag", "telefoon", "email"]


def _card(product: Product) -> dict[str, Any]:
    return {
        "product": product,
        "provider": product_provider(product),
        "channels": product_channels(product),
        "bases": list(product.legal_bases.all()),
    }


def _report(answer: FinderAnswer) -> dict[str, str] | None:
    """A question that is really a report: the melding form, with the category filled in."""
    if not answer.is_report:
        return None
    ranked = suggest(answer.dutch)
    if not ranked or ranked[0][1] < REPORT_CONFIDENCE:
        return None
    return {"category": ranked[0][0], "name": category_name(ranked[0][0])}


@no_personal_data
def search(request: HttpRequest) -> HttpResponse:
    """One search box; works without JavaScript (a plain GET form). A question in English
    is answered in English; a report about the street leads to the melding form."""
    text = request.GET.get("zoek", "").strip()
    audience = request.GET.get("voor", "")
    answer = finder_answer(text[:MAX_QUESTION], audience=AUDIENCES.get(audience)) if text else None
    context = {
        "text": text[:MAX_QUESTION],
        "too_long": len(text) > MAX_QUESTION,
        "audience": audience if audience in AUDIENCES else "",
        "english": (answer is not None and answer.language == "en") or get_language() == "en",
        "understood": answer is None or answer.understood,
        "report": _report(answer) if answer else None,
        "cards": [_card(product) for product in answer.products] if answer else [],
    }
    return render(request, "portal/finder.html", context)


@no_personal_data
def products_list(request: HttpRequest) -> HttpResponse:
    """All products A to Z, for residents or businesses and by government layer; no JS."""
    audience = request.GET.get("voor", "")
    layer = request.GET.get("laag", "")
    rows = list(products_az(audience=AUDIENCES.get(audience), layer=layer or None))
    letters: dict[str, list[Any]] = {}
    for product in rows:
        first = product.name[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(product)
    context = {
        "letters": letters,
        "count": len(rows),
        "audience": audience if audience in AUDIENCES else "",
        "layer": layer if layer in Layer.values else "",
        "layers": Layer.choices,
    }
    return render(request, "portal/products.html", context)


@no_personal_data
def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    product = product_by_slug(slug)
    if product is None:
        raise Http404
    context = {"card": _card(product), "english": get_language() == "en"}
    return render(request, "portal/product.html", context)


@own_data
@resident_required
def handover(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    """Leave a question and contact details; registered as a 'doorverwijzing' case."""
    product = product_by_slug(slug)
    case_type = case_type_by_code(REFERRAL_CASE_TYPE)
    if product is None or case_type is None:
        raise Http404
    provider = product_provider(product)
    chosen = request.GET.get("kanaal") or request.POST.get("kanaal") or ""
    channel = CHANNEL_WORDS.get(chosen, "vraag" if provider.local else "doorverwijzing")
    values = {"email": party.email}
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in HANDOVER_FIELDS}
        form_data = {
            "product": product.name,
            "upl": product.upl_uri or "",
            "aanbieder": provider.name,
            "kanaal": channel,
            **{name: value for name, value in values.items() if value},
        }
        try:
            case = case_register(
                actor=Actor.from_user(request.user),
                case_type=case_type,
                initiator=party,
                form_data=form_data,
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            return redirect("portal:handover-received", identification=case.identification)
    context = {
        **_card(product),
        "channel": channel,
        "chosen": chosen,
        "values": values,
        "problems": problems,
    }
    return render(request, "portal/handover_form.html", context, status=400 if problems else 200)


@own_data
@resident_required
def handover_received(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    return render(request, "portal/handover_received.html", {"case": case})
