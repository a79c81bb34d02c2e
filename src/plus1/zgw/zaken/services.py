# SPDX-License-Identifier: EUPL-1.2
"""Every write through the ZGW APIs. Zaken go through plus1.cases.services, so the portal,
the workbench and the APIs share one row, one audit chain and one outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case, CaseStatus, Result
from plus1.cases.services import case_register, case_transition, case_update
from plus1.catalog.models import CaseType, StatusType
from plus1.zgw import audit_actions
from plus1.zgw.models import (
    ZaakExtensie,
)


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def zaak_create(
    *, actor: Actor, case_type: CaseType, values: dict[str, Any], extension: dict[str, Any]
) -> Case:
    """Register a zaak through cases.case_register (no form, no status until one is set)."""
    zgw = getattr(case_type, "zgw", None)
    if zgw is not None and zgw.concept:
        raise _error("zaaktype", "Het zaaktype is nog niet gepubliceerd.", "not-published")
    identification = values.get("identification", "")
    if identification and Case.objects.filter(identification=identification).exists():
        raise _error(
            "identificatie", "Deze identificatie is al in gebruik.", "identificatie-niet-uniek"
        )
    case = case_register(
        actor=actor,
        case_type=case_type,
        initiator=None,
        form_data={},
        validate_form=False,
        record_first_status=False,
        **values,
    )
    ZaakExtensie.objects.create(case=case, **extension)
    audit_record(actor=actor, action=audit_actions.ZAAK_CREATED, obj=case, after=extension)
    return case


@transaction.atomic
def zaak_update(
    *, actor: Actor, case: Case, changes: dict[str, Any], extension: dict[str, Any]
) -> Case:
    """Partial update: Case fields through cases.case_update, ZGW-only fields alongside."""
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
    return case


@transaction.atomic
def status_create(
    *,
    actor: Actor,
    case: Case,
    status_type: StatusType,
    set_at: dt.datetime,
    explanation: str,
    archive_source_date: dt.date | None = None,
) -> CaseStatus:
    """Set a status (ZGW allows any statustype of the zaaktype) through cases.case_transition."""
    if status_type.case_type_id != case.case_type_id:
        raise _error(
            "nonFieldErrors",
            "Het statustype hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )
    if status_type.is_final and not Result.objects.filter(case=case).exists():
        raise _error(
            "nonFieldErrors",
            "Een zaak kan pas worden afgesloten als zij een resultaat heeft.",
            "resultaat-does-not-exist",
        )
    case_transition(
        actor=actor,
        case=case,
        target=status_type,
        explanation=explanation,
        enforce_workflow=False,
        set_at=set_at,
        archive_source_date=archive_source_date,
    )
    return CaseStatus.objects.filter(case=case).select_related("status").latest("pk")
