# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the decisions context, and the facts each event carries. Documents
linked to a besluit are events of the documents context (plus1.documents.events)."""

from __future__ import annotations

from typing import Any

from plus1.decisions.models import Decision

DECISION_CREATED = "decisions.decision_created"
DECISION_UPDATED = "decisions.decision_updated"
DECISION_DELETED = "decisions.decision_deleted"


def decision_facts(decision: Decision, *, partial: bool | None = None) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "decision": str(decision.uuid),
        "decision_type": str(decision.decision_type.uuid),
        "responsible_organisation": decision.responsible_organisation,
    }
    if partial is not None:
        facts["partial"] = partial
    return facts
