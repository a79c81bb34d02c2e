# SPDX-License-Identifier: EUPL-1.2
"""Reads of messages: a person's own (Mijn berichten) and a case's (the workbench)."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from plus1.cases.models import Case
from plus1.contact.message_models import Message
from plus1.identity.models import Party


def messages_of(party: Party) -> QuerySet[Message]:
    return Message.objects.filter(recipient=party, listed=True).select_related("case")


def message_of(party: Party, message_id: uuid.UUID | str) -> Message | None:
    return messages_of(party).filter(uuid=message_id).first()


def unread_count(party: Party) -> int:
    return messages_of(party).filter(read_at__isnull=True).count()


def messages_of_case(case: Case) -> QuerySet[Message]:
    return Message.objects.filter(case=case, listed=True).order_by("-created_at", "-pk")


STATUS_TEXT = {
    Message.Status.QUEUED: "Wordt verstuurd",
    Message.Status.SENT: "Verstuurd",
    Message.Status.FAILED: "Niet verstuurd",
    Message.Status.BOUNCED: "Niet aangekomen",
}


def delivery_text(message: Message) -> str:
    """How the message went out, in plain words: 'Verstuurd per e-mail'."""
    channel = message.get_channel_display().lower()
    if message.status == Message.Status.SENT:
        return f"Verstuurd per {channel}" if channel != "brief" else "Verstuurd per brief"
    if message.status == Message.Status.QUEUED:
        return f"Wordt verstuurd per {channel}"
    return f"{STATUS_TEXT[Message.Status(message.status)]}: {message.reason}"
