# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Catalogi API types besides zaaktypen and statustypen: informatieobjecttypen,
besluittypen, roltypen, resultaattypen, eigenschappen, zaakobjecttypen and
zaaktype-informatieobjecttypen. Each checks the publication rules (plus1.zgw.catalogi.rules),
audits, and notifies (kanalen informatieobjecttypen, besluittypen) in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from plus1.audit.services import Actor, audit_record
from plus1.catalog.models import (
    CaseType,
    CaseTypeDocumentType,
    DecisionType,
    DocumentType,
)
from plus1.events.notifications import notify
from plus1.zgw import audit_actions
from plus1.zgw.audit_actions import CATALOGUE_ROWS
from plus1.zgw.catalogi import rules as rules
from plus1.zgw.models import Catalogus


@dataclass(frozen=True)
class Notice:
    """What a notification about this write says (built by the API, which knows the URLs)."""

    kanaal: str
    resource: str
    resource_url: str
    kenmerken: dict[str, str] = field(default_factory=dict)

    def send(self, actie: str) -> None:
        notify(
            kanaal=self.kanaal,
            resource=self.resource,
            actie=actie,
            resource_url=self.resource_url,
            hoofd_object=self.resource_url,
            kenmerken=self.kenmerken,
        )


def save_row(
    *,
    actor: Actor,
    row: models.Model,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
    notice: Notice | None = None,
) -> models.Model:
    """Set values and many-to-many relations, audit, notify. Call inside a transaction."""
    created = row._state.adding
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    for name, related in (relations or {}).items():
        getattr(row, name).set(related)
    kind = str(row._meta.model_name)
    audit_record(
        actor=actor,
        action=CATALOGUE_ROWS[kind].created if created else CATALOGUE_ROWS[kind].updated,
        obj=row,
        after={**values, **{k: [str(r.pk) for r in v] for k, v in (relations or {}).items()}},
    )
    if notice:
        notice.send("create" if created else "update")
    return row


def delete_row(*, actor: Actor, row: models.Model, notice: Notice | None = None) -> None:
    """Delete, unless rows elsewhere (zaken, besluiten, documenten) still use it."""
    action = CATALOGUE_ROWS[str(row._meta.model_name)].deleted
    audit_record(actor=actor, action=action, obj=row, before={})
    if notice:
        notice.send("destroy")
    try:
        row.delete()
    except models.ProtectedError as exc:
        raise rules.problem(
            "nonFieldErrors",
            "Dit type is nog in gebruik (bijvoorbeeld door zaken of besluiten).",
            "in-use",
        ) from exc


def _lock(row: models.Model) -> models.Model:
    type(row)._default_manager.select_for_update().filter(pk=row.pk).first()
    return row


# Informatieobjecttypen ------------------------------------------------------------------


@transaction.atomic
def document_type_save(
    *, actor: Actor, row: DocumentType, values: dict[str, Any], notice: Notice | None = None
) -> DocumentType:
    if not row._state.adding:
        _lock(row)
        if not rules.only_end_date(values):
            rules.require_concept(row)
            rules.require_concept_relations(row.decision_types.all())
    save_row(actor=actor, row=row, values=values, notice=notice)
    return row


@transaction.atomic
def document_type_delete(
    *, actor: Actor, row: DocumentType, notice: Notice | None, force: bool = False
) -> None:
    """force: the client may delete published types (catalogi.geforceerd-verwijderen)."""
    if not force:
        rules.require_concept(row)
        rules.require_concept_relations(row.decision_types.all())
    delete_row(actor=actor, row=row, notice=notice)


# Besluittypen ---------------------------------------------------------------------------


