# SPDX-License-Identifier: EUPL-1.2
"""Messages to residents, sent by the outbox worker after the change is committed.

A message names the status of its event (not the case's status when the worker runs), so
two quick transitions give two messages, each with its own status. Each is sent once per
delivery key (plus1.events.services.effect_once)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from plus1.cases.models import Case
from plus1.events.services import Delivery, effect_once

CONSUMER = "cases.status_message"


def send_status_message(delivery: Delivery) -> None:
    facts = delivery.payload
    case = Case.objects.select_related("initiator", "case_type").filter(uuid=facts["case"]).first()
    if case is None or case.initiator is None or not case.initiator.email:
        return
    identification, status = facts["identification"], facts["status_name"]
    link = settings.BASE_URL + reverse("portal:case-detail", args=[identification])
    resident_text = facts.get("resident_text", "")
    body = (
        f"Beste {case.initiator.name},\n\n"
        f"Uw zaak {identification} ({case.case_type.name}) heeft een nieuwe status: "
        f"{status}.\n"
        + (f"{resident_text}\n" if resident_text else "")
        + f"\nU vindt uw zaak onder ‘Mijn zaken’: {link}\n\n"
        f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
    )
    address = case.initiator.email
    effect_once(
        key=delivery.key,
        effect=lambda: send_mail(
            subject=f"Nieuwe status voor uw zaak {identification}: {status}",
            message=body,
            from_email=None,
            recipient_list=[address],
        ),
    )
