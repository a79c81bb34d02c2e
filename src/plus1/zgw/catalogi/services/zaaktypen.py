# SPDX-License-Identifier: EUPL-1.2
"""Writes of zaaktypen and statustypen through the Catalogi API. A zaaktype is a
catalog.CaseType; a new one is a concept that the portal does not offer until it is
published (and has statuses). Publication rules: plus1.zgw.catalogi.rules."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from plus1.audit.services import Actor, audit_record
from plus1.catalog import events as catalog_events
from plus1.catalog.case_type_services import case_type_delete, case_type_save
from plus1.catalog.models import CaseType, StatusType
from plus1.identity.models import Team
from plus1.zgw import audit_actions
from plus1.zgw.catalogi import rules as rules
from plus1.zgw.catalogi.services.types import catalog_event_put, delete_row, save_row
from plus1.zgw.catalogi.zaaktype_fields import ZaakTypeFields, fields_apply
from plus1.zgw.models import Catalogus, StatusTypeExtensie, ZaakTypeExtensie


def _team_for(catalogus: Catalogus) -> Team:
    team = catalogus.responsible_team or Team.objects.filter(slug=settings.ZGW_DEFAULT_TEAM).first()
    if team is None:
        raise rules.problem(
            "catalogus",
            "Deze catalogus heeft geen team dat nieuwe zaaktypen behandelt.",
            "missing-team",
        )
    return team


def _check_relations(
    catalogue: str | None, relations: dict[str, list[Any]], force: bool = False
) -> None:
    related = [r for rows in relations.values() for r in rows]
    rules.require_same_catalogue(catalogue, related)
    if not force:
        rules.require_concept_relations(relations.get("decision_types", []))


@transaction.atomic
def zaaktype_create(
    *,
    actor: Actor,
    row: CaseType,
    catalogus: Catalogus,
    values: dict[str, Any],
    fields: ZaakTypeFields,
    relations: dict[str, list[Any]],
) -> CaseType:
    """A new zaaktype (row: unsaved) in concept: not offered in the portal (active=False)."""
    _check_relations(str(catalogus.uuid), relations)
    values = {
        **values,
        "responsible_team": _team_for(catalogus),
        "active": False,
        "concept": True,
        "code": values.get("code") or f"zaaktype-{row.uuid.hex[:8]}",
    }
    case_type = case_type_save(
        actor=actor, case_type=None, new=row, values=values, relations=relations
    )
    fields_apply(ZaakTypeExtensie(case_type=case_type, catalogus=catalogus), fields)
    catalog_event_put(catalog_events.CASE_TYPE_CREATED, case_type, catalogus.uuid)
    return case_type


def _catalogus_of(case_type: CaseType) -> Any:
    zgw = ZaakTypeExtensie.objects.filter(case_type=case_type).select_related("catalogus").first()
    return zgw.catalogus.uuid if zgw and zgw.catalogus else None


def _locked(case_type: CaseType) -> CaseType:
    return (
        CaseType.objects.select_for_update(of=("self",))
        .select_related("zgw__catalogus")
        .get(pk=case_type.pk)
    )


@transaction.atomic
def zaaktype_update(
    *,
    actor: Actor,
    case_type: CaseType,
    values: dict[str, Any],
    fields: ZaakTypeFields,
    relations: dict[str, list[Any]],
    force: bool = False,
) -> CaseType:
    """Change a concept zaaktype; a published one only accepts an end date, unless `force`
    (catalogi.geforceerd-schrijven)."""
    case_type = _locked(case_type)
    if not (rules.only_end_date(values) and not fields and not relations):
        if not force:
            rules.require_concept(case_type)
            rules.require_concept_relations(case_type.decision_types.all())
        _check_relations(rules.catalogue_of(case_type), relations, force)
    case_type = case_type_save(actor=actor, case_type=case_type, values=values, relations=relations)
    if fields:
        extension, _ = ZaakTypeExtensie.objects.get_or_create(
            case_type=case_type, defaults={"catalogus": Catalogus.objects.order_by("pk").first()}
        )
        fields_apply(extension, fields)
    catalog_event_put(catalog_events.CASE_TYPE_UPDATED, case_type, _catalogus_of(case_type))
    return case_type


@transaction.atomic
def zaaktype_publish(*, actor: Actor, case_type: CaseType) -> None:
    """Publish: every related type must be published first. The portal offers it from now
    on if it has statuses to start with."""
    case_type = _locked(case_type)
    rules.require_concept(case_type)
    rules.require_published(
        [
            *case_type.decision_types.all(),
            *case_type.sub_case_types.select_related("zgw"),
            *(link.document_type for link in case_type.document_type_links.all()),
        ]
    )
    case_type.concept = False
    case_type.active = case_type.statuses.filter(is_initial=True).exists()
    case_type.save(update_fields=["concept", "active"])
    audit_record(actor=actor, action=audit_actions.ZAAKTYPE_PUBLISHED, obj=case_type, after={})
    catalog_event_put(catalog_events.CASE_TYPE_UPDATED, case_type, _catalogus_of(case_type))


@transaction.atomic
def zaaktype_delete(*, actor: Actor, case_type: CaseType, force: bool = False) -> None:
    """force: the client may delete published types (catalogi.geforceerd-verwijderen)."""
    case_type = _locked(case_type)
    if not force:
        rules.require_concept(case_type)
        rules.require_concept_relations(
            [
                *case_type.decision_types.all(),
                *(link.document_type for link in case_type.document_type_links.all()),
            ]
        )
    catalog_event_put(catalog_events.CASE_TYPE_DELETED, case_type, _catalogus_of(case_type))
    try:
        case_type_delete(actor=actor, case_type=case_type)
    except ProtectedError as exc:
        raise rules.problem(
            "nonFieldErrors",
            "Dit type is nog in gebruik (bijvoorbeeld door zaken of besluiten).",
            "in-use",
        ) from exc


# Statustypen ---------------------------------------------------------------------------


@transaction.atomic
def statustype_save(
    *,
    actor: Actor,
    row: StatusType,
    values: dict[str, Any],
    data: dict[str, Any],
    force: bool = False,
) -> StatusType:
    """A statustype of a concept zaaktype (force: also of a published one); the lowest
    volgnummer starts, the highest ends."""
    target: CaseType = values.get("case_type") or row.case_type
    if not force:
        rules.require_concept_case_type(None if row._state.adding else row.case_type, target)
    order = values.get("order", row.order)
    if target.statuses.filter(order=order).exclude(pk=row.pk).exists():
        raise rules.problem(
            "volgnummer", "Dit zaaktype heeft al een statustype met dit volgnummer.", "unique"
        )
    if row._state.adding:
        values = {**values, "code": f"{slugify(values.get('name', ''))[:50] or 'status'}-{order}"}
    old_case_type = None if row._state.adding else row.case_type
    save_row(actor=actor, row=row, values=values)
    extension, _ = StatusTypeExtensie.objects.get_or_create(status_type=row)
    extension.data = {**extension.data, **data}
    extension.save(update_fields=["data"])
    _mark_first_and_last(target)
    if old_case_type is not None and old_case_type != target:
        _mark_first_and_last(old_case_type)
    return row


@transaction.atomic
def statustype_delete(*, actor: Actor, row: StatusType, force: bool = False) -> None:
    case_type = row.case_type
    if not force:
        rules.require_concept_case_type(case_type)
    delete_row(actor=actor, row=row)
    _mark_first_and_last(case_type)


def _mark_first_and_last(case_type: CaseType) -> None:
    statuses = StatusType.objects.filter(case_type=case_type).order_by("order")
    first, last = statuses.first(), statuses.last()
    statuses.update(is_initial=False, is_final=False)
    if first is not None and last is not None:
        StatusType.objects.filter(pk=first.pk).update(is_initial=True)
        StatusType.objects.filter(pk=last.pk).update(is_final=True)
