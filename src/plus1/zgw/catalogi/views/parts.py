# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API: the parts of a zaaktype (roltypen, resultaattypen, eigenschappen,
zaakobjecttypen) and its informatieobjecttypen (zaaktype-informatieobjecttypen)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from plus1.catalog.models import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    Direction,
    DocumentType,
    PropertyType,
    ResultType,
    RoleKind,
    RoleType,
    StatusType,
)
from plus1.zgw.base import TextField, UrlField, resolve_url
from plus1.zgw.catalogi import selectors as sel
from plus1.zgw.catalogi.io import (
    render_eigenschap,
    render_resultaattype,
    render_roltype,
    render_zaakobjecttype,
    render_ziot,
)
from plus1.zgw.catalogi.names import UrlOrNameField, is_url, resolve_names
from plus1.zgw.catalogi.refs import AFLEIDINGSWIJZEN
from plus1.zgw.catalogi.results import result_values
from plus1.zgw.catalogi.services import types as services
from plus1.zgw.catalogi.views.base import (
    CatalogiViewSet,
    DurationField,
    ValidityIn,
    by_zaaktype,
    decision_types_in,
    many_by_url,
    mapped,
    one_by_url,
)


def zaaktype_by_url(url: str, field: str = "zaaktype") -> CaseType:
    rows = CaseType.objects.select_related("zgw__catalogus")
    return one_by_url(url, "zaaktype-detail", rows, field)


def _statustype(url: str | None) -> StatusType | None:
    if not url:
        return None
    return one_by_url(url, "statustype-detail", StatusType.objects.all(), "statustype")


PART_FILTERS = frozenset(
    {"status", "zaaktypeIdentificatie", "zaaktype_identificatie", "datumGeldigheid"}
    | {"datum_geldigheid"}
)


class PartViewSet(CatalogiViewSet):
    """A part of one zaaktype: changes only while that zaaktype is a concept."""

    NAMES: dict[str, str] = {}

    @property
    def extra_query_params(self) -> frozenset[str]:  # type: ignore[override]
        """The list filters every part shares, in both spellings the standard uses
        (Resultaattypen names them `zaaktype_identificatie` and `datum_geldigheid`)."""
        return PART_FILTERS if self.action == "list" else frozenset()

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        return by_zaaktype(rows, params, dated="case_type__")  # valid while the zaaktype is

    def values(self, given: dict[str, Any], row: Any) -> dict[str, Any]:
        values = mapped(given, self.NAMES)
        if "zaaktype" in given:
            values["case_type"] = zaaktype_by_url(given["zaaktype"])
        return values

    def relations(self, given: dict[str, Any]) -> dict[str, list[Any]]:
        return {}

    def save(self, row: Any, given: dict[str, Any]) -> Any:
        return services.case_type_part_save(
            actor=self.client.actor,
            row=row,
            values=self.values(given, row),
            relations=self.relations(given),
            force=self.force_write,
        )

    def remove(self, row: Any) -> None:
        services.case_type_part_delete(
            actor=self.client.actor, row=row, force=self.force_part_delete
        )


class RolTypeIn(ValidityIn):
    zaaktype = UrlField()
    omschrijving = serializers.CharField(max_length=100)
    omschrijvingGeneriek = serializers.ChoiceField(RoleKind.values)


class RolTypeViewSet(PartViewSet):
    model = RoleType
    selector = sel.role_types
    renderer = render_roltype
    input = RolTypeIn
    NAMES = {"omschrijving": "description", "omschrijvingGeneriek": "kind"}

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        if params.get("omschrijvingGeneriek"):
            rows = rows.filter(kind=params["omschrijvingGeneriek"])
        return super().filtered(rows, params)


class Specificatie(serializers.Serializer):
    groep = serializers.CharField(max_length=32, required=False, allow_blank=True)
    formaat = serializers.ChoiceField(["tekst", "getal", "datum", "datum_tijd"])
    lengte = serializers.CharField(max_length=14)
    kardinaliteit = serializers.CharField(max_length=3)
    waardenverzameling = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list
    )


class EigenschapIn(ValidityIn):
    zaaktype = UrlField()
    naam = serializers.CharField(max_length=20)
    definitie = serializers.CharField(max_length=255)
    specificatie = Specificatie()
    toelichting = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )
    statustype = UrlField(required=False, allow_null=True, allow_blank=True)


class EigenschapViewSet(PartViewSet):
    model = PropertyType
    selector = sel.property_types
    renderer = render_eigenschap
    input = EigenschapIn
    NAMES = {
        "naam": "name",
        "definitie": "definition",
        "specificatie": "specification",
        "toelichting": "explanation",
    }

    def values(self, given: dict[str, Any], row: Any) -> dict[str, Any]:
        values = super().values(given, row)
        if "statustype" in given:
            values["status_type"] = _statustype(given["statustype"])
        return values


class ZaakObjectTypeIn(ValidityIn):
    zaaktype = UrlField()
    anderObjecttype = serializers.BooleanField()
    objecttype = UrlField(max_length=200)
    relatieOmschrijving = serializers.CharField(max_length=80)


