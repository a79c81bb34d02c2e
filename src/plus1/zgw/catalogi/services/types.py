# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Catalogi API types besides zaaktypen and statustypen: informatieobjecttypen,
besluittypen, roltypen, resultaattypen, eigenschappen, zaakobjecttypen and
zaaktype-informatieobjecttypen. Each checks the publication rules (plus1.zgw.catalogi.rules),
audits, and puts its catalog event in the outbox, in one transaction."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from plus1.audit.services import Actor, audit_record
from plus1.catalog import events as catalog_events
from plus1.catalog.models import (
    CaseType,
    CaseTypeDocumentType,
    DecisionType,
    DocumentType,
)
from plus1.events.services import outbox_put
from plus1.zgw import audit_actions
from plus1.zgw.audit_actions import CATALOGUE_ROWS
from plus1.zgw.catalogi import rules as rules
from plus1.zgw.models import Catalogus

M = TypeVar("M", bound=models.Model)


def catalog_event_put(topic: str, row: models.Model, catalogue: Any) -> None:
    outbox_put(topic=topic, payload=catalog_events.type_facts(row, catalogue))


def save_row(
    *,
    actor: Actor,
    row: models.Model,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
) -> models.Model:
    """Set values and many-to-many relations, audit. Call inside a transaction, with
    `row` new or as locked and re-read (`_lock`). Not for case types."""
    actions = CATALOGUE_ROWS[str(row._meta.model_name)]
    created = row._state.adding
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    for name, related in (relations or {}).items():
        getattr(row, name).set(related)
    audit_record(
        actor=actor,
        action=actions.created if created else actions.updated,
        obj=row,
        after={**values, **{k: [str(r.pk) for r in v] for k, v in (relations or {}).items()}},
    )
    return row


def delete_row(*, actor: Actor, row: models.Model) -> None:
    """Delete, unless rows elsewhere (zaken, besluiten, documenten) still use it."""
    audit_record(
        actor=actor, action=CATALOGUE_ROWS[str(row._meta.model_name)].deleted, obj=row, before={}
    )
    try:
        row.delete()
    except models.ProtectedError as exc:
        raise rules.problem(
            "nonFieldErrors",
            "Dit type is nog in gebruik (bijvoorbeeld door zaken of besluiten).",
            "in-use",
        ) from exc


def _lock(row: M) -> M:
    """The row as it is now, locked until the transaction ends."""
    return type(row)._default_manager.select_for_update().get(pk=row.pk)


# Informatieobjecttypen ------------------------------------------------------------------


@transaction.atomic
def document_type_save(
    *, actor: Actor, row: DocumentType, values: dict[str, Any], force: bool = False
) -> DocumentType:
    """force: the client may change published types (catalogi.geforceerd-schrijven)."""
    created = row._state.adding
    if not created:
        row = _lock(row)
        if not rules.only_end_date(values) and not force:
            rules.require_concept(row)
            rules.require_concept_relations(row.decision_types.all())
    save_row(actor=actor, row=row, values=values)
    topic = (
        catalog_events.DOCUMENT_TYPE_CREATED if created else catalog_events.DOCUMENT_TYPE_UPDATED
    )
    catalog_event_put(topic, row, row.catalogue)
    return row


@transaction.atomic
def document_type_delete(*, actor: Actor, row: DocumentType, force: bool = False) -> None:
    """force: the client may delete published types (catalogi.geforceerd-verwijderen)."""
    if not force:
        rules.require_concept(row)
        rules.require_concept_relations(row.decision_types.all())
    catalog_event_put(catalog_events.DOCUMENT_TYPE_DELETED, row, row.catalogue)
    delete_row(actor=actor, row=row)


# Besluittypen ---------------------------------------------------------------------------


