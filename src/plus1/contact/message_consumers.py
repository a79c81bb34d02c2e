# SPDX-License-Identifier: EUPL-1.2
"""The one pipeline for messages to residents: outbox consumers that turn events into kept
messages (Mijn berichten), each queued once per delivery key and recipient.

A message names the facts of its event (the status that was set then, not the case's
status when the worker runs), so two quick transitions give two messages. Sending is a
second outbox step (message_services.message_send), so a backend that is down delays a
message but never loses it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from functools import partial
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from plus1.cases import events as case_events
from plus1.cases.models import Case, InformationRequest
from plus1.common.nl_dates import nl_date
from plus1.contact import events, message_texts
from plus1.contact.ics import appointment_ics
from plus1.contact.message_services import message_queue, message_send, route_for
from plus1.contact.messages import manage_url
from plus1.contact.models import Appointment, Callback, Channel, TimeOfDay, in_dutch
from plus1.decisions import events as decision_events
from plus1.decisions.models import Decision
from plus1.events.services import Delivery, consumer_register, effect_once, subscribe
from plus1.identity.models import Party
from plus1.insights import events as insights_events
from plus1.meldingen.categories import category_name
from plus1.meldingen.models import Melding

CONSUMER = "contact.messages"
SENDER = "contact.message_send"

# Topics of other branches' events (constants in cases/events.py once they are merged).
CASE_INFORMATION_REQUESTED = getattr(
    case_events, "CASE_INFORMATION_REQUESTED", "case.information_requested"
)
CASE_INFORMATION_RECEIVED = getattr(
    case_events, "CASE_INFORMATION_RECEIVED", "case.information_received"
)
CASE_MESSAGE_POSTED = getattr(case_events, "CASE_MESSAGE_POSTED", "case.message_posted")


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def _address_key(address: str) -> str:
    """Which address a key is for, without keeping the address itself."""
    return hashlib.sha256(address.casefold().encode()).hexdigest()[:32]


def _case(facts: dict[str, Any]) -> Case | None:
    return (
        Case.objects.select_related("initiator", "case_type", "melding")
        .filter(uuid=facts["case"])
        .first()
    )


def _melding(case: Case) -> Melding | None:
    try:
        return case.melding
    except Melding.DoesNotExist:
        return None


def _case_values(case: Case) -> dict[str, str]:
    return {
        "zaaknummer": case.identification,
        "zaaktype": case.case_type.name,
        "link": absolute(reverse("portal:case-detail", args=[case.identification])),
    }


def _to_initiator(delivery: Delivery, case: Case, event: str, values: dict[str, str]) -> None:
    initiator = case.initiator
    if initiator is None:
        return
    effect_once(
        key=delivery.key,
        effect=lambda: message_queue(
            event=event,
            values={**_case_values(case), **values},
            recipient=initiator,
            route=route_for(initiator),
            case=case,
        ),
    )


def melding_recipients(melding: Melding) -> list[tuple[str, Party | None]]:
    """The addresses of a report without the initiator's: the anonymous reporter's and
    the followers' (with their party when they follow logged in), each address once; the
    initiator gets the case's own message."""
    initiator = melding.case.initiator
    skip = {initiator.email.casefold()} if initiator is not None and initiator.email else set()
    found: list[tuple[str, Party | None]] = (
        [(melding.reporter_email, None)] if initiator is None else []
    )
    for follower in melding.followers.select_related("party"):
        if follower.party is not None:
            found.append((follower.party.email, follower.party))
        else:
            found.append((follower.email, None))
    unique: dict[str, tuple[str, Party | None]] = {}
    for address, party in found:
        if address and address.casefold() not in skip:
            unique.setdefault(address.casefold(), (address, party))
    return list(unique.values())


def _to_melding_addresses(
    delivery: Delivery, case: Case, melding: Melding, event: str, values: dict[str, str]
) -> None:
    values = {
        **_case_values(case),
        "categorie": category_name(melding.category).lower(),
        "link": absolute(reverse("meldingen:detail", args=[case.identification])),
        **values,
    }
    for address, party in melding_recipients(melding):
        effect_once(
            key=f"{delivery.key}:{_address_key(address)}",
            effect=partial(
                message_queue,
                event=event,
                values={**values, "naam": party.name if party else "melder"},
                recipient=party,  # a follower with an account finds it in Mijn berichten
                name=party.name if party else "melder",
                route=[(Channel.EMAIL.value, address)],
                case=case,
            ),
        )


def on_case_registered(delivery: Delivery) -> None:
    """A confirmation for every submission: a case, a report, a GDPR request."""
    case = _case(delivery.payload)
    if case is None:
        return
    melding = _melding(case)
    if case.initiator is None and melding is not None and melding.reporter_email:
        values = {
            **_case_values(case),
            "categorie": category_name(melding.category).lower(),
            "link": absolute(reverse("meldingen:detail", args=[case.identification])),
        }
        effect_once(
            key=delivery.key,
            effect=lambda: message_queue(
                event=message_texts.MELDING_REGISTERED,
                values=values,
                recipient=None,
                name="melder",
                route=[(Channel.EMAIL.value, melding.reporter_email)],
                case=case,
            ),
        )
        return
    _to_initiator(delivery, case, message_texts.CASE_REGISTERED, {})


