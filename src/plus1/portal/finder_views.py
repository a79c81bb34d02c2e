# SPDX-License-Identifier: EUPL-1.2
"""Resident pages of the product finder and the warm handover (doorverwijzing)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from plus1.audit.services import Actor
from plus1.cases.selectors import case_of_party
from plus1.cases.services import case_register
from plus1.catalog.models import Product
from plus1.catalog.selectors import (
    case_type_by_code,
    product_by_slug,
    product_channels,
    product_provider,
    products_search,
)
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.privacy.declarations import no_personal_data, own_data

REFERRAL_CASE_TYPE = "doorverwijzing"
AUDIENCES = {"inwoners": "residents", "ondernemers": "businesses"}
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


@no_personal_data
def search(request: HttpRequest) -> HttpResponse:
    """One search box; works without JavaScript (a plain GET form)."""
    text = request.GET.get("zoek", "").strip()[:200]
    audience = request.GET.get("voor", "")
    products = products_search(text, audience=AUDIENCES.get(audience)) if text else []
    context = {
        "text": text,
        "audience": audience if audience in AUDIENCES else "",
        "cards": [_card(product) for product in products],
    }
    return render(request, "portal/finder.html", context)


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
