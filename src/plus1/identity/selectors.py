# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from plus1.common.bsn import blind_index
from plus1.identity.models import Party, Team, TeamMembership


def party_for_user(user: User | AnonymousUser) -> Party | None:
    if not user.is_authenticated:
        return None
    return Party.objects.filter(user=user).first()


def party_by_bsn(bsn: str) -> Party | None:
    return Party.objects.filter(bsn_index=blind_index(bsn)).first()


def demo_parties() -> QuerySet[Party]:
    return Party.objects.filter(user__isnull=False).order_by("kind", "name")


def demo_party(party_uuid: str) -> Party | None:
    try:
        return demo_parties().filter(uuid=uuid.UUID(party_uuid)).first()
    except ValueError:
        return None


def teams_of(user: User | AnonymousUser) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(members=user)


def party_by_uuid(party_uuid: str) -> Party | None:
    try:
        return Party.objects.filter(uuid=uuid.UUID(party_uuid)).first()
    except ValueError:
        return None


def is_team_lead(user: User | AnonymousUser, team: Team) -> bool:
    if not user.is_authenticated:
        return False
    return TeamMembership.objects.filter(user=user, team=team, is_lead=True).exists()


def teams_led_by(user: User | AnonymousUser) -> QuerySet[Team]:
    """The teams the user leads (team lead pages such as Vastgelopen zaken)."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user, memberships__is_lead=True).distinct()


def team_of(user: User | AnonymousUser, slug: str) -> Team | None:
    """One of the user's teams by its slug; None when it is not one of theirs."""
    return teams_of(user).filter(slug=slug).first() if slug else None


def team_members(team: Team) -> QuerySet[User]:
    return team.members.filter(is_active=True).order_by("first_name", "last_name", "username")