def _status_values(facts: dict[str, Any]) -> dict[str, str]:
    return {
        "status": facts["status_name"],
        "statustekst": facts.get("resident_text", ""),
        "toelichting": facts.get("explanation", ""),
    }


def on_status_changed(delivery: Delivery) -> None:
    facts = delivery.payload
    case = _case(facts)
    if case is None:
        return
    values = _status_values(facts)
    final = facts.get("is_final", False)
    event = message_texts.CASE_DECIDED if final else message_texts.CASE_STATUS_CHANGED
    _to_initiator(delivery, case, event, values)
    melding = _melding(case)
    if melding is not None:
        _to_melding_addresses(delivery, case, melding, message_texts.MELDING_STATUS_CHANGED, values)


def on_information_requested(delivery: Delivery) -> None:
    facts = delivery.payload
    case = _case(facts)
    if case is None:
        return
    values = {
        "vraag": facts.get("question", ""),
        "antwoord_voor": nl_date(facts["reply_due"]) if facts.get("reply_due") else "",
        "termijn": nl_date(facts["deadline"]) if facts.get("deadline") else "",
    }
    _to_initiator(delivery, case, message_texts.INFORMATION_REQUESTED, values)


def on_information_reminder(delivery: Delivery) -> None:
    """The reminder before the reply date, unless the request was answered since."""
    facts = delivery.payload
    request = (
        InformationRequest.objects.select_related("case__initiator", "case__case_type")
        .filter(uuid=facts["request"], state=InformationRequest.State.OPEN)
        .first()
    )
    if request is None:
        return
    values = {"vraag": request.question, "antwoord_voor": nl_date(request.reply_due)}
    _to_initiator(delivery, request.case, message_texts.INFORMATION_REMINDER, values)


def on_decision_created(delivery: Delivery) -> None:
    """A besluit on a zaak recorded through the Besluiten API: the initiator hears of it as
    of a decision in the workbench (a besluit without a zaak has nobody to tell)."""
    decision = (
        Decision.objects.select_related("decision_type", "case__initiator", "case__case_type")
        .filter(uuid=delivery.payload["decision"], case__isnull=False)
        .first()
    )
    if decision is None or decision.case is None:
        return
    values = {
        "besluit": decision.decision_type.description or decision.decision_type.generic_description,
        "datum": nl_date(decision.date),
        "toelichting": decision.explanation,
    }
    _to_initiator(delivery, decision.case, message_texts.DECISION_RECORDED, values)


def on_information_received(delivery: Delivery) -> None:
    """The confirmation of the resident's answer (an answer is a submission too)."""
    case = _case(delivery.payload)
    if case is None:
        return
    count = len(delivery.payload.get("documents", []))
    documents = {0: "", 1: "1 document"}.get(count, f"{count} documenten")
    _to_initiator(delivery, case, message_texts.INFORMATION_RECEIVED, {"documenten": documents})


def on_message_posted(delivery: Delivery) -> None:
    """A staff member's message in the case's thread (the resident's own are not echoed)."""
    facts = delivery.payload
    if facts.get("author") != "staff":
        return
    case = _case(facts)
    if case is None:
        return
    _to_initiator(delivery, case, message_texts.MESSAGE_POSTED, {"bericht": facts.get("text", "")})


APPOINTMENT_EVENTS = {
    "booked": message_texts.APPOINTMENT_BOOKED,
    "rescheduled": message_texts.APPOINTMENT_RESCHEDULED,
    "cancelled": message_texts.APPOINTMENT_CANCELLED,
    "reminder": message_texts.APPOINTMENT_REMINDER,
}


def on_appointment(delivery: Delivery) -> None:
    """Booked, moved, cancelled or the reminder: with the .ics unless cancelled."""
    payload = delivery.payload
    appointment = (
        Appointment.objects.select_related("product", "location", "party")
        .filter(uuid=payload["appointment"])
        .first()
    )
    if appointment is None:
        return
    kind, code = payload["kind"], payload.get("code", "")
    when = timezone.localtime(appointment.start)
    link = manage_url(appointment, code) if code else ""
    values = {
        "product": appointment.product.name,
        "datum": nl_date(when.date()),
        "tijd": f"{when:%H:%M}",
        "locatie": appointment.location.name,
        "adres": appointment.location.address,
        "meenemen": appointment.product.what_to_bring if kind != "cancelled" else "",
        "link": link,
    }
    attachments = []
    if kind != "cancelled":
        ics = appointment_ics(appointment, link or settings.BASE_URL)
        attachments.append(
            {
                "name": "afspraak.ics",
                "type": "text/calendar",
                "content": base64.b64encode(ics.encode()).decode(),
            }
        )
    effect_once(
        key=delivery.key,
        effect=lambda: message_queue(
            event=APPOINTMENT_EVENTS.get(kind, message_texts.APPOINTMENT_BOOKED),
            values=values,
            recipient=appointment.party,
            name=appointment.name,
            route=route_for(appointment.party, first=(Channel.EMAIL.value, appointment.email)),
            attachments=attachments,
        ),
    )


