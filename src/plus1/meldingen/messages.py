# SPDX-License-Identifier: EUPL-1.2
"""Status updates to anonymous reporters and followers, sent by the outbox worker.

A logged-in reporter (the case's initiator) already gets cases.messages' update; this
consumer reaches those without an account: the e-mail given with the report and followers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from plus1.meldingen.categories import category_name
from plus1.meldingen.models import Melding


def recipients(melding: Melding) -> list[str]:
    """Every address that should hear about this report, once, without the initiator's."""
    initiator = melding.case.initiator
    skip = {initiator.email.casefold()} if initiator is not None and initiator.email else set()
    addresses = [melding.reporter_email] if initiator is None else []
    for follower in melding.followers.select_related("party"):
        addresses.append(follower.party.email if follower.party else follower.email)
    unique: dict[str, str] = {}
    for address in addresses:
        if address and address.casefold() not in skip:
            unique.setdefault(address.casefold(), address)
    return list(unique.values())


def send_follower_updates(payload: dict[str, Any]) -> None:
    melding = (
        Melding.objects.select_related("case__status", "case__initiator")
        .filter(case__uuid=payload["case"])
        .first()
    )
    if melding is None:
        return
    case, status = melding.case, melding.case.status
    if status is None:
        return
    link = settings.BASE_URL + reverse("meldingen:detail", args=[case.identification])
    body = (
        "Beste melder,\n\n"
        f"De melding {case.identification} ({category_name(melding.category)}) heeft een nieuwe "
        f"status: {status.name}.\n"
        + (f"{status.resident_text}\n" if status.resident_text else "")
        + f"\nU volgt de melding op: {link}\n\n"
        f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
    )
    for address in recipients(melding):
        send_mail(
            subject=f"Nieuwe status voor melding {case.identification}: {status.name}",
            message=body,
            from_email=None,
            recipient_list=[address],
        )


def send_receipt(payload: dict[str, Any]) -> None:
    """A receipt with the follow link for a report made without logging in."""
    melding = Melding.objects.select_related("case").filter(case__uuid=payload["case"]).first()
    if melding is None or melding.case.initiator_id is not None or not melding.reporter_email:
        return
    case = melding.case
    link = settings.BASE_URL + reverse("meldingen:detail", args=[case.identification])
    send_mail(
        subject=f"Uw melding {case.identification} is ontvangen",
        message=(
            "Beste melder,\n\n"
            f"Bedankt voor uw melding over {category_name(melding.category).lower()}. "
            f"Wij hebben haar ontvangen met nummer {case.identification}.\n"
            f"U volgt de melding op: {link}\n"
            "U krijgt een bericht als de status verandert.\n\n"
            f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
        ),
        from_email=None,
        recipient_list=[melding.reporter_email],
    )
