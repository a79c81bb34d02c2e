# SPDX-License-Identifier: EUPL-1.2
"""Zaken and statussen through the Zaken API. Zaken go through plus1.cases.services, so the
portal, the workbench and the APIs share one row, one audit chain and one outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.cases import archiving
from plus1.cases.events import case_facts
from plus1.cases.models import Case, CaseStatus
from plus1.cases.services import case_transition, case_update, zaak_register
from plus1.cases.services_zaak import case_delete
from plus1.cases.workflow import ANY_STATUS_OF_CASE_TYPE
from plus1.catalog.models import CaseType, StatusType
from plus1.documents.links import document_links_delete_for
from plus1.documents.models import ObjectType
from plus1.documents.selectors import all_archived
from plus1.events.services import outbox_put
from plus1.zgw import audit_actions, events
from plus1.zgw.models import ZaakExtensie


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic(durable=True)
def zaak_create(
    *,
    actor: Actor,
    case_type: CaseType,
    values: dict[str, Any],
    changes: dict[str, Any],
    extension: dict[str, Any],
) -> Case:
    """Register a zaak (cases.zaak_register: no form, no status until one is set), with the
    data a registration cannot set (hoofdzaak, archiving, the legal clock) right after."""
    if case_type.concept:
        raise _error("zaaktype", "Het zaaktype is nog niet gepubliceerd.", "not-published")
    identification = values.get("identification", "")
    if identification and Case.objects.filter(identification=identification).exists():
        raise _error(
            "identificatie", "Deze identificatie is al in gebruik.", "identificatie-niet-uniek"
        )
    case = zaak_register(actor=actor, case_type=case_type, **values)
    ZaakExtensie.objects.create(case=case, **extension)
    audit_record(actor=actor, action=audit_actions.ZAAK_CREATED, obj=case, after=extension)
    if changes:
        case = _update(actor, case, changes, {})
    return case


@transaction.atomic(durable=True)
def zaak_update(
    *,
    actor: Actor,
    case: Case,
    changes: dict[str, Any],
    extension: dict[str, Any],
) -> Case:
    """Partial update: Case fields through cases.case_update, ZGW-only fields alongside. A
    zaak is archived only once all its documents are (zrc-022)."""
    if archiving.leaves_not_yet(case, changes) and not all_archived(ObjectType.ZAAK, case.uuid):
        raise _error(
            "archiefstatus",
            "Alle documenten van de zaak moeten eerst gearchiveerd zijn.",
            "documents-not-archived",
        )
    case = _update(actor, case, changes, extension)
    return case


def _update(actor: Actor, case: Case, changes: dict[str, Any], extension: dict[str, Any]) -> Case:
    if changes:
        case = case_update(actor=actor, case=case, changes=changes)
    if extension:
        row, _ = ZaakExtensie.objects.select_for_update().get_or_create(
            case=case,
            defaults={
                "bronorganisatie": settings.ZGW_RSIN,
                "verantwoordelijke_organisatie": settings.ZGW_RSIN,
                "startdatum": case.registered_on,
            },
        )
        data = extension.pop("data", {})
        for name, value in extension.items():
            setattr(row, name, value)
        row.data = {**row.data, **data}
        row.save()
        audit_record(
            actor=actor, action=audit_actions.ZAAK_UPDATED, obj=case, after={**extension, **data}
        )
        if not changes:  # else the case's own event tells of this change
            outbox_put(topic=events.ZAAK_EXTENSION_UPDATED, payload=case_facts(case, actor))
    return case


@transaction.atomic(durable=True)
def zaak_delete(*, actor: Actor, case: Case) -> None:
    """Delete a zaak with its deelzaken and every document link to them."""
    for doomed in [case, *case.children.all()]:
        document_links_delete_for(actor=actor, object_type=ObjectType.ZAAK, object_uuid=doomed.uuid)
    case_delete(actor=actor, case=case)


@transaction.atomic(durable=True)
def status_create(
    *,
    actor: Actor,
    case: Case,
    status_type: StatusType,
    set_at: dt.datetime,
    explanation: str,
    archive_source_date: dt.date | None = None,
) -> CaseStatus:
    """Set a status: any statustype of the zaaktype (the ZGW channel's policy); an
    eindstatus needs a resultaat."""
    case_transition(
        actor=actor,
        case=case,
        target=status_type,
        explanation=explanation,
        policy=ANY_STATUS_OF_CASE_TYPE,
        set_at=set_at,
        archive_source_date=archive_source_date,
    )
    row = CaseStatus.objects.filter(case=case).select_related("status").latest("pk")
    return row
