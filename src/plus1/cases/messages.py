# SPDX-License-Identifier: EUPL-1.2
"""Messages to residents, sent by the outbox worker after the change is committed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from plus1.cases.models import Case


def send_status_message(payload: dict[str, Any]) -> None:
    case = (
        Case.objects.select_related("initiator", "status", "case_type")
        .filter(uuid=payload["case"])
        .first()
    )
    if case is None or case.initiator is None or not case.initiator.email:
        return
    status = case.status
    if status is None:
        return
    link = settings.BASE_URL + reverse("portal:case-detail", args=[case.identification])
    body = (
        f"Beste {case.initiator.name},\n\n"
        f"Uw zaak {case.identification} ({case.case_type.name}) heeft een nieuwe status: "
        f"{status.name}.\n"
        + (f"{status.resident_text}\n" if status.resident_text else "")
        + f"\nU vindt uw zaak onder ‘Mijn zaken’: {link}\n\n"
        f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
    )
    send_mail(
        subject=f"Nieuwe status voor uw zaak {case.identification}: {status.name}",
        message=body,
        from_email=None,
        recipient_list=[case.initiator.email],
    )
