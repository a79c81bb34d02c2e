# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from plus1.common.bsn import blind_index
from plus1.identity.models import Party, Team


def party_for_user(user: AbstractBaseUser | AnonymousUser) -> Party | None:
    if not user.is_authenticated:
        return None
    return Party.objects.filter(user=user).first()


def party_by_bsn(bsn: str) -> Party | None:
    return Party.objects.filter(bsn_index=blind_index(bsn)).first()


def demo_parties() -> QuerySet[Party]:
    return Party.objects.filter(user__isnull=False).order_by("kind", "name")


def teams_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(members=user)
