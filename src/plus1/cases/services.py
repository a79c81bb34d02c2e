# SPDX-License-Identifier: EUPL-1.2
"""Every write to a case: registering, moving it through its workflow, adding notes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import events
from plus1.cases.models import Case, CaseNote, CaseStatus
from plus1.catalog import forms_schema
from plus1.catalog.models import CaseType, StatusType, Transition
from plus1.common.identifiers import next_identification
from plus1.common.legal_clock import deadline
from plus1.events.services import outbox_put
from plus1.identity.models import Party


class TransitionRefused(ValidationError):
    """The case type's workflow does not allow this move."""


@transaction.atomic
def case_register(
    *, actor: Actor, case_type: CaseType, initiator: Party | None, form_data: dict[str, Any]
) -> Case:
    """Validate the request against the case type's form and register it as a case."""
    problems = forms_schema.validate(case_type.form_schema, form_data)
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    initial = case_type.statuses.get(is_initial=True)
    case = Case.objects.create(
        identification=next_identification("ZAAK", today.year),
        case_type=case_type,
        initiator=initiator,
        form_data=form_data,
        status=initial,
        responsible_team=case_type.responsible_team,
        confidentiality=case_type.confidentiality,
        registered_on=today,
        deadline=deadline(today, case_type.legal_term),
    )
    CaseStatus.objects.create(
        case=case, status=initial, set_at=timezone.now(), set_by_id=actor.user_id
    )
    audit_record(actor=actor, action=events.CASE_REGISTERED, obj=case, after=_snapshot(case))
    outbox_put(topic=events.CASE_REGISTERED, payload={"case": str(case.uuid)})
    return case


@transaction.atomic
def case_transition(*, actor: Actor, case: Case, target: StatusType, explanation: str = "") -> Case:
    """Move a case to another status, if and only if its workflow table allows it."""
    case = Case.objects.select_for_update().select_related("status").get(pk=case.pk)
    allowed = Transition.objects.filter(source=case.status, target=target).exists()
    if not allowed:
        raise TransitionRefused(
            f"De status kan niet van ‘{case.status.name}’ naar ‘{target.name}’ gaan. "
            "Kies een van de toegestane vervolgstappen."
        )
    before = _snapshot(case)
    case.status = target
    case.closed_on = timezone.localdate() if target.is_final else None
    case.save(update_fields=["status", "closed_on"])
    CaseStatus.objects.create(
        case=case,
        status=target,
        set_at=timezone.now(),
        set_by_id=actor.user_id,
        explanation=explanation,
    )
    audit_record(
        actor=actor,
        action=events.CASE_STATUS_CHANGED,
        obj=case,
        before=before,
        after=_snapshot(case),
    )
    outbox_put(
        topic=events.CASE_STATUS_CHANGED,
        payload={"case": str(case.uuid), "status": target.code},
    )
    return case


@transaction.atomic
def case_note_add(*, actor: Actor, case: Case, text: str, visible_to_initiator: bool) -> CaseNote:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Schrijf een notitie."})
    note = CaseNote.objects.create(
        case=case, author_id=actor.user_id, text=text, visible_to_initiator=visible_to_initiator
    )
    audit_record(
        actor=actor,
        action=events.CASE_NOTE_ADDED,
        obj=case,
        after={"note": note.pk, "text": text, "visible_to_initiator": visible_to_initiator},
    )
    return note


def _snapshot(case: Case) -> dict[str, Any]:
    return {
        "identification": case.identification,
        "case_type": case.case_type.code,
        "status": case.status.code,
        "responsible_team": case.responsible_team.slug,
        "deadline": case.deadline.isoformat(),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
    }