def on_appointment_reminder(delivery: Delivery) -> None:
    """The day-before reminder, skipped when the appointment was cancelled or moved since."""
    payload = delivery.payload
    booked = Appointment.objects.filter(
        uuid=payload["appointment"], status=Appointment.Status.BOOKED
    ).first()
    if booked is None or booked.start != dt.datetime.fromisoformat(payload["start"]):
        return
    on_appointment(dataclasses.replace(delivery, payload={**payload, "kind": "reminder"}))


def on_callback_requested(delivery: Delivery) -> None:
    """ "Wij bellen u terug": the confirmation of a callback request."""
    callback = (
        Callback.objects.select_related("party", "product")
        .filter(uuid=delivery.payload["callback"])
        .first()
    )
    if callback is None or callback.party is None:
        return
    due = timezone.localtime(callback.due_at)
    values = {
        "product": callback.product.name if callback.product else "uw vraag",
        "datum": nl_date(due.date()),
        "tijd": f"{due:%H:%M}",
        "telefoon": callback.phone,
        "voorkeur": in_dutch(TimeOfDay(callback.preferred_time).label),
        "link": absolute(reverse("contact:my-contact-moments")),
    }
    party = callback.party
    effect_once(
        key=delivery.key,
        effect=lambda: message_queue(
            event=message_texts.CALLBACK_REQUESTED,
            values=values,
            recipient=party,
            route=route_for(party),
            case=callback.case,
        ),
    )


def on_default_notice_sent(delivery: Delivery) -> None:
    """The confirmation of a notice of default (Awb 4:17)."""
    facts = delivery.payload
    case = _case(facts)
    if case is None:
        return
    values = {
        "verzonden": nl_date(facts["sent_on"]),
        "dwangsom_vanaf": nl_date(facts["penalty_from"]) if facts.get("penalty_from") else "",
    }
    _to_initiator(delivery, case, message_texts.DEFAULT_NOTICE_SENT, values)


def on_rating_requested(delivery: Delivery) -> None:
    """The one question after a case closed, with its signed link (no login needed)."""
    facts = delivery.payload
    case = _case(facts)
    if case is None:
        return
    values = {"link": facts["link"], "geldig_tot": nl_date(facts["expires_on"])}
    _to_initiator(delivery, case, message_texts.RATING_REQUESTED, values)


HANDLERS = {
    case_events.CASE_REGISTERED: on_case_registered,
    case_events.CASE_STATUS_CHANGED: on_status_changed,
    CASE_INFORMATION_REQUESTED: on_information_requested,
    CASE_INFORMATION_RECEIVED: on_information_received,
    case_events.CASE_INFORMATION_REMINDER: on_information_reminder,
    decision_events.DECISION_CREATED: on_decision_created,
    CASE_MESSAGE_POSTED: on_message_posted,
    events.APPOINTMENT_CONFIRMATION: on_appointment,
    events.APPOINTMENT_REMINDER: on_appointment_reminder,
    events.CALLBACK_REQUESTED: on_callback_requested,
    insights_events.DEFAULT_NOTICE_SENT: on_default_notice_sent,
    insights_events.RATING_REQUESTED: on_rating_requested,
}


def on_event(delivery: Delivery) -> None:
    HANDLERS[delivery.topic](delivery)


def _legacy_status_message(delivery: Delivery) -> None:
    facts = delivery.payload
    case = _case(facts)
    if case is not None:
        final = facts.get("is_final", False)
        event = message_texts.CASE_DECIDED if final else message_texts.CASE_STATUS_CHANGED
        _to_initiator(delivery, case, event, _status_values(facts))


def _legacy_follower_updates(delivery: Delivery) -> None:
    facts = delivery.payload
    case = _case(facts)
    melding = _melding(case) if case is not None else None
    if case is not None and melding is not None:
        _to_melding_addresses(
            delivery, case, melding, message_texts.MELDING_STATUS_CHANGED, _status_values(facts)
        )


def _legacy_receipt(delivery: Delivery) -> None:
    case = _case(delivery.payload)
    if case is not None and case.initiator is None:
        on_case_registered(delivery)


# Rows queued before this pipeline, for the consumers it replaced (each did one part).
LEGACY = {
    "cases.status_message": _legacy_status_message,
    "meldingen.follower_updates": _legacy_follower_updates,
    "meldingen.receipt": _legacy_receipt,
    "contact.appointment_confirmation": on_appointment,
}


def register() -> None:
    """Subscribe the pipeline (in ContactConfig.ready)."""
    for topic in HANDLERS:
        subscribe(topic, CONSUMER, on_event)
    subscribe(events.MESSAGE_QUEUED, SENDER, message_send)
    for name, handler in LEGACY.items():
        consumer_register(name, handler)
