# SPDX-License-Identifier: EUPL-1.2
"""Writes for parties and teams."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.common.bsn import blind_index, is_valid_bsn
from plus1.identity import audit_actions
from plus1.identity.models import Party


@transaction.atomic
def resident_register(
    *, actor: Actor, bsn: str, name: str, email: str = "", phone: str = ""
) -> Party:
    if not is_valid_bsn(bsn):
        raise ValidationError({"bsn": "Dit is geen geldig burgerservicenummer."})
    if Party.objects.filter(bsn_index=blind_index(bsn)).exists():
        raise ValidationError({"bsn": "Er is al een inwoner met dit burgerservicenummer."})
    party = Party(kind=Party.Kind.RESIDENT, name=name, email=email, phone=phone)
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
