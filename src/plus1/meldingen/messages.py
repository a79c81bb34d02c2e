# SPDX-License-Identifier: EUPL-1.2
"""Status updates to anonymous reporters and followers, sent by the outbox worker.

A logged-in reporter (the case's initiator) already gets cases.messages' update; this
consumer reaches those without an account: the e-mail given with the report and followers.
An update names the status of its event; each address gets it once per delivery key.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from plus1.events.services import Delivery, effect_once
from plus1.meldingen.categories import category_name
from plus1.meldingen.models import Melding

RECEIPT = "meldingen.receipt"
FOLLOWER_UPDATES = "meldingen.follower_updates"


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


def _address_key(address: str) -> str:
    """Which address a key is for, without keeping the address itself."""
    return hashlib.sha256(address.casefold().encode()).hexdigest()[:32]


def _send(key: str, subject: str, body: str, address: str) -> None:
    effect_once(
        key=key,
        effect=lambda: send_mail(
            subject=subject, message=body, from_email=None, recipient_list=[address]
        ),
    )


def send_follower_updates(delivery: Delivery) -> None:
    facts = delivery.payload
    melding = (
        Melding.objects.select_related("case__initiator").filter(case__uuid=facts["case"]).first()
    )
    if melding is None:
        return
    identification, status = facts["identification"], facts["status_name"]
    resident_text = facts.get("resident_text", "")
    link = settings.BASE_URL + reverse("meldingen:detail", args=[identification])
    body = (
        "Beste melder,\n\n"
        f"De melding {identification} ({category_name(melding.category)}) heeft een nieuwe "
        f"status: {status}.\n"
        + (f"{resident_text}\n" if resident_text else "")
        + f"\nU volgt de melding op: {link}\n\n"
        f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
    )
    subject = f"Nieuwe status voor melding {identification}: {status}"
    for address in recipients(melding):
        _send(f"{delivery.key}:{_address_key(address)}", subject, body, address)


def send_receipt(delivery: Delivery) -> None:
    """A receipt with the follow link for a report made without logging in."""
    melding = (
        Melding.objects.select_related("case").filter(case__uuid=delivery.payload["case"]).first()
    )
    if melding is None or melding.case.initiator_id is not None or not melding.reporter_email:
        return
    case = melding.case
    link = settings.BASE_URL + reverse("meldingen:detail", args=[case.identification])
    _send(
        delivery.key,
        f"Uw melding {case.identification} is ontvangen",
        (
            "Beste melder,\n\n"
            f"Bedankt voor uw melding over {category_name(melding.category).lower()}. "
            f"Wij hebben haar ontvangen met nummer {case.identification}.\n"
            f"U volgt de melding op: {link}\n"
            "U krijgt een bericht als de status verandert.\n\n"
            f"Met vriendelijke groet,\n{settings.MUNICIPALITY_NAME}\n"
        ),
        melding.reporter_email,
    )
