# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the cases context, and the facts each event carries.

Every payload names the case with `case_facts` (uuid, case type, confidentiality,
identification), so a consumer never has to read the case later to know what happened;
a status change adds the status that was set (`status_facts`), a record event the record
(`record_facts`). The topic names double as audit action names: do not rename them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model

    from plus1.audit.services import Actor
    from plus1.cases.models import Case, CaseStatus

CASE_REGISTERED = "case.registered"
CASE_STATUS_CHANGED = "case.status_changed"
CASE_NOTE_ADDED = "case.note_added"
CASE_UPDATED = "case.updated"
CASE_DELETED = "case.deleted"
ROLE_ADDED = "case.role_added"
ROLE_REMOVED = "case.role_removed"
RESULT_SET = "case.result_set"
RESULT_REMOVED = "case.result_removed"
OBJECT_SAVED = "case.object_saved"
PROPERTY_SAVED = "case.property_saved"
RECORD_REMOVED = "case.record_removed"
CONTACT_ADDED = "case.contact_added"
REFERENCE_ADDED = "case.reference_added"
# The conversation on a case (plus1.cases.conversation); payloads in contracts: request,
# question, reply_due, deadline / request, documents / message, author, text.
CASE_INFORMATION_REQUESTED = "case.information_requested"
CASE_INFORMATION_RECEIVED = "case.information_received"
CASE_INFORMATION_WITHDRAWN = "case.information_withdrawn"
# A few working days before the reply date of an open request; payload adds `request`, `reply_due`.
CASE_INFORMATION_REMINDER = "case.information_reminder"
CASE_MESSAGE_POSTED = "case.message_posted"
# The behandelaar changed; payload adds `assignee` (user id or None) and `reason`.
CASE_ASSIGNED = "case.assigned"
# Doorbraak (plus1.cases.breakthrough): marked adds `breakthrough` (uuid), `team` (slug of
# the doorbraak team) and `due_on` (ISO date); decided adds `breakthrough`, `team` (the team
# the case went back to) and `legal_basis`. The free texts stay in the case's records.
CASE_BREAKTHROUGH_MARKED = "case.breakthrough_marked"
CASE_BREAKTHROUGH_DECIDED = "case.breakthrough_decided"

# The kinds of record that record events name (payload["record"]).
ROLE, RESULT, OBJECT, PROPERTY, CONTACT = "rol", "resultaat", "zaakobject", "eigenschap", "contact"


def case_facts(case: Case, actor: Actor) -> dict[str, Any]:
    return {
        "case": str(case.uuid),
        "case_type": str(case.case_type.uuid),
        "confidentiality": case.confidentiality,
        "identification": case.identification,
        "actor_kind": actor.kind,
    }


def status_facts(row: CaseStatus) -> dict[str, Any]:
    """The status that was set, as it was then: a later change does not rewrite it."""
    return {
        "case_status": str(row.uuid),
        "status": row.status.code,
        "status_name": row.status.name,
        "resident_text": row.status.resident_text,
        "explanation": row.explanation,
        "is_final": row.status.is_final,
    }


def record_facts(kind: str, row: Model, *, created: bool | None = None) -> dict[str, Any]:
    facts: dict[str, Any] = {"record": kind, "record_uuid": str(row.uuid)}  # type: ignore[attr-defined]
    if created is not None:
        facts["created"] = created
    return facts
