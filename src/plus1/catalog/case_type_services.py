# SPDX-License-Identifier: EUPL-1.2
"""The one writer of case types. The YAML import (catalog_import), the admin and the
Catalogi API (plus1.zgw.catalogi.services.zaaktypen) all save a CaseType through
case_type_save, so a case type is written under one rule set: only the fields named in
CASE_TYPE_FIELDS and CASE_TYPE_RELATIONS, on the row as locked and re-read, with one audit
entry named by one of the constants below."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict

from plus1.audit.services import Actor, audit_record
from plus1.catalog import audit_actions
from plus1.catalog.models import CaseType

CASE_TYPE_FIELDS = frozenset(
    {
        "code",
        "name",
        "description",
        "legal_term",
        "responsible_team",
        "confidentiality",
        "form_schema",
        "active",
        "penalty_applies",
        "valid_from",
        "valid_to",
        "version_date",
    }
)
CASE_TYPE_RELATIONS = frozenset({"decision_types", "sub_case_types"})


@transaction.atomic
def case_type_save(
    *,
    actor: Actor,
    case_type: CaseType | None,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
    new: CaseType | None = None,
) -> CaseType:
    """Create a case type (case_type None; `new` is the unsaved instance to fill when the
    caller already holds one, as the admin and the Catalogi API do) or change one: the row
    is locked and re-read, so the change applies to the current row, not a stale copy.
    Refuses fields outside the whitelist, listing them all."""
    relations = relations or {}
    unknown = sorted((set(values) - CASE_TYPE_FIELDS) | (set(relations) - CASE_TYPE_RELATIONS))
    if unknown:
        raise ValidationError(f"Deze gegevens van een zaaktype zijn niet te wijzigen: {unknown}.")
    if case_type is None:
        row, before = new or CaseType(), None
    else:
        row = CaseType.objects.select_for_update(of=("self",)).get(pk=case_type.pk)
        before = _snapshot(row)
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    for name, related in relations.items():
        getattr(row, name).set(related)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_CREATED
        if before is None
        else audit_actions.CASE_TYPE_UPDATED,
        obj=row,
        before=before,
        after=_snapshot(row),
    )
    return row


@transaction.atomic
def case_type_delete(*, actor: Actor, case_type: CaseType) -> None:
    """Delete a case type; rows that still use it (cases) refuse it (ProtectedError)."""
    row = CaseType.objects.select_for_update(of=("self",)).get(pk=case_type.pk)
    audit_record(
        actor=actor, action=audit_actions.CASE_TYPE_DELETED, obj=row, before=_snapshot(row)
    )
    row.delete()


def _snapshot(row: CaseType) -> dict[str, Any]:
    fields = model_to_dict(row, fields=sorted(CASE_TYPE_FIELDS | CASE_TYPE_RELATIONS))
    return {
        name: [getattr(item, "pk", item) for item in value] if isinstance(value, list) else value
        for name, value in fields.items()
    }
