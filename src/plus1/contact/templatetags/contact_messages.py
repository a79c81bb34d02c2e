# SPDX-License-Identifier: EUPL-1.2
"""{% case_messages case as rows %}: a case's messages with their delivery, for staff."""

from __future__ import annotations

from django import template

from plus1.cases.models import Case
from plus1.contact.message_models import Message
from plus1.contact.message_selectors import delivery_text, messages_of_case

register = template.Library()


@register.simple_tag
def case_messages(case: Case) -> list[tuple[Message, str]]:
    return [(message, delivery_text(message)) for message in messages_of_case(case)[:50]]
