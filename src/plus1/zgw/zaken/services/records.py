# SPDX-License-Identifier: EUPL-1.2
"""The records of a zaak through the Zaken API: rollen, resultaten, zaakobjecten,
zaakeigenschappen, klantcontacten, zaakcontactmomenten and zaakverzoeken. Each write goes
through plus1.cases.services_zaak, whose events announce it."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases import services_zaak as records
from plus1.cases.models import (
    Case,
    CaseContact,
    CaseObject,
    CaseProperty,
    CaseReference,
    Result,
    Role,
)
from plus1.catalog.models import PropertyType, ResultType, RoleType
from plus1.privacy.models import TrailAction
from plus1.privacy.services.trail import personal_data_access, personal_data_page_access

Record = Role | Result | CaseObject | CaseProperty | CaseContact | CaseReference


@transaction.atomic(durable=True)
def rol_create(
    *,
    actor: Actor,
    case: Case,
    role_type: RoleType,
    bsn: str,
    values: dict[str, Any],
) -> Role:
    role = records.role_add(actor=actor, case=case, role_type=role_type, bsn=bsn, values=values)
    return role


def resultaat_refusals(*, case: Case, result_type: ResultType, result: Result | None) -> None:
    """What refuses a resultaat whoever asks, checked before authorisation: ZRC answers a
    second resultaat with 400 `unique`, also on a closed zaak (zrc-007e)."""
    records.result_check(case=case, result_type=result_type, result=result)


@transaction.atomic(durable=True)
def resultaat_save(
    *,
    actor: Actor,
    case: Case,
    result_type: ResultType,
    explanation: str,
    result: Result | None,
) -> Result:
    saved = records.result_set(
        actor=actor, case=case, result_type=result_type, explanation=explanation, result=result
    )
    return saved


@transaction.atomic(durable=True)
def zaakobject_save(
    *,
    actor: Actor,
    case: Case,
    values: dict[str, Any],
    row: CaseObject | None,
) -> CaseObject:
    saved = records.case_object_save(actor=actor, case=case, values=values, row=row)
    return saved


@transaction.atomic(durable=True)
def zaakeigenschap_save(
    *,
    actor: Actor,
    case: Case,
    property_type: PropertyType,
    value: str,
    row: CaseProperty | None,
) -> CaseProperty:
    saved = records.case_property_save(
        actor=actor, case=case, property_type=property_type, value=value, row=row
    )
    return saved


@transaction.atomic(durable=True)
def klantcontact_create(*, actor: Actor, case: Case, values: dict[str, Any]) -> CaseContact:
    row = records.case_contact_add(actor=actor, case=case, values=values)
    return row


@transaction.atomic(durable=True)
def zaakreferentie_create(*, actor: Actor, case: Case, kind: str, url: str) -> CaseReference:
    """A zaakcontactmoment or zaakverzoek (`kind`)."""
    row = records.case_reference_add(actor=actor, case=case, kind=kind, url=url)
    return row


@transaction.atomic(durable=True)
def zaak_record_delete(*, actor: Actor, row: Record) -> None:
    """Delete one record of a zaak, announced before it is gone."""
    if isinstance(row, Role):
        records.role_delete(actor=actor, role=row)
    elif isinstance(row, Result):
        records.result_delete(actor=actor, result=row)
    elif isinstance(row, CaseReference):
        records.case_reference_delete(actor=actor, row=row)
    elif isinstance(row, CaseObject | CaseProperty):
        records.case_record_delete(actor=actor, row=row)
    else:
        raise TypeError(f"{type(row).__name__} cannot be deleted through the Zaken API")


@transaction.atomic
def rollen_shown(*, actor: Actor, roles: list[Role], name: str) -> None:
    """Rollen of known people were shown: the initiators' data trail as one page access (one
    audit entry, one record per person), each other person's as one access of their own."""
    initiators = [role.case for role in roles if role.party_id == role.case.initiator_id]
    if initiators:
        personal_data_page_access(actor=actor, cases=initiators, name=name)
    for role in roles:
        if role.party_id != role.case.initiator_id and role.party is not None:
            personal_data_access(
                actor=actor,
                subject=role.party,
                case=role.case,
                action=TrailAction.VIEWED,
                name=name,
            )
