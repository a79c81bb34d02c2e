# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API 1.3.1 response bodies, rendered from rows fetched by plus1.zgw.catalogi.selectors
(no queries here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plus1.catalog.models import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    DecisionType,
    DocumentType,
    PropertyType,
    ResultType,
    RoleType,
    StatusType,
)
from plus1.zgw.base import Urls
from plus1.zgw.catalogi import selectors as sel
from plus1.zgw.catalogi import zaaktype_fields
from plus1.zgw.catalogi.names import Versions
from plus1.zgw.models import Catalogus

ROOT = "/catalogi/api/v1"
CATALOGUS = f"{ROOT}/catalogussen"
ZAAKTYPE = f"{ROOT}/zaaktypen"
STATUSTYPE = f"{ROOT}/statustypen"
IOTYPE = f"{ROOT}/informatieobjecttypen"
BESLUITTYPE = f"{ROOT}/besluittypen"
ROLTYPE = f"{ROOT}/roltypen"
RESULTAATTYPE = f"{ROOT}/resultaattypen"
EIGENSCHAP = f"{ROOT}/eigenschappen"
ZAAKOBJECTTYPE = f"{ROOT}/zaakobjecttypen"
ZIOT = f"{ROOT}/zaaktype-informatieobjecttypen"


class Ctx:
    """What rendering needs besides the row: the URL builder and the fallback catalogus of
    case types made in Plus1 itself."""

    def __init__(self, urls: Urls, default: Catalogus | None, day: dt.date | None = None) -> None:
        self.urls, self.default = urls, default
        # relations are shown as the versions valid on this day (datumGeldigheid, or today)
        self.versions = Versions(day or dt.date.today())

    def decision_type(self, row: DecisionType) -> DecisionType:
        rows = DecisionType.objects.all()
        return self.versions.shown(row, "besluittype", rows, "catalogue", "description")

    def document_type(self, row: DocumentType) -> DocumentType:
        rows = DocumentType.objects.all()
        return self.versions.shown(row, "informatieobjecttype", rows, "catalogue", "description")

    def case_type(self, row: CaseType) -> CaseType:
        rows = CaseType.objects.select_related("zgw")
        return self.versions.shown(row, "zaaktype", rows, "zgw__catalogus_id", "code")

    def related_zaaktype(self, value: str, row: CaseType) -> str:
        """A gerelateerdeZaaktypen entry given by identificatie, as the URL of the version
        valid on the day (the identificatie itself when there is none)."""
        if value.startswith(("http://", "https://")):
            return value
        zgw = getattr(row, "zgw", None)
        named = CaseType.objects.filter(code=value)
        named = named.filter(zgw__catalogus_id=zgw.catalogus_id) if zgw else named.none()
        found = sel.valid_on(named, self.versions.day).order_by("concept", "-pk").first()
        return self.zaaktype(found) if found else value

    def catalogus_of(self, case_type: CaseType) -> str | None:
        zgw = getattr(case_type, "zgw", None)
        catalogus = zgw.catalogus if zgw else self.default
        return self.urls(CATALOGUS, catalogus.uuid) if catalogus else None

    def zaaktype(self, case_type: CaseType) -> str:
        return self.urls(ZAAKTYPE, case_type.uuid)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def validity(row: Any) -> dict[str, Any]:
    return {
        "beginGeldigheid": _date(row.valid_from),
        "eindeGeldigheid": _date(row.valid_to),
        "beginObject": _date(row.object_from),
        "eindeObject": _date(row.object_to),
    }


def render_catalogus(
    row: Catalogus, ctx: Ctx, members: dict[str, dict[str, list[str]]]
) -> dict[str, Any]:
    mine = members.get(str(row.uuid), {})
    return {
        "url": ctx.urls(CATALOGUS, row.uuid),
        "domein": row.domein,
        "rsin": row.rsin,
        "contactpersoonBeheerNaam": row.contactpersoon_beheer_naam,
        "contactpersoonBeheerTelefoonnummer": row.contactpersoon_beheer_telefoonnummer,
        "contactpersoonBeheerEmailadres": row.contactpersoon_beheer_emailadres,
        "zaaktypen": [ctx.urls(ZAAKTYPE, z.case_type.uuid) for z in row.zaaktypen.all()],
        "besluittypen": [ctx.urls(BESLUITTYPE, k) for k in mine.get("besluittypen", [])],
        "informatieobjecttypen": [
            ctx.urls(IOTYPE, k) for k in mine.get("informatieobjecttypen", [])
        ],
        "naam": row.naam,
        "versie": row.versie,
        "begindatumVersie": _date(row.begindatum_versie),
    }


