# SPDX-License-Identifier: EUPL-1.2
"""Mijn berichten and the channel preference under Mijn gegevens: thin views."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from plus1.audit.services import Actor
from plus1.contact.message_models import Channel
from plus1.contact.message_selectors import delivery_text, message_of, messages_of
from plus1.contact.message_services import message_read as message_mark_read
from plus1.contact.message_services import (
    preference_request,
    preference_state,
    preference_verify,
)
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.privacy.declarations import own_data


@own_data
@resident_required
def my_messages(request: HttpRequest, party: Party) -> HttpResponse:
    rows = [(message, delivery_text(message)) for message in messages_of(party)[:200]]
    return render(request, "contact/messages/list.html", {"rows": rows})


@own_data
@resident_required
def message_detail(request: HttpRequest, party: Party, message_id: str) -> HttpResponse:
    message = message_of(party, message_id)
    if message is None:
        raise Http404
    message = message_mark_read(actor=Actor.from_user(request.user), party=party, message=message)
    context = {"message": message, "delivery": delivery_text(message)}
    return render(request, "contact/messages/detail.html", context)


@own_data
@resident_required
def preferences(request: HttpRequest, party: Party) -> HttpResponse:
    problems: dict[str, list[str]] = {}
    actor = Actor.from_user(request.user)
    if request.method == "POST" and request.POST.get("stap") == "code":
        try:
            preference_verify(actor=actor, party=party, code=request.POST.get("code", ""))
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            flash.success(request, "Gelukt. Wij sturen u voortaan berichten op deze manier.")
            return redirect("contact-messages:preferences")
    elif request.method == "POST":
        channel = request.POST.get("kanaal", "")
        address = request.POST.get(f"adres_{channel}", "")
        try:
            _, code_sent = preference_request(
                actor=actor, party=party, channel=channel, address=address
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            flash.success(
                request,
                "Wij hebben een code gestuurd. Vul die hieronder in."
                if code_sent
                else "Gelukt. Wij sturen u voortaan berichten op deze manier.",
            )
            return redirect("contact-messages:preferences")
    state = preference_state(party)
    typed = request.POST if problems and request.POST.get("stap") != "code" else None
    form = {
        "kanaal": typed.get("kanaal", "") if typed else state["channel"],
        **{
            channel: typed.get(f"adres_{channel}", "") if typed else state["addresses"][channel]
            for channel in Channel.values
        },
    }  # after a refusal, what was typed stays
    context = {"state": state, "form": form, "channels": Channel.choices, "problems": problems}
    return render(
        request, "contact/messages/preferences.html", context, status=400 if problems else 200
    )
