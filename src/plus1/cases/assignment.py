# SPDX-License-Identifier: EUPL-1.2
"""Who works a case (the behandelaar): always a member of the case's team, or nobody.

Changes are serialised on the case row (select_for_update), so when two team leads reassign
the same case at once the second waits for the first, then wins; both are in the audit trail
with the assignee each one replaced, and no update is lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, Change, audit_record_many
from plus1.cases import audit_actions, events
from plus1.cases.models import Case
from plus1.events.services import outbox_put
from plus1.identity.models import TeamMembership


@dataclass(frozen=True)
class Assignment:
    """What one assignment did: the case as it is now, and who had it just before."""

    case: Case
    previous_id: int | None


def staff_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def named_contact(case: Case) -> str:
    """The behandelaar's name as the resident may see it: only where the case type says so."""
    if not case.case_type.show_assignee_to_resident or case.closed_on is not None:
        return ""
    return staff_name(case.assignee)


@transaction.atomic
def case_assign(*, actor: Actor, case: Case, assignee: User | None, reason: str = "") -> Assignment:
    """Give one case to a member of its team (assignee) or back to the team (None)."""
    return cases_assign(actor=actor, cases=[case], assignee=assignee, reason=reason)[0]


@transaction.atomic
def cases_assign(
    *, actor: Actor, cases: Sequence[Case], assignee: User | None, reason: str = ""
) -> list[Assignment]:
    """Assign several cases at once (a team lead's bulk reassignment): every problem is
    listed and nothing is written when one case cannot go to the assignee."""
    pks = [case.pk for case in cases]
    # Take the row locks first, then read the rows: a row joined in the locking query itself
    # (the assignee) could be the one from before a concurrent change we waited for.
    list(Case.objects.select_for_update().filter(pk__in=pks).order_by("pk").values_list("pk"))
    locked = list(
        Case.objects.select_related("case_type", "responsible_team", "assignee")
        .filter(pk__in=pks)
        .order_by("pk")
    )
    _check(locked, assignee)
    reason = reason.strip()[:500]
    results, changes = [], []
    for case in locked:
        before = _facts(case.assignee, "")
        previous_id = case.assignee_id
        case.assignee = assignee
        case.save(update_fields=["assignee"])
        changes.append(Change(case, before=before, after=_facts(assignee, reason)))
        outbox_put(
            topic=events.CASE_ASSIGNED,
            payload={
                **events.case_facts(case, actor),
                "assignee": assignee.pk if assignee else None,
                "reason": reason,
            },
        )
        results.append(Assignment(case=case, previous_id=previous_id))
    audit_record_many(actor=actor, action=audit_actions.CASE_ASSIGNED, changes=changes)
    return results


def _check(cases: list[Case], assignee: User | None) -> None:
    problems = [f"Zaak {case.identification} is al afgesloten." for case in cases if case.closed_on]
    if assignee is not None:
        teams_of_assignee = set(
            TeamMembership.objects.filter(user=assignee).values_list("team_id", flat=True)
        )
        problems += [
            f"{staff_name(assignee)} zit niet in {case.responsible_team.name}, het team van "
            f"zaak {case.identification}."
            for case in cases
            if case.responsible_team_id not in teams_of_assignee
        ]
    if problems:
        raise ValidationError(problems)


def _facts(user: User | None, reason: str) -> dict[str, Any]:
    return {
        "assignee": user.pk if user else None,
        "assignee_name": staff_name(user),
        "reason": reason,
    }
