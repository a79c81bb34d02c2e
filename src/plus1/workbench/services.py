# SPDX-License-Identifier: EUPL-1.2
"""What a staff member does to a case in the workbench, one use case per function.

Each opens the transaction, checks that the case is one of the staff member's teams' cases
before it writes, and writes the change (plus1.cases.services: case row, audit, outbox) and
the resident's data trail (plus1.privacy) together. The data trail is composed here, in a
layer above both contexts, because `cases` may not import `privacy`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseNote
from plus1.cases.selectors import cases_for_staff
from plus1.cases.services import case_note_add, case_transition
from plus1.catalog.models import StatusType
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access


@transaction.atomic(durable=True)
def case_note_add_by_staff(
    *, staff: User | AnonymousUser, case: Case, text: str, visible_to_initiator: bool
) -> CaseNote:
    actor = _may_handle(staff, case)
    note = case_note_add(
        actor=actor, case=case, text=text, visible_to_initiator=visible_to_initiator
    )
    _trail_change(actor, case, "notitie toegevoegd aan uw zaak")
    return note


@transaction.atomic(durable=True)
def case_transition_by_staff(
    *, staff: User | AnonymousUser, case: Case, target: StatusType, explanation: str
) -> Case:
    """Move the case along its workflow table (plus1.cases.workflow.WORKFLOW_TABLE)."""
    actor = _may_handle(staff, case)
    case = case_transition(actor=actor, case=case, target=target, explanation=explanation)
    _trail_change(actor, case, f"status van uw zaak gewijzigd in ‘{target.name}’")
    return case


def _may_handle(staff: User | AnonymousUser, case: Case) -> Actor:
    """Only a member of the case's team changes it."""
    if not cases_for_staff(staff).filter(pk=case.pk).exists():
        raise PermissionDenied
    return Actor.from_user(staff)


def _trail_change(actor: Actor, case: Case, name: str) -> None:
    if case.initiator is not None:
        personal_data_access(
            actor=actor, subject=case.initiator, case=case, action=TrailAction.CHANGED, name=name
        )
