# SPDX-License-Identifier: EUPL-1.2
"""Every write through the ZGW APIs. Zaken go through plus1.cases.services, so the portal,
the workbench and the APIs share one row, one audit chain and one outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case, CaseStatus
from plus1.cases.services import case_register, case_transition, case_update
from plus1.catalog.models import CaseType, StatusType
from plus1.identity.models import Team
from plus1.zgw.models import (
    Applicatie,
    ApplicatieClient,
    Autorisatie,
    Catalogus,
    StatusTypeExtensie,
    ZaakExtensie,
    ZaakTypeExtensie,
)


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def applicatie_register(
    *,
    actor: Actor,
    label: str,
    client_id: str,
    secret: str,
    heeft_alle_autorisaties: bool,
    autorisaties: list[dict[str, Any]] | None = None,
) -> Applicatie:
    """Register (or replace) the applicatie behind one client id."""
    ApplicatieClient.objects.filter(client_id=client_id).delete()
    applicatie = Applicatie.objects.create(
        label=label, heeft_alle_autorisaties=heeft_alle_autorisaties
    )
    ApplicatieClient.objects.create(applicatie=applicatie, client_id=client_id, secret=secret)
    for values in autorisaties or []:
        Autorisatie.objects.create(applicatie=applicatie, **values)
    audit_record(
        actor=actor,
        action="zgw.applicatie_registered",
        obj=applicatie,
        after={"label": label, "client_id": client_id, "alle": heeft_alle_autorisaties},
    )
    return applicatie


@transaction.atomic
def catalogus_create(*, actor: Actor, values: dict[str, Any]) -> Catalogus:
    if Catalogus.objects.filter(domein=values["domein"], rsin=values["rsin"]).exists():
        raise _error("nonFieldErrors", "Deze combinatie van domein en rsin bestaat al.", "unique")
    catalogus = Catalogus.objects.create(**values)
    audit_record(actor=actor, action="zgw.catalogus_created", obj=catalogus, after=values)
    return catalogus


def _team_for(catalogus: Catalogus) -> Team:
    team = catalogus.responsible_team or Team.objects.filter(slug=settings.ZGW_DEFAULT_TEAM).first()
    if team is None:
        raise _error(
            "catalogus",
            "Deze catalogus heeft geen team dat nieuwe zaaktypen behandelt.",
            "missing-team",
        )
    return team


@transaction.atomic
def zaaktype_create(
    *, actor: Actor, catalogus: Catalogus, values: dict[str, Any], data: dict[str, Any]
) -> CaseType:
    """A new zaaktype in concept: not yet offered in the portal (active=False)."""
    code = values.get("code") or f"zaaktype-{CaseType.objects.count() + 1}"
    if CaseType.objects.filter(code=code).exists():
        raise _error("identificatie", "Er is al een zaaktype met deze identificatie.", "unique")
    case_type = CaseType.objects.create(
        **{**values, "code": code}, responsible_team=_team_for(catalogus), active=False
    )
    ZaakTypeExtensie.objects.create(case_type=case_type, catalogus=catalogus, data=data)
    audit_record(
        actor=actor, action="zgw.zaaktype_created", obj=case_type, after={**values, **data}
    )
    return case_type


def _concept_extension(case_type: CaseType) -> ZaakTypeExtensie:
    extension = ZaakTypeExtensie.objects.select_for_update().filter(case_type=case_type).first()
    if extension is None or not extension.concept:
        raise _error(
            "nonFieldErrors",
            "Een gepubliceerd zaaktype kan niet worden gewijzigd.",
            "non-concept-object",
        )
    return extension


@transaction.atomic
def zaaktype_update(
    *, actor: Actor, case_type: CaseType, values: dict[str, Any], data: dict[str, Any]
) -> CaseType:
    extension = _concept_extension(case_type)
    if (
        values.get("code")
        and CaseType.objects.filter(code=values["code"]).exclude(pk=case_type.pk).exists()
    ):
        raise _error("identificatie", "Er is al een zaaktype met deze identificatie.", "unique")
    before = {"name": case_type.name, **extension.data}
    for name, value in values.items():
        setattr(case_type, name, value)
    case_type.save()
    extension.data = {**extension.data, **data}
    extension.save(update_fields=["data"])
    audit_record(
        actor=actor,
        action="zgw.zaaktype_updated",
        obj=case_type,
        before=before,
        after={**values, **data},
    )
    return case_type


@transaction.atomic
def zaaktype_publish(*, actor: Actor, case_type: CaseType) -> CaseType:
    """Publish a concept zaaktype: from now on zaken can be created and the portal offers it."""
    extension = _concept_extension(case_type)
    if not case_type.statuses.exists():
        raise _error(
            "nonFieldErrors",
            "Een zaaktype heeft minstens één statustype nodig.",
            "concept-relation",
        )
    extension.concept = False
    extension.save(update_fields=["concept"])
    case_type.active = True
    case_type.save(update_fields=["active"])
    audit_record(
        actor=actor, action="zgw.zaaktype_published", obj=case_type, after={"concept": False}
    )
    return case_type


@transaction.atomic
def zaaktype_delete(*, actor: Actor, case_type: CaseType) -> None:
    _concept_extension(case_type)
    audit_record(
        actor=actor, action="zgw.zaaktype_deleted", obj=case_type, before={"code": case_type.code}
    )
    case_type.delete()


@transaction.atomic
def statustype_create(
    *,
    actor: Actor,
    case_type: CaseType,
    name: str,
    order: int,
    resident_text: str,
    data: dict[str, Any],
) -> StatusType:
    """A statustype of a concept zaaktype; the lowest volgnummer starts, the highest ends."""
    try:
        _concept_extension(case_type)
    except ValidationError as exc:
        raise _error(
            "zaaktype", "Het zaaktype is al gepubliceerd.", "non-concept-zaaktype"
        ) from exc
    if case_type.statuses.filter(order=order).exists():
        raise _error(
            "volgnummer", "Dit zaaktype heeft al een statustype met dit volgnummer.", "unique"
        )
    code = f"{slugify(name)[:50] or 'status'}-{order}"
    status_type = StatusType.objects.create(
        case_type=case_type, code=code, name=name, order=order, resident_text=resident_text
    )
    StatusTypeExtensie.objects.create(status_type=status_type, data=data)
    _mark_first_and_last(case_type)
    audit_record(
        actor=actor,
        action="zgw.statustype_created",
        obj=status_type,
        after={"name": name, "order": order},
    )
    return status_type


def _mark_first_and_last(case_type: CaseType) -> None:
    statuses = case_type.statuses.order_by("order")
    first, last = statuses.first(), statuses.last()
    statuses.update(is_initial=False, is_final=False)
    assert first is not None and last is not None
    StatusType.objects.filter(pk=first.pk).update(is_initial=True)
    StatusType.objects.filter(pk=last.pk).update(is_final=True)


@transaction.atomic
def zaak_create(
    *, actor: Actor, case_type: CaseType, values: dict[str, Any], extension: dict[str, Any]
) -> Case:
    """Register a zaak through cases.case_register (no form, no status until one is set)."""
    zgw = getattr(case_type, "zgw", None)
    if zgw is not None and zgw.concept:
        raise _error("zaaktype", "Het zaaktype is nog niet gepubliceerd.", "zaaktype-concept")
    if not case_type.statuses.exists():
        raise _error("zaaktype", "Het zaaktype heeft geen statustypen.", "zaaktype-incomplete")
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
    audit_record(actor=actor, action="zgw.zaak_created", obj=case, after=extension)
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
        audit_record(actor=actor, action="zgw.zaak_updated", obj=case, after={**extension, **data})
    return case


@transaction.atomic
def status_create(
    *,
    actor: Actor,
    case: Case,
    status_type: StatusType,
    set_at: dt.datetime,
    explanation: str,
) -> CaseStatus:
    """Set a status (ZGW allows any statustype of the zaaktype) through cases.case_transition."""
    if status_type.case_type_id != case.case_type_id:
        raise _error(
            "statustype",
            "Het statustype hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )
    case_transition(
        actor=actor,
        case=case,
        target=status_type,
        explanation=explanation,
        enforce_workflow=False,
        set_at=set_at,
    )
    return CaseStatus.objects.filter(case=case).select_related("status").latest("set_at", "pk")
