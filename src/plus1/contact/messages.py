# SPDX-License-Identifier: EUPL-1.2
"""The resident's confirmation e-mail of an appointment, sent by the outbox worker."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from plus1.contact.ics import appointment_ics
from plus1.contact.models import Appointment
from plus1.events.services import Delivery, effect_once

SUBJECTS = {
    "booked": "Uw afspraak is gemaakt",
    "rescheduled": "Uw afspraak is verzet",
    "cancelled": "Uw afspraak is geannuleerd",
}

CONSUMER = "contact.appointment_confirmation"


def manage_url(appointment: Appointment, code: str) -> str:
    path = reverse("contact:appointment", args=[appointment.uuid])
    return f"{settings.BASE_URL}{path}?code={code}"


def send_confirmation(delivery: Delivery) -> None:
    payload = delivery.payload
    appointment = (
        Appointment.objects.select_related("product", "location")
        .filter(uuid=payload["appointment"])
        .first()
    )
    if appointment is None:
        return
    kind, code = payload["kind"], payload.get("code", "")
    when = timezone.localtime(appointment.start)
    lines = [
        f"Beste {appointment.name},",
        "",
        f"{SUBJECTS[kind]}: {appointment.product.name}",
        f"Wanneer: {when:%d-%m-%Y} om {when:%H:%M} uur",
        f"Waar: {appointment.location.name}, {appointment.location.address}",
    ]
    if kind != "cancelled" and appointment.product.what_to_bring:
        lines += ["", f"Neem mee: {appointment.product.what_to_bring}"]
    if code:
        lines += ["", f"Verzetten of annuleren: {manage_url(appointment, code)}"]
    lines += ["", "Met vriendelijke groet,", settings.MUNICIPALITY_NAME]
    message = EmailMessage(
        subject=f"{SUBJECTS[kind]}: {appointment.product.name}",
        body="\n".join(lines),
        to=[appointment.email],
    )
    if kind != "cancelled":
        link = manage_url(appointment, code) if code else settings.BASE_URL
        message.attach("afspraak.ics", appointment_ics(appointment, link), "text/calendar")
    effect_once(key=delivery.key, effect=message.send)


# --- Until the message pipeline (contact.Message) takes these topics over -----------------

REMINDER_CONSUMER = "contact.appointment_reminder"
CALLBACK_CONSUMER = "contact.callback_confirmation"


def send_reminder(delivery: Delivery) -> None:
    """The day-before reminder; skipped when the appointment was cancelled or moved since."""
    payload = delivery.payload
    appointment = (
        Appointment.objects.select_related("product", "location")
        .filter(uuid=payload["appointment"], status=Appointment.Status.BOOKED)
        .first()
    )
    if appointment is None or appointment.start != dt.datetime.fromisoformat(payload["start"]):
        return
    when = timezone.localtime(appointment.start)
    lines = [
        f"Beste {appointment.name},",
        "",
        f"Morgen heeft u een afspraak: {appointment.product.name}",
        f"Wanneer: {when:%d-%m-%Y} om {when:%H:%M} uur",
        f"Waar: {appointment.location.name}, {appointment.location.address}",
    ]
    if appointment.product.what_to_bring:
        lines += ["", f"Neem mee: {appointment.product.what_to_bring}"]
    lines += ["", "Met vriendelijke groet,", settings.MUNICIPALITY_NAME]
    message = EmailMessage(
        subject=f"Herinnering: morgen uw afspraak {appointment.product.name}",
        body="\n".join(lines),
        to=[appointment.email],
    )
    effect_once(key=delivery.key, effect=message.send)


def send_callback_confirmation(delivery: Delivery) -> None:
    """ "Wij bellen u terug": to the e-mail address the resident is known by, if any."""
    from plus1.identity.models import Party

    payload = delivery.payload
    party = Party.objects.filter(uuid=payload["party"]).first() if payload["party"] else None
    if party is None or not party.email:
        return
    due = timezone.localtime(dt.datetime.fromisoformat(payload["due_at"]))
    subject = f"Wij bellen u terug{': ' + payload['product'] if payload['product'] else ''}"
    lines = [
        f"Beste {party.name},",
        "",
        f"Wij bellen u uiterlijk {due:%d-%m-%Y} om {due:%H:%M} uur terug op {payload['phone']}.",
        f"Uw voorkeur: {payload['preferred_time']}.",
        "",
        f"U ziet uw terugbelverzoek in Mijn contactmomenten: {settings.BASE_URL}"
        f"{reverse('contact:my-contact-moments')}",
        "",
        "Met vriendelijke groet,",
        settings.MUNICIPALITY_NAME,
    ]
    message = EmailMessage(subject=subject, body="\n".join(lines), to=[party.email])
    effect_once(key=delivery.key, effect=message.send)
