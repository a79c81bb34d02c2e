# SPDX-License-Identifier: EUPL-1.2
"""Writes of the records the Zaken API adds to a case: roles (rollen), the result, objects,
properties (zaakeigenschappen), customer contacts, and deleting a case with all of them.

A role of generic kind "initiator" for a known party also makes that party the case's
initiator (Case.initiator), so the case appears in the resident's "Mijn zaken".
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, ProtectedError

from plus1.audit.services import Actor, audit_record
from plus1.cases import audit_actions
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
from plus1.catalog.type_models import RoleKind
from plus1.common import bsn as bsn_crypto
from plus1.common.identifiers import next_identification
from plus1.identity.models import Party


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _same_case_type(case: Case, type_row: Model, field: str) -> None:
    if getattr(type_row, "case_type_id", None) != case.case_type_id:
        raise _error(
            "nonFieldErrors",
            f"Het {field} hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )


def _audit(actor: Actor, action: str, case: Case, obj: Model, **change: Any) -> None:
    """Entries go on the case, so the zaak's audit trail shows every change to its records."""
    record = {"record": f"{obj._meta.model_name}:{getattr(obj, 'uuid', obj.pk)}"}
    change = {key: {**record, **(value or {})} for key, value in change.items()}
    audit_record(actor=actor, action=action, obj=case, **change)


@transaction.atomic
def role_add(
    *, actor: Actor, case: Case, role_type: RoleType, bsn: str = "", values: dict[str, Any]
) -> Role:
    """Add a rol. A BSN is kept encrypted with a blind index and links the known party."""
    _same_case_type(case, role_type, "roltype")
    role = Role(case=case, role_type=role_type, is_initiator=role_type.kind == RoleKind.INITIATOR)
    for name, value in values.items():
        setattr(role, name, value)
    if bsn:
        role.bsn_encrypted = bsn_crypto.encrypt(bsn)
        role.bsn_index = bsn_crypto.blind_index(bsn)
        role.party = Party.objects.filter(bsn_index=role.bsn_index).first()
    role.save()
    if role.is_initiator and role.party is not None and case.initiator_id is None:
        Case.objects.filter(pk=case.pk).update(initiator=role.party)
    _audit(
        actor,
        audit_actions.ROLE_ADDED,
        case,
        role,
        after={"rol": str(role.uuid), "type": role.betrokkene_type},
    )
    return role


@transaction.atomic
def role_delete(*, actor: Actor, role: Role) -> None:
    """Remove a rol; removing the initiator rol also clears Case.initiator."""
    case = role.case
    if role.is_initiator and role.party_id and case.initiator_id == role.party_id:
        others = Role.objects.filter(case=case, is_initiator=True, party_id=role.party_id)
        if not others.exclude(pk=role.pk).exists():
            Case.objects.filter(pk=case.pk).update(initiator=None)
    _audit(actor, audit_actions.ROLE_REMOVED, case, role, before={"rol": str(role.uuid)})
    role.delete()


def result_check(*, case: Case, result_type: ResultType, result: Result | None = None) -> None:
    """The rules of result_set, callable before it: a result type of the case's own case
    type, and one result per case (so an API can answer 400 before it checks rights)."""
    _same_case_type(case, result_type, "resultaattype")
    existing = Result.objects.filter(case=case)
    if result is not None:
        existing = existing.exclude(pk=result.pk)
    if existing.exists():
        raise _error("zaak", "Deze zaak heeft al een resultaat.", "unique")


@transaction.atomic
def result_set(
    *,
    actor: Actor,
    case: Case,
    result_type: ResultType,
    explanation: str,
    result: Result | None = None,
) -> Result:
    """Give a case its result (resultaat), or change it: one per case."""
    result_check(case=case, result_type=result_type, result=result)
    row = result or Result(case=case)
    before = {"resultaattype": row.result_type_id} if result else None
    row.case, row.result_type, row.explanation = case, result_type, explanation
    row.save()
    _audit(
        actor,
        audit_actions.RESULT_SET,
        case,
        row,
        before=before,
        after={"resultaattype": result_type.pk},
    )
    return row


@transaction.atomic
def result_delete(*, actor: Actor, result: Result) -> None:
    _audit(
        actor,
        audit_actions.RESULT_REMOVED,
        result.case,
        result,
        before={"resultaat": str(result.uuid)},
    )
    result.delete()


@transaction.atomic
def case_object_save(
    *, actor: Actor, case: Case, values: dict[str, Any], row: CaseObject | None = None
) -> CaseObject:
    """Add an object to a case (zaakobject) or change it."""
    row = row or CaseObject(case=case)
    for name, value in values.items():
        setattr(row, name, value)
    row.case = case
    row.save()
    _audit(
        actor, audit_actions.OBJECT_SAVED, case, row, after={"zaakobject": str(row.uuid), **values}
    )
    return row


@transaction.atomic
def case_property_save(
    *,
    actor: Actor,
    case: Case,
    property_type: PropertyType,
    value: str,
    row: CaseProperty | None = None,
) -> CaseProperty:
    """Record a value of one of the case type's properties (zaakeigenschap)."""
    _same_case_type(case, property_type, "eigenschap")
    row = row or CaseProperty(case=case)
    row.property_type, row.value = property_type, value
    row.save()
    _audit(
        actor,
        audit_actions.PROPERTY_SAVED,
        case,
        row,
        after={"eigenschap": property_type.name, "waarde": value},
    )
    return row


@transaction.atomic
def case_record_delete(*, actor: Actor, row: CaseObject | CaseProperty) -> None:
    _audit(
        actor,
        audit_actions.RECORD_REMOVED,
        row.case,
        row,
        before={type(row).__name__: str(row.uuid)},
    )
    row.delete()


@transaction.atomic
def case_contact_add(*, actor: Actor, case: Case, values: dict[str, Any]) -> CaseContact:
    """Record a contact with the customer about the case (klantcontact)."""
    values = dict(values)
    if not values.get("identification"):
        values["identification"] = next_identification("K", values["occurred_at"].year)
    row = CaseContact.objects.create(case=case, **values)
    _audit(actor, audit_actions.CONTACT_ADDED, case, row, after={"klantcontact": str(row.uuid)})
    return row


@transaction.atomic
def case_reference_add(*, actor: Actor, case: Case, kind: str, url: str) -> CaseReference:
    """Refer a case to a contact moment or request (verzoek) in another register."""
    row = CaseReference.objects.create(case=case, kind=kind, url=url)
    _audit(actor, audit_actions.REFERENCE_ADDED, case, row, after={kind: url})
    return row


@transaction.atomic
def case_reference_delete(*, actor: Actor, row: CaseReference) -> None:
    _audit(actor, audit_actions.RECORD_REMOVED, row.case, row, before={row.kind: row.url})
    row.delete()


@transaction.atomic
def case_delete(*, actor: Actor, case: Case) -> None:
    """Delete a case with its deelzaken, statuses, roles, result, objects and properties."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_DELETED,
        obj=case,
        before={
            "identification": case.identification,
            "deelzaken": list(case.children.values_list("identification", flat=True)),
        },
    )
    for child in case.children.all():
        case_delete(actor=actor, case=child)
    try:
        case.delete()
    except ProtectedError as exc:  # e.g. the case of a GDPR request: it must stay
        raise _error(
            "nonFieldErrors", "Deze zaak hoort bij een verzoek en kan niet weg.", "protected"
        ) from exc
