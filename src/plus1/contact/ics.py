# SPDX-License-Identifier: EUPL-1.2
"""An appointment as an iCalendar file (RFC 5545) for the resident's agenda."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from plus1.contact.models import Appointment


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    return "\r\n".join([*out, current])


def appointment_ics(appointment: Appointment, manage_url: str) -> str:
    product, location = appointment.product, appointment.location
    description = f"{product.what_to_bring}\n\nAfspraak verzetten of annuleren: {manage_url}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Plus1//Afspraken//NL",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{appointment.uuid}@plus1",
        f"DTSTAMP:{_utc(appointment.created_at)}",
        f"DTSTART:{_utc(appointment.start)}",
        f"DTEND:{_utc(appointment.end)}",
        f"SUMMARY:{_escape(f'{product.name} bij {settings.MUNICIPALITY_NAME}')}",
        f"LOCATION:{_escape(f'{location.name}, {location.address}')}",
        f"DESCRIPTION:{_escape(description.strip())}",
        f"URL:{manage_url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
