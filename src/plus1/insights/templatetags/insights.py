# SPDX-License-Identifier: EUPL-1.2
"""`{% legal_clock case audience %}`: the legal clock panel on the resident's and the
staff member's case page, so those pages need one include and no view change."""

from __future__ import annotations

from typing import Any

from django import template

from plus1.cases.models import Case
from plus1.insights.clock import clock_state

register = template.Library()


@register.inclusion_tag("insights/_legal_clock_panel.html", takes_context=True)
def legal_clock(
    context: template.Context, case: Case, audience: str = "resident"
) -> dict[str, Any]:
    return {
        "clock": clock_state(case),
        "audience": audience,
        "notice_problem": context.get("notice_problem", ""),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
