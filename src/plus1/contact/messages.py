# SPDX-License-Identifier: EUPL-1.2
"""The link that shows, moves or cancels an appointment. Messages to residents, the
appointment's confirmation among them, are built by plus1.contact.message_consumers."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from plus1.contact.models import Appointment


def manage_url(appointment: Appointment, code: str) -> str:
    path = reverse("contact:appointment", args=[appointment.uuid])
    return f"{settings.BASE_URL.rstrip('/')}{path}?code={code}"
