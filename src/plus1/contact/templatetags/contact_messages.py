# SPDX-License-Identifier: EUPL-1.2
"""{% case_messages case as rows %}: a case's messages with their delivery, for staff."""

from __future__ import annotations

from django import template

from plus1.cases.models import Case
from plus1.contact.message_models import Message
from plus1.contact.message_selectors import delivery_text, messages_of_case, unread_count
from plus1.identity.models import Party

register = template.Library()


@register.simple_tag
def case_messages(case: Case) -> list[tuple[Message, str]]:
    return [(message, delivery_text(message)) for message in messages_of_case(case)[:50]]


@register.simple_tag
def unread_messages(party: Party | None) -> int:
    """How many of the person's messages are still unread (for the portal's menu)."""
    return unread_count(party) if party is not None else 0