def render_documenttype(row: DocumentType, ctx: Ctx) -> dict[str, Any]:
    return {
        "url": ctx.urls(IOTYPE, row.uuid),
        "catalogus": ctx.urls(CATALOGUS, row.catalogue) if row.catalogue else None,
        "omschrijving": row.description,
        "vertrouwelijkheidaanduiding": row.confidentiality,
        **validity(row),
        "concept": row.concept,
        "zaaktypen": [ctx.zaaktype(link.case_type) for link in row.case_type_links.all()],
        "besluittypen": [ctx.urls(BESLUITTYPE, b.uuid) for b in row.decision_types.all()],
        "informatieobjectcategorie": row.category,
        "trefwoord": row.keywords,
        "omschrijvingGeneriek": row.generic_description,
    }


def render_besluittype(row: DecisionType, ctx: Ctx) -> dict[str, Any]:
    documents = list(row.document_types.all())
    results = list(row.result_types.all())
    return {
        "url": ctx.urls(BESLUITTYPE, row.uuid),
        "catalogus": ctx.urls(CATALOGUS, row.catalogue) if row.catalogue else None,
        "zaaktypen": [ctx.zaaktype(c) for c in row.case_types.all()],
        "omschrijving": row.description,
        "omschrijvingGeneriek": row.generic_description,
        "besluitcategorie": row.category,
        "reactietermijn": row.reaction_term or None,
        "publicatieIndicatie": row.publish,
        "publicatietekst": row.publication_text,
        "publicatietermijn": row.publication_term or None,
        "toelichting": row.explanation,
        "informatieobjecttypen": [ctx.urls(IOTYPE, ctx.document_type(d).uuid) for d in documents],
        **validity(row),
        "concept": row.concept,
        "resultaattypen": [ctx.urls(RESULTAATTYPE, r.uuid) for r in results],
        "resultaattypenOmschrijving": [r.description for r in results],
        "vastgelegdIn": [d.description for d in documents],
    }


def _part(row: Any, ctx: Ctx, path: str) -> dict[str, Any]:
    """Fields every part of a zaaktype shares."""
    return {
        "url": ctx.urls(path, row.uuid),
        "zaaktype": ctx.zaaktype(row.case_type),
        "zaaktypeIdentificatie": row.case_type.code,
        "catalogus": ctx.catalogus_of(row.case_type),
    }


def render_roltype(row: RoleType, ctx: Ctx) -> dict[str, Any]:
    return {
        **_part(row, ctx, ROLTYPE),
        "omschrijving": row.description,
        "omschrijvingGeneriek": row.kind,
        **validity(row),
    }


def render_resultaattype(row: ResultType, ctx: Ctx) -> dict[str, Any]:
    decisions = list(row.decision_types.all())
    documents = list(row.document_types.all())
    return {
        **_part(row, ctx, RESULTAATTYPE),
        "omschrijving": row.description,
        "resultaattypeomschrijving": row.result_type_url,
        "omschrijvingGeneriek": row.generic_description,
        "selectielijstklasse": row.selection_list_class,
        "toelichting": row.explanation,
        "archiefnominatie": row.archive_nomination,
        "archiefactietermijn": row.archive_action_term or None,
        "brondatumArchiefprocedure": row.source_date,
        "procesobjectaard": row.process_object_nature,
        "indicatieSpecifiek": row.specific,
        "procestermijn": row.process_term or None,
        **validity(row),
        "besluittypen": [ctx.urls(BESLUITTYPE, d.uuid) for d in decisions],
        "besluittypeOmschrijving": [d.description for d in decisions],
        "informatieobjecttypen": [ctx.urls(IOTYPE, ctx.document_type(d).uuid) for d in documents],
        "informatieobjecttypeOmschrijving": [d.description for d in documents],
    }


