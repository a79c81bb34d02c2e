# SPDX-License-Identifier: EUPL-1.2
"""Portal pages of the contact history: Mijn contactmomenten and "Laat u terugbellen"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from plus1.audit.services import Actor
from plus1.catalog.selectors import product_by_slug
from plus1.contact.models import TimeOfDay
from plus1.contact.moment_selectors import (
    coordinators_of_party,
    own_callbacks,
    own_contact_moments,
)
from plus1.contact.moment_services import callback_request, callback_working_days
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.privacy.declarations import own_data


@own_data
@resident_required
def my_contact_moments(request: HttpRequest, party: Party) -> HttpResponse:
    """The resident's own contact moments and callbacks; internal remarks never show."""
    context = {
        "moments": own_contact_moments(party),
        "callbacks": own_callbacks(party),
        "coordinators": coordinators_of_party(party),
        "requested": request.GET.get("terugbellen") == "1",
    }
    return render(request, "contact/my_contact_moments.html", context)


@own_data
@resident_required
@require_http_methods(["GET", "POST"])
def callback_request_page(request: HttpRequest, party: Party, slug: str) -> HttpResponse:
    product = product_by_slug(slug)
    if product is None:
        raise Http404
    values = {"telefoon": party.phone, "moment": TimeOfDay.ANY, "vraag": ""}
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        values = {key: request.POST.get(key, "").strip() for key in ("telefoon", "moment", "vraag")}
        try:
            callback_request(
                actor=Actor.from_user(request.user),
                party=party,
                product=product,
                phone=values["telefoon"],
                preferred_time=values["moment"],
                question=values["vraag"],
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            return redirect(f"{reverse('contact:my-contact-moments')}?terugbellen=1")
    context = {
        "product": product,
        "values": values,
        "problems": problems,
        "times": TimeOfDay.choices,
        "working_days": callback_working_days(product),
    }
    return render(
        request, "contact/callback_request.html", context, status=400 if problems else 200
    )
