# SPDX-License-Identifier: EUPL-1.2
"""Reads of cases, each already scoped to who may see them."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from plus1.cases.models import Case, CaseNote, CaseStatus
from plus1.identity.models import Party


def _with_details(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("case_type", "status", "responsible_team", "initiator")


def cases_of_party(party: Party) -> QuerySet[Case]:
    return _with_details(Case.objects.filter(initiator=party)).order_by("-registered_on", "-pk")


def case_of_party(party: Party, identification: str) -> Case | None:
    """A resident's own case with its history and public notes; None for anyone else's."""
    return (
        cases_of_party(party)
        .filter(identification=identification)
        .prefetch_related(
            Prefetch("history", queryset=CaseStatus.objects.select_related("status")),
            Prefetch("notes", queryset=CaseNote.objects.filter(visible_to_initiator=True)),
        )
        .first()
    )


def cases_for_staff(user: User | AnonymousUser) -> QuerySet[Case]:
    """Cases of the teams the staff member belongs to."""
    if not (user.is_authenticated and user.is_staff):
        return Case.objects.none()
    return _with_details(Case.objects.filter(responsible_team__members=user))


def team_inbox(user: User | AnonymousUser) -> QuerySet[Case]:
    """Open cases of the user's teams, most urgent deadline first."""
    return cases_for_staff(user).filter(closed_on__isnull=True).order_by("deadline", "pk")


def case_for_staff(user: User | AnonymousUser, identification: str) -> Case | None:
    return (
        cases_for_staff(user)
        .filter(identification=identification)
        .prefetch_related(
            Prefetch("history", queryset=CaseStatus.objects.select_related("status", "set_by")),
            Prefetch("notes", queryset=CaseNote.objects.select_related("author")),
        )
        .first()
    )