def render_eigenschap(row: PropertyType, ctx: Ctx) -> dict[str, Any]:
    return {
        **_part(row, ctx, EIGENSCHAP),
        "naam": row.name,
        "definitie": row.definition,
        "specificatie": row.specification,
        "toelichting": row.explanation,
        "statustype": ctx.urls(STATUSTYPE, row.status_type.uuid) if row.status_type else None,
        **validity(row),
    }


def render_zaakobjecttype(row: CaseObjectType, ctx: Ctx) -> dict[str, Any]:
    return {
        **_part(row, ctx, ZAAKOBJECTTYPE),
        "anderObjecttype": row.other_object_type,
        "objecttype": row.object_type,
        "relatieOmschrijving": row.relation_description,
        "resultaattypen": [],
        "statustypen": [],
        **validity(row),
    }


def render_ziot(row: CaseTypeDocumentType, ctx: Ctx) -> dict[str, Any]:
    return {
        **_part(row, ctx, ZIOT),
        "informatieobjecttype": ctx.urls(IOTYPE, ctx.document_type(row.document_type).uuid),
        "volgnummer": row.order,
        "richting": row.direction,
        "statustype": ctx.urls(STATUSTYPE, row.status_type.uuid) if row.status_type else None,
    }


def render_statustype(row: StatusType, ctx: Ctx) -> dict[str, Any]:
    extra = getattr(row, "zgw", None)
    data = extra.data if extra else {}
    return {
        **_part(row, ctx, STATUSTYPE),
        "omschrijving": row.name,
        "omschrijvingGeneriek": data.get("omschrijvingGeneriek", ""),
        "statustekst": row.resident_text,
        "volgnummer": row.order,
        "isEindstatus": row.is_final,
        "informeren": data.get("informeren", False),
        "doorlooptijd": data.get("doorlooptijd"),
        "toelichting": data.get("toelichting", ""),
        "checklistitemStatustype": data.get("checklistitemStatustype", []),
        "eigenschappen": [ctx.urls(EIGENSCHAP, p.uuid) for p in row.property_types.all()],
        "beginGeldigheid": data.get("beginGeldigheid"),
        "eindeGeldigheid": data.get("eindeGeldigheid"),
        "beginObject": data.get("beginObject"),
        "eindeObject": data.get("eindeObject"),
    }


def render_zaaktype(row: CaseType, ctx: Ctx) -> dict[str, Any]:
    urls = ctx.urls
    return {
        "url": ctx.zaaktype(row),
        "identificatie": row.code,
        "omschrijving": row.name,
        "vertrouwelijkheidaanduiding": row.confidentiality,
        "toelichting": row.description,
        "doorlooptijd": row.legal_term,
        **zaaktype_fields.render(row),
        "catalogus": ctx.catalogus_of(row),
        "statustypen": [urls(STATUSTYPE, s.uuid) for s in row.statuses.all()],
        "resultaattypen": [urls(RESULTAATTYPE, r.uuid) for r in row.result_types.all()],
        "eigenschappen": [urls(EIGENSCHAP, p.uuid) for p in row.property_types.all()],
        "informatieobjecttypen": [
            urls(IOTYPE, ctx.document_type(link.document_type).uuid)
            for link in row.document_type_links.all()
        ],
        "roltypen": [urls(ROLTYPE, r.uuid) for r in row.role_types.all()],
        "besluittypen": [
            urls(BESLUITTYPE, ctx.decision_type(d).uuid) for d in row.decision_types.all()
        ],
        "deelzaaktypen": [ctx.zaaktype(ctx.case_type(z)) for z in row.sub_case_types.all()],
        "gerelateerdeZaaktypen": [
            {
                "zaaktype": ctx.related_zaaktype(relatie.gerelateerd, row),
                "aardRelatie": relatie.aard_relatie,
                "toelichting": relatie.toelichting,
            }
            for relatie in zaaktype_fields.relaties(row)
        ],
        "zaakobjecttypen": [urls(ZAAKOBJECTTYPE, o.uuid) for o in row.object_types.all()],
        "beginGeldigheid": _date(row.valid_from),
        "eindeGeldigheid": _date(row.valid_to),
        "versiedatum": _date(row.version_date),
        "concept": row.concept,
    }
