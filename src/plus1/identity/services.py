# SPDX-License-Identifier: EUPL-1.2
"""Writes for parties and teams."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.common.bsn import blind_index, is_valid_bsn
from plus1.identity import audit_actions
from plus1.identity.login.claims import BrokerIdentity, Subject
from plus1.identity.models import Party


@transaction.atomic
def resident_register(
    *,
    actor: Actor,
    bsn: str,
    name: str,
    email: str = "",
    phone: str = "",
    birth_date: dt.date | None = None,
    postcode: str = "",
    house_number: str = "",
) -> Party:
    if not is_valid_bsn(bsn):
        raise ValidationError({"bsn": "Dit is geen geldig burgerservicenummer."})
    if Party.objects.filter(bsn_index=blind_index(bsn)).exists():
        raise ValidationError({"bsn": "Er is al een inwoner met dit burgerservicenummer."})
    party = Party(
        kind=Party.Kind.RESIDENT,
        name=name,
        email=email,
        phone=phone,
        birth_date=birth_date,
        postcode=postcode.replace(" ", "").upper(),
        house_number=house_number.strip(),
    )
    party.set_bsn(bsn)
    party.user = _portal_user(f"resident-{party.uuid}")
    party.save()
    audit_record(
        actor=actor,
        action=audit_actions.PARTY_REGISTERED,
        obj=party,
        after={"kind": party.kind, "name": name, "email": email},
    )
    return party


@transaction.atomic
def business_register(*, actor: Actor, kvk_number: str, name: str, email: str = "") -> Party:
    if not (kvk_number.isdigit() and len(kvk_number) == 8):
        raise ValidationError({"kvk_number": "Een KVK-nummer bestaat uit 8 cijfers."})
    if Party.objects.filter(kvk_number=kvk_number).exists():
        raise ValidationError({"kvk_number": "Er is al een onderneming met dit KVK-nummer."})
    party = Party(kind=Party.Kind.BUSINESS, name=name, email=email, kvk_number=kvk_number)
    party.user = _portal_user(f"business-{kvk_number}")
    party.save()
    audit_record(
        actor=actor,
        action=audit_actions.PARTY_REGISTERED,
        obj=party,
        after={"kind": party.kind, "name": name, "kvk_number": kvk_number},
    )
    return party


def _portal_user(username: str) -> User:
    user = User.objects.create(username=username)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


@dataclass(frozen=True)
class SignIn:
    """The outcome of a broker login: whose portal it opens, and who acts for them."""

    party: Party
    representative: Party | None
    level: str
    broker: str
    branch: str = ""

    @property
    def user(self) -> User:
        assert self.party.user is not None
        return self.party.user


@transaction.atomic
def party_sign_in(*, identity: BrokerIdentity) -> SignIn:
    """Find or create the party a broker names (and the representative, if any), give
    them a portal account, and audit the login. Called only with verified claims."""
    representative = _party_for(identity.representative) if identity.representative else None
    party = _party_for(identity.subject)
    acting = representative or party
    audit_record(
        actor=Actor(kind=acting.kind, id=str(acting.uuid), label=acting.name),
        action=audit_actions.PARTY_SIGNED_IN,
        obj=party,
        after={
            "broker": identity.broker,
            "level": identity.level.value,
            "representative": str(representative.uuid) if representative else None,
            "branch": identity.branch,
        },
    )
    return SignIn(
        party=party,
        representative=representative,
        level=identity.level.value,
        broker=identity.broker,
        branch=identity.branch,
    )


def _party_for(subject: Subject) -> Party:
    """The party with this BSN or KVK number, created (with an account) when it is new."""
    if subject.kind == Party.Kind.RESIDENT:
        party = (
            Party.objects.select_for_update()
            .filter(bsn_index=blind_index(subject.identifier))
            .first()
        )
    else:
        party = Party.objects.select_for_update().filter(kvk_number=subject.identifier).first()
    if party is None:
        party = _party_create(subject)
    if party.user is None:
        party.user = _portal_user(f"{party.kind}-{party.uuid}")
        party.save(update_fields=["user"])
    return party


def _party_create(subject: Subject) -> Party:
    party = Party(kind=subject.kind)
    if subject.kind == Party.Kind.RESIDENT:
        party.set_bsn(subject.identifier)
        party.name = subject.name or "Inwoner"
    else:
        party.kvk_number = subject.identifier
        party.name = subject.name or f"Onderneming {subject.identifier}"
    party.save()
    audit_record(
        actor=Actor(kind=party.kind, id=str(party.uuid), label=party.name),
        action=audit_actions.PARTY_REGISTERED,
        obj=party,
        after={"kind": party.kind, "name": party.name, "source": "login"},
    )
    return party
