# SPDX-License-Identifier: EUPL-1.2
"""What a staff member does to a case in the workbench, one use case per function.

Each opens the transaction, checks that the case is one of the staff member's teams' cases
before it writes, and writes the change (plus1.cases.services: case row, audit, outbox) and
the resident's data trail (plus1.privacy) together. The data trail is composed here, in a
layer above both contexts, because `cases` may not import `privacy`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.assignment import Assignment, case_assign, cases_assign
from plus1.cases.breakthrough import case_breakthrough_decide, case_breakthrough_mark
from plus1.cases.breakthrough_models import Breakthrough
from plus1.cases.models import Case, CaseNote
from plus1.cases.selectors import cases_for_staff
from plus1.cases.services import case_note_add, case_transition
from plus1.catalog.models import Product, StatusType
from plus1.identity.models import Team
from plus1.identity.selectors import is_team_lead
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


@transaction.atomic(durable=True)
def case_breakthrough_mark_by_staff(
    *, staff: User | AnonymousUser, case: Case, blocker: str
) -> Breakthrough:
    """ "Doorbraak nodig": the case goes to the doorbraak team with what blocks it."""
    actor = _may_handle(staff, case)
    breakthrough = case_breakthrough_mark(actor=actor, case=case, blocker=blocker)
    _trail_change(actor, case, "uw zaak krijgt extra aandacht van het doorbraakteam")
    return breakthrough


@transaction.atomic(durable=True)
def case_breakthrough_decide_by_staff(
    *,
    staff: User | AnonymousUser,
    case: Case,
    decision: str,
    rule: str,
    legal_basis: str,
    product: Product | None,
) -> Breakthrough:
    """A member of the doorbraak team (the case's team while it is there) decides."""
    actor = _may_handle(staff, case)
    breakthrough = case_breakthrough_decide(
        actor=actor,
        case=case,
        decision=decision,
        rule=rule,
        legal_basis=legal_basis,
        product=product,
    )
    _trail_change(actor, case, "besluit van het doorbraakteam over uw zaak vastgelegd")
    return breakthrough


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


# --- assignment ----------------------------------------------------------------------------


@transaction.atomic(durable=True)
def case_pick_up(*, staff: User | AnonymousUser, case: Case) -> Assignment:
    """ "Oppakken": a member of the case's team becomes its behandelaar."""
    actor = _may_handle(staff, case)
    return case_assign(actor=actor, case=case, assignee=staff)  # type: ignore[arg-type]


@transaction.atomic(durable=True)
def case_hand_over(
    *, staff: User | AnonymousUser, case: Case, colleague: User | None, reason: str
) -> Assignment:
    """Give the case to a colleague in its team, with a reason the colleague reads."""
    actor = _may_handle(staff, case)
    problems = []
    if colleague is None:
        problems.append("Kies de collega die de zaak krijgt.")
    if not reason.strip():
        problems.append("Schrijf waarom u de zaak overdraagt.")
    if problems:
        raise ValidationError(problems)
    return case_assign(actor=actor, case=case, assignee=colleague, reason=reason)


@transaction.atomic(durable=True)
def case_return_to_team(*, staff: User | AnonymousUser, case: Case, reason: str = "") -> Assignment:
    """The behandelaar (or a team lead) puts the case back in the team's inbox."""
    actor = _may_handle(staff, case)
    if case.assignee_id not in (None, staff.pk) and not is_team_lead(staff, case.responsible_team):
        raise PermissionDenied
    return case_assign(actor=actor, case=case, assignee=None, reason=reason)


@transaction.atomic(durable=True)
def cases_assign_by_lead(
    *,
    staff: User | AnonymousUser,
    team: Team,
    identifications: list[str],
    assignee: User | None,
    reason: str = "",
) -> list[Assignment]:
    """A team lead assigns one or more of the team's cases (accepting the suggestion,
    overriding it, or a bulk reassignment). Every problem is listed; nothing is written then."""
    if not is_team_lead(staff, team):
        raise PermissionDenied
    cases = list(
        cases_for_staff(staff).filter(responsible_team=team, identification__in=identifications)
    )
    problems = []
    if not identifications:
        problems.append("Kies een of meer zaken.")
    missing = sorted(set(identifications) - {case.identification for case in cases})
    problems += [f"Zaak {number} hoort niet bij {team.name}." for number in missing]
    if problems:
        raise ValidationError(problems)
    return cases_assign(actor=Actor.from_user(staff), cases=cases, assignee=assignee, reason=reason)