class ZaakObjectTypeViewSet(PartViewSet):
    model = CaseObjectType
    selector = sel.case_object_types
    renderer = render_zaakobjecttype
    input = ZaakObjectTypeIn
    NAMES = {
        "anderObjecttype": "other_object_type",
        "objecttype": "object_type",
        "relatieOmschrijving": "relation_description",
    }


class Brondatum(serializers.Serializer):
    afleidingswijze = serializers.ChoiceField(AFLEIDINGSWIJZEN)
    datumkenmerk = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    einddatumBekend = serializers.BooleanField(required=False, default=False)
    objecttype = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    registratie = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    procestermijn = DurationField(required=False, allow_null=True, default=None)


class ResultaatTypeIn(ValidityIn):
    zaaktype = UrlField()
    omschrijving = serializers.CharField(max_length=30)
    # Plain text: the suite sends these without a scheme ("host:port/referentielijsten/…");
    # catalogi_refs checks that they point to a row of the selectielijst.
    resultaattypeomschrijving = serializers.CharField(max_length=1000)
    selectielijstklasse = serializers.CharField(max_length=1000)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    archiefnominatie = serializers.ChoiceField(
        ["blijvend_bewaren", "vernietigen"], required=False, allow_blank=True
    )
    archiefactietermijn = DurationField(required=False, allow_null=True)
    brondatumArchiefprocedure = Brondatum(required=False, allow_null=True)
    procesobjectaard = TextField(max_length=200, required=False, default="")
    indicatieSpecifiek = serializers.BooleanField(required=False, allow_null=True, default=None)
    procestermijn = DurationField(required=False, allow_null=True, default=None)
    besluittypen = serializers.ListField(child=UrlField(), required=False, default=list)
    informatieobjecttypen = serializers.ListField(child=UrlField(), required=False, default=list)


class ResultaatTypeViewSet(PartViewSet):
    model = ResultType
    selector = sel.result_types
    renderer = render_resultaattype
    input = ResultaatTypeIn
    NAMES = {
        "omschrijving": "description",
        "toelichting": "explanation",
        "procesobjectaard": "process_object_nature",
        "indicatieSpecifiek": "specific",
    }

    def values(self, given: dict[str, Any], row: Any) -> dict[str, Any]:
        values = super().values(given, row)
        return {**values, **result_values(given, values.get("case_type") or row.case_type)}

    def relations(self, given: dict[str, Any]) -> dict[str, list[Any]]:
        found = {}
        found.update(decision_types_in(given))
        if "informatieobjecttypen" in given:
            found["document_types"] = many_by_url(
                given["informatieobjecttypen"],
                "informatieobjecttype-detail",
                DocumentType.objects.all(),
                "informatieobjecttypen",
            )
        return found


class ZaakTypeInformatieObjectTypeIn(serializers.Serializer):
    zaaktype = UrlField()
    informatieobjecttype = UrlOrNameField()  # a URL, or (Catalogi 1.3) an omschrijving
    volgnummer = serializers.IntegerField(min_value=1, max_value=999)
    richting = serializers.ChoiceField(Direction.values)
    statustype = UrlField(required=False, allow_null=True, allow_blank=True)


class ZaakTypeInformatieObjectTypeViewSet(CatalogiViewSet):
    model = CaseTypeDocumentType
    selector = sel.case_type_documents
    renderer = render_ziot
    input = ZaakTypeInformatieObjectTypeIn

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        if params.get("informatieobjecttype"):
            key = resolve_url(params["informatieobjecttype"], "informatieobjecttype-detail")
            rows = rows.filter(document_type__uuid=key)
        if params.get("richting"):
            rows = rows.filter(direction=params["richting"])
        if params.get("zaaktype"):
            rows = rows.filter(case_type__uuid=resolve_url(params["zaaktype"], "zaaktype-detail"))
        return rows

    def save(self, row: CaseTypeDocumentType, given: dict[str, Any]) -> CaseTypeDocumentType:
        values: dict[str, Any] = mapped(given, {"volgnummer": "order", "richting": "direction"})
        if "zaaktype" in given:
            values["case_type"] = zaaktype_by_url(given["zaaktype"])
        if "informatieobjecttype" in given:
            values["document_type"] = self._document_type(
                given["informatieobjecttype"], values.get("case_type") or row.case_type
            )
        if "statustype" in given:
            values["status_type"] = _statustype(given["statustype"])
        return services.case_type_document_save(
            actor=self.client.actor, row=row, values=values, force=self.force_write
        )

    @staticmethod
    def _document_type(value: str, case_type: CaseType) -> DocumentType:
        """By URL, or by omschrijving within the zaaktype's catalogus on its beginGeldigheid."""
        if is_url(value):
            rows = DocumentType.objects.all()
            return one_by_url(value, "informatieobjecttype-detail", rows, "informatieobjecttype")
        zgw = getattr(case_type, "zgw", None)
        catalogue = zgw.catalogus.uuid if zgw else None
        day = case_type.valid_from or dt.date.today()
        named_in = DocumentType.objects.filter(catalogue=catalogue)
        field, label = "informatieobjecttype", "informatieobjecttype"
        return resolve_names([value], named_in, "description", day, field, label)[value]

    def remove(self, row: CaseTypeDocumentType) -> None:
        services.case_type_document_delete(
            actor=self.client.actor, row=row, force=self.force_part_delete
        )
