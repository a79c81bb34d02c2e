# SPDX-License-Identifier: EUPL-1.2
"""The Catalogi API's zaaktype fields that live in zgw.ZaakTypeExtensie: from validated
input to columns (`from_input`), onto a row (`fields_apply`) and back to the API (`render`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from plus1.catalog.models import CaseType
from plus1.zgw.models import ZaakTypeExtensie, ZaakTypeRelatie, ZaakTypeTrefwoord

# API name -> column, for the fields that are one value each.
COLUMNS = {
    "omschrijvingGeneriek": "omschrijving_generiek",
    "doel": "doel",
    "aanleiding": "aanleiding",
    "indicatieInternOfExtern": "indicatie_intern_of_extern",
    "handelingInitiator": "handeling_initiator",
    "onderwerp": "onderwerp",
    "handelingBehandelaar": "handeling_behandelaar",
    "servicenorm": "servicenorm",
    "opschortingEnAanhoudingMogelijk": "opschorting_en_aanhouding_mogelijk",
    "verlengingMogelijk": "verlenging_mogelijk",
    "verlengingstermijn": "verlengingstermijn",
    "publicatieIndicatie": "publicatie_indicatie",
    "publicatietekst": "publicatietekst",
    "verantwoordingsrelatie": "verantwoordingsrelatie",
    "productenOfDiensten": "producten_of_diensten",
    "selectielijstProcestype": "selectielijst_procestype",
    "verantwoordelijke": "verantwoordelijke",
    "beginObject": "begin_object",
    "eindeObject": "einde_object",
}
# API objects kept as a column per property (prefix + property).
OBJECTS = {
    "referentieproces": ("naam", "link"),
    "broncatalogus": ("url", "domein", "rsin"),
    "bronzaaktype": ("url", "identificatie", "omschrijving"),
}
DATES = {"begin_object", "einde_object"}


@dataclasses.dataclass
class ZaakTypeFields:
    """What a create or (partial) update gives: columns, and the lists when given."""

    columns: dict[str, Any]
    trefwoorden: list[str] | None = None
    relaties: list[dict[str, Any]] | None = None

    def __bool__(self) -> bool:
        return bool(self.columns) or self.trefwoorden is not None or self.relaties is not None


def from_input(given: dict[str, Any]) -> ZaakTypeFields:
    columns = {COLUMNS[name]: value for name, value in given.items() if name in COLUMNS}
    for name, parts in OBJECTS.items():
        if name in given:
            value = given[name] or {}
            columns.update({f"{name}_{part}": value.get(part, "") for part in parts})
    return ZaakTypeFields(
        columns=columns,
        trefwoorden=given.get("trefwoorden"),
        relaties=given.get("gerelateerdeZaaktypen"),
    )


def fields_apply(extension: ZaakTypeExtensie, fields: ZaakTypeFields) -> None:
    """Set what was given (the caller holds the transaction); lists are replaced whole."""
    for column, value in fields.columns.items():
        if value is None and column not in DATES:
            value = ""  # a text column: empty is the API's null
        setattr(extension, column, value)
    extension.save()
    if fields.trefwoorden is not None:
        extension.trefwoord_rows.all().delete()
        ZaakTypeTrefwoord.objects.bulk_create(
            ZaakTypeTrefwoord(zaaktype=extension, position=i, woord=woord)
            for i, woord in enumerate(fields.trefwoorden)
        )
    if fields.relaties is not None:
        extension.relaties.all().delete()
        ZaakTypeRelatie.objects.bulk_create(
            ZaakTypeRelatie(
                zaaktype=extension,
                position=i,
                gerelateerd=relatie["zaaktype"],
                aard_relatie=relatie["aardRelatie"],
                toelichting=relatie.get("toelichting", ""),
            )
            for i, relatie in enumerate(fields.relaties)
        )


def extension_copy(original: ZaakTypeExtensie, case_type: CaseType) -> ZaakTypeExtensie:
    """The same fields for a new version of the zaaktype."""
    trefwoorden = [row.woord for row in original.trefwoord_rows.all()]
    relaties = [
        {"zaaktype": r.gerelateerd, "aardRelatie": r.aard_relatie, "toelichting": r.toelichting}
        for r in original.relaties.all()
    ]
    copy = ZaakTypeExtensie.objects.get(pk=original.pk)
    copy.pk = None
    copy.case_type = case_type
    copy._state.adding = True
    fields_apply(copy, ZaakTypeFields(columns={}, trefwoorden=trefwoorden, relaties=relaties))
    return copy


def _object(extension: ZaakTypeExtensie, name: str) -> dict[str, str] | None:
    value = {part: getattr(extension, f"{name}_{part}") for part in OBJECTS[name]}
    return value if any(value.values()) else None


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def render(row: CaseType) -> dict[str, Any]:
    """The API fields of `row` kept in its extension (defaults when it has none)."""
    stored: ZaakTypeExtensie | None = getattr(row, "zgw", None)
    ext = stored or ZaakTypeExtensie()
    return {
        "omschrijvingGeneriek": ext.omschrijving_generiek,
        "doel": ext.doel or row.description,
        "aanleiding": ext.aanleiding,
        "indicatieInternOfExtern": ext.indicatie_intern_of_extern,
        "handelingInitiator": ext.handeling_initiator,
        "onderwerp": ext.onderwerp or row.name[:80],
        "handelingBehandelaar": ext.handeling_behandelaar,
        "servicenorm": ext.servicenorm or None,
        "opschortingEnAanhoudingMogelijk": ext.opschorting_en_aanhouding_mogelijk,
        "verlengingMogelijk": ext.verlenging_mogelijk,
        "verlengingstermijn": ext.verlengingstermijn or None,
        "trefwoorden": [t.woord for t in stored.trefwoord_rows.all()] if stored else [],
        "publicatieIndicatie": ext.publicatie_indicatie,
        "publicatietekst": ext.publicatietekst,
        "verantwoordingsrelatie": ext.verantwoordingsrelatie,
        "productenOfDiensten": ext.producten_of_diensten,
        "selectielijstProcestype": ext.selectielijst_procestype,
        "referentieproces": {
            "naam": ext.referentieproces_naam or row.name[:80],
            "link": ext.referentieproces_link,
        },
        "verantwoordelijke": ext.verantwoordelijke or row.responsible_team.name[:50],
        "broncatalogus": _object(ext, "broncatalogus"),
        "bronzaaktype": _object(ext, "bronzaaktype"),
        "beginObject": _date(ext.begin_object),
        "eindeObject": _date(ext.einde_object),
    }


def relaties(row: CaseType) -> list[ZaakTypeRelatie]:
    stored: ZaakTypeExtensie | None = getattr(row, "zgw", None)
    return list(stored.relaties.all()) if stored else []