@transaction.atomic
def decision_type_save(
    *,
    actor: Actor,
    row: DecisionType,
    values: dict[str, Any],
    relations: dict[str, list[Any]],
    notice: Notice | None = None,
) -> DecisionType:
    """relations: document_types (informatieobjecttypen) and case_types (zaaktypen)."""
    given = values.get("catalogue", row.catalogue)
    catalogue = str(given) if given else None
    new = [r for related in relations.values() for r in related]
    rules.require_same_catalogue(catalogue, new)
    if not row._state.adding:
        _lock(row)
        if rules.only_end_date([*values, *relations]):
            return save_row(actor=actor, row=row, values=values, notice=notice)  # type: ignore[return-value]
        rules.require_concept(row)
        rules.require_concept_relations([*row.document_types.all(), *row.case_types.all()])
    rules.require_concept_relations(new)
    save_row(actor=actor, row=row, values=values, relations=relations, notice=notice)
    return row


@transaction.atomic
def decision_type_delete(
    *, actor: Actor, row: DecisionType, notice: Notice | None, force: bool = False
) -> None:
    if not force:
        rules.require_concept(row)
        rules.require_concept_relations([*row.document_types.all(), *row.case_types.all()])
    delete_row(actor=actor, row=row, notice=notice)


@transaction.atomic
def catalogue_item_publish(
    *, actor: Actor, row: DocumentType | DecisionType, notice: Notice | None
) -> None:
    """Publish an informatieobjecttype or besluittype (concept = false)."""
    _lock(row)
    rules.require_concept(row)
    row.concept = False
    row.save(update_fields=["concept"])
    action = CATALOGUE_ROWS[str(row._meta.model_name)].published
    audit_record(actor=actor, action=action, obj=row, after={})
    if notice:
        notice.send("update")


# Parts of a zaaktype (roltype, resultaattype, eigenschap, zaakobjecttype) ----------------


@transaction.atomic
def case_type_part_save(
    *,
    actor: Actor,
    row: models.Model,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
) -> models.Model:
    """A part of a zaaktype may only change while its old and new zaaktype are concept."""
    target: CaseType | None = values.get("case_type")
    current = None if row._state.adding else row.case_type  # type: ignore[attr-defined]
    rules.require_concept_case_type(current, target)
    return save_row(actor=actor, row=row, values=values, relations=relations)


@transaction.atomic
def case_type_part_delete(*, actor: Actor, row: models.Model) -> None:
    rules.require_concept_case_type(row.case_type)  # type: ignore[attr-defined]
    delete_row(actor=actor, row=row)


# Zaaktype-informatieobjecttypen -----------------------------------------------------------


def _check_link(case_type: CaseType, document_type: DocumentType) -> None:
    rules.require_same_catalogue(rules.catalogue_of(case_type), [document_type])
    if not rules.is_concept(case_type) and not rules.is_concept(document_type):
        rules.require_concept_relations([case_type])


@transaction.atomic
def case_type_document_save(
    *, actor: Actor, row: CaseTypeDocumentType, values: dict[str, Any]
) -> CaseTypeDocumentType:
    if not row._state.adding:
        _check_link(row.case_type, row.document_type)
    case_type = values.get("case_type") or row.case_type
    document_type = values.get("document_type") or row.document_type
    _check_link(case_type, document_type)
    order = values.get("order", row.order)
    direction = values.get("direction", row.direction)
    taken = CaseTypeDocumentType.objects.filter(
        case_type=case_type, order=order, direction=direction
    ).exclude(pk=row.pk)
    if taken.exists():
        raise rules.problem(
            "nonFieldErrors",
            "Dit zaaktype heeft al een informatieobjecttype met dit volgnummer en deze richting.",
            "unique",
        )
    save_row(actor=actor, row=row, values=values)
    return row


@transaction.atomic
def case_type_document_delete(*, actor: Actor, row: CaseTypeDocumentType) -> None:
    _check_link(row.case_type, row.document_type)
    delete_row(actor=actor, row=row)


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def catalogus_create(*, actor: Actor, values: dict[str, Any]) -> Catalogus:
    if Catalogus.objects.filter(domein=values["domein"], rsin=values["rsin"]).exists():
        raise _error("nonFieldErrors", "Deze combinatie van domein en rsin bestaat al.", "unique")
    catalogus = Catalogus.objects.create(**values)
    audit_record(actor=actor, action=audit_actions.CATALOGUS_CREATED, obj=catalogus, after=values)
    return catalogus
