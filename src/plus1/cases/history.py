# SPDX-License-Identifier: EUPL-1.2
"""A case's history as Dutch sentences ("Anna de Boer diende de aanvraag in"), from its audit
entries. The machine action names stay in the audit export; people read these lines.

Another context that records actions on a case adds its sentence to SENTENCES."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from plus1.audit.models import AuditEntry
from plus1.audit.selectors import audit_for
from plus1.cases import audit_actions
from plus1.cases.models import Case


@dataclass(frozen=True)
class HistoryLine:
    when: dt.datetime
    sentence: str


def _registered(entry: AuditEntry) -> str:
    if entry.actor_kind in {"resident", "business", "representative"}:
        return f"{entry.actor_label} diende de aanvraag in"
    if entry.actor_kind == "staff":
        return f"{entry.actor_label} registreerde de zaak"
    return f"De zaak is geregistreerd door {entry.actor_label}"


def _status(entry: AuditEntry) -> str:
    after = entry.after or {}
    name = after.get("status_name") or after.get("status") or "onbekend"
    sentence = f"{entry.actor_label} wijzigde de status naar {name}"
    explanation = (after.get("explanation") or "").strip()
    return f"{sentence}: {explanation}" if explanation else sentence


def _note(entry: AuditEntry) -> str:
    return f"{entry.actor_label} schreef een notitie"


def _assigned(entry: AuditEntry) -> str:
    after = entry.after or {}
    name, reason = after.get("assignee_name", ""), (after.get("reason") or "").strip()
    if not after.get("assignee"):
        sentence = f"{entry.actor_label} gaf de zaak terug aan het team"
    elif entry.actor_kind == "staff" and str(after.get("assignee")) == entry.actor_id:
        sentence = f"{entry.actor_label} pakte de zaak op"
    else:
        sentence = f"{entry.actor_label} gaf de zaak aan {name}"
    return f"{sentence}: {reason}" if reason else sentence


def _breakthrough_marked(entry: AuditEntry) -> str:
    after = entry.after or {}
    return f"{entry.actor_label} gaf de zaak aan {after.get('team_name', 'het doorbraakteam')}: {after.get('blocker', '')}".rstrip(
        ": "
    )


def _breakthrough_decided(entry: AuditEntry) -> str:
    after = entry.after or {}
    return (
        f"{entry.actor_label} legde het besluit van het doorbraakteam vast "
        f"(regel die knelde: {after.get('rule', '')}); de zaak ging terug naar "
        f"{after.get('team_name', 'het team')}"
    )


SENTENCES: dict[str, Callable[[AuditEntry], str]] = {
    audit_actions.CASE_REGISTERED: _registered,
    audit_actions.CASE_STATUS_CHANGED: _status,
    audit_actions.CASE_NOTE_ADDED: _note,
    audit_actions.CASE_ASSIGNED: _assigned,
    audit_actions.CASE_UPDATED: lambda e: f"{e.actor_label} wijzigde de gegevens van de zaak",
    audit_actions.ROLE_ADDED: lambda e: f"{e.actor_label} voegde een betrokkene toe",
    audit_actions.ROLE_REMOVED: lambda e: f"{e.actor_label} haalde een betrokkene weg",
    audit_actions.RESULT_SET: lambda e: f"{e.actor_label} legde het resultaat vast",
    audit_actions.CONTACT_ADDED: lambda e: f"{e.actor_label} legde een klantcontact vast",
    audit_actions.CASE_BREAKTHROUGH_MARKED: _breakthrough_marked,
    audit_actions.CASE_BREAKTHROUGH_DECIDED: _breakthrough_decided,
}


def sentence(entry: AuditEntry) -> str:
    render = SENTENCES.get(entry.action)
    return render(entry) if render else f"{entry.actor_label} wijzigde de zaak"


def case_history(case: Case) -> list[HistoryLine]:
    return [HistoryLine(when=e.occurred_at, sentence=sentence(e)) for e in audit_for(case)]