@transaction.atomic
def decision_type_save(
    *,
    actor: Actor,
    row: DecisionType,
    values: dict[str, Any],
    relations: dict[str, list[Any]],
    force: bool = False,
) -> DecisionType:
    """relations: document_types (informatieobjecttypen) and case_types (zaaktypen);
    force: the client may change a published one (catalogi.geforceerd-schrijven)."""
    given = values.get("catalogue", row.catalogue)
    catalogue = str(given) if given else None
    new = [r for related in relations.values() for r in related]
    rules.require_same_catalogue(catalogue, new)
    if not row._state.adding:
        row = _lock(row)
        if rules.only_end_date([*values, *relations]):
            save_row(actor=actor, row=row, values=values)
            catalog_event_put(catalog_events.DECISION_TYPE_UPDATED, row, row.catalogue)
            return row
        if not force:
            rules.require_concept(row)
            rules.require_concept_relations([*row.document_types.all(), *row.case_types.all()])
    if not force:
        rules.require_concept_relations(new)
    created = row._state.adding
    save_row(actor=actor, row=row, values=values, relations=relations)
    topic = (
        catalog_events.DECISION_TYPE_CREATED if created else catalog_events.DECISION_TYPE_UPDATED
    )
    catalog_event_put(topic, row, row.catalogue)
    return row


@transaction.atomic
def decision_type_delete(*, actor: Actor, row: DecisionType, force: bool = False) -> None:
    if not force:
        rules.require_concept(row)
        rules.require_concept_relations([*row.document_types.all(), *row.case_types.all()])
    catalog_event_put(catalog_events.DECISION_TYPE_DELETED, row, row.catalogue)
    delete_row(actor=actor, row=row)


@transaction.atomic
def catalogue_item_publish(*, actor: Actor, row: DocumentType | DecisionType) -> None:
    """Publish an informatieobjecttype or besluittype (concept = false)."""
    row = _lock(row)
    rules.require_concept(row)
    row.concept = False
    row.save(update_fields=["concept"])
    audit_record(
        actor=actor, action=CATALOGUE_ROWS[str(row._meta.model_name)].published, obj=row, after={}
    )
    topic = (
        catalog_events.DOCUMENT_TYPE_UPDATED
        if isinstance(row, DocumentType)
        else catalog_events.DECISION_TYPE_UPDATED
    )
    catalog_event_put(topic, row, row.catalogue)


# Parts of a zaaktype (roltype, resultaattype, eigenschap, zaakobjecttype) ----------------


@transaction.atomic
def case_type_part_save(
    *,
    actor: Actor,
    row: models.Model,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
    force: bool = False,
) -> models.Model:
    """A part of a zaaktype may only change while its old and new zaaktype are concept
    (force: also when published, catalogi.geforceerd-schrijven)."""
    target: CaseType | None = values.get("case_type")
    current = None if row._state.adding else row.case_type  # type: ignore[attr-defined]
    if not force:
        rules.require_concept_case_type(current, target)
    return save_row(actor=actor, row=row, values=values, relations=relations)


@transaction.atomic
def case_type_part_delete(*, actor: Actor, row: models.Model, force: bool = False) -> None:
    """force: also of a published zaaktype (catalogi.geforceerd-verwijderen)."""
    if not force:
        rules.require_concept_case_type(row.case_type)  # type: ignore[attr-defined]
    delete_row(actor=actor, row=row)


# Zaaktype-informatieobjecttypen -----------------------------------------------------------


def _check_link(case_type: CaseType, document_type: DocumentType, force: bool = False) -> None:
    rules.require_same_catalogue(rules.catalogue_of(case_type), [document_type])
    if force:
        return
    if not rules.is_concept(case_type) and not rules.is_concept(document_type):
        rules.require_concept_relations([case_type])


@transaction.atomic
def case_type_document_save(
    *, actor: Actor, row: CaseTypeDocumentType, values: dict[str, Any], force: bool = False
) -> CaseTypeDocumentType:
    """force: also between published types (catalogi.geforceerd-schrijven)."""
    if not row._state.adding:
        _check_link(row.case_type, row.document_type, force)
    case_type = values.get("case_type") or row.case_type
    document_type = values.get("document_type") or row.document_type
    _check_link(case_type, document_type, force)
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
def case_type_document_delete(
    *, actor: Actor, row: CaseTypeDocumentType, force: bool = False
) -> None:
    _check_link(row.case_type, row.document_type, force)
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
