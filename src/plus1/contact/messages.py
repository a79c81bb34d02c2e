# SPDX-License-Identifier: EUPL-1.2
"""The resident's confirmation e-mail of an appointment, sent by the outbox worker."""

from __future__ import annotations

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
