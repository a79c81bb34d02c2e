# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API: informatieobjecttypen (catalog.DocumentType) and besluittypen
(catalog.DecisionType), each in a catalogus, each published on its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.catalog.models import CaseType, Confidentiality, DecisionType, DocumentType
from plus1.zgw.base import NO_MATCH, TextField, UrlField, resolve_url
from plus1.zgw.catalogi import selectors as sel
from plus1.zgw.catalogi.io import (
    render_besluittype,
    render_documenttype,
)
from plus1.zgw.catalogi.names import UrlOrNameField, related_rows
from plus1.zgw.catalogi.services import types as services
from plus1.zgw.catalogi.views.base import (
    PUBLISHABLE,
    CatalogiViewSet,
    DurationField,
    ValidityIn,
    by_date,
    by_status,
    many_by_url,
    mapped,
    one_by_url,
)
from plus1.zgw.models import Catalogus


class OmschrijvingGeneriek(serializers.Serializer):
    informatieobjecttypeOmschrijvingGeneriek = serializers.CharField(max_length=80)
    definitieInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(max_length=255)
    herkomstInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(max_length=12)
    hierarchieInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(max_length=80)
    opmerkingInformatieobjecttypeOmschrijvingGeneriek = TextField(max_length=255, required=False)


class InformatieObjectTypeIn(ValidityIn):
    catalogus = UrlField()
    omschrijving = serializers.CharField(max_length=80)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(Confidentiality.values)
    informatieobjectcategorie = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    trefwoord = serializers.ListField(
        child=serializers.CharField(max_length=30), required=False, default=list
    )
    omschrijvingGeneriek = OmschrijvingGeneriek(required=False, allow_null=True)


class BesluitTypeIn(ValidityIn):
    catalogus = UrlField()
    zaaktypen = serializers.ListField(child=UrlField(), required=False, default=list)
    omschrijving = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    omschrijvingGeneriek = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    besluitcategorie = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    reactietermijn = DurationField(required=False, allow_null=True, default=None)
    publicatieIndicatie = serializers.BooleanField()
    publicatietekst = serializers.CharField(required=False, allow_blank=True, default="")
    publicatietermijn = DurationField(required=False, allow_null=True, default=None)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    # URLs or (Catalogi 1.3) omschrijvingen of informatieobjecttypen in the same catalogus
    informatieobjecttypen = serializers.ListField(
        child=UrlOrNameField(), required=False, default=list
    )


def _catalogus(url: str) -> Catalogus:
    return one_by_url(url, "catalogus-detail", Catalogus.objects.all(), "catalogus")


def _by_catalogus(rows: QuerySet, params: Any) -> QuerySet:
    if params.get("catalogus"):
        key = resolve_url(params["catalogus"], "catalogus-detail") or NO_MATCH
        rows = rows.filter(catalogue=key)
    if params.get("omschrijving"):
        rows = rows.filter(description=params["omschrijving"])
    return by_date(by_status(rows, params, "concept"), params)


class PublishMixin:
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, uuid: str) -> Response:
        view: Any = self
        row = get_object_or_404(view.model.objects, uuid=uuid)
        services.catalogue_item_publish(actor=view.client.actor, row=row)
        return view.show(row)


class InformatieObjectTypeViewSet(PublishMixin, CatalogiViewSet):
    scopes = PUBLISHABLE
    model = DocumentType
    selector = sel.document_types
    renderer = render_documenttype
    input = InformatieObjectTypeIn
    NAMES = {
        "omschrijving": "description",
        "vertrouwelijkheidaanduiding": "confidentiality",
        "informatieobjectcategorie": "category",
        "trefwoord": "keywords",
        "omschrijvingGeneriek": "generic_description",
    }

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        return _by_catalogus(rows, params)

    def save(self, row: DocumentType, given: dict[str, Any]) -> DocumentType:
        values = mapped(given, self.NAMES)
        if "catalogus" in given:
            values["catalogue"] = _catalogus(given["catalogus"]).uuid
        return services.document_type_save(
            actor=self.client.actor,
            row=row,
            values=values,
            force=self.force_write and not row._state.adding,
        )

    def remove(self, row: DocumentType) -> None:
        services.document_type_delete(actor=self.client.actor, row=row, force=self.force_delete)


class BesluitTypeViewSet(PublishMixin, CatalogiViewSet):
    scopes = PUBLISHABLE
    model = DecisionType
    selector = sel.decision_types
    renderer = render_besluittype
    input = BesluitTypeIn
    NAMES = {
        "omschrijving": "description",
        "omschrijvingGeneriek": "generic_description",
        "besluitcategorie": "category",
        "reactietermijn": "reaction_term",
        "publicatieIndicatie": "publish",
        "publicatietekst": "publication_text",
        "publicatietermijn": "publication_term",
        "toelichting": "explanation",
    }

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        if params.get("zaaktypen"):
            rows = rows.filter(case_types__uuid=resolve_url(params["zaaktypen"], "zaaktype-detail"))
        if params.get("informatieobjecttypen"):
            key = resolve_url(params["informatieobjecttypen"], "informatieobjecttype-detail")
            rows = rows.filter(document_types__uuid=key)
        return _by_catalogus(rows, params)

    def save(self, row: DecisionType, given: dict[str, Any]) -> DecisionType:
        values = mapped(given, self.NAMES)
        for name in ("reaction_term", "publication_term"):
            if name in values:
                values[name] = values[name] or ""
        if "catalogus" in given:
            values["catalogue"] = _catalogus(given["catalogus"]).uuid
        relations = {}
        if "informatieobjecttypen" in given:
            catalogue = values.get("catalogue", row.catalogue)
            day = given.get("beginGeldigheid") or row.valid_from or dt.date.today()
            relations["document_types"] = related_rows(
                given["informatieobjecttypen"],
                url_name="informatieobjecttype-detail",
                rows=DocumentType.objects.all(),
                named_in=DocumentType.objects.filter(catalogue=catalogue),
                name_field="description",
                day=day,
                field="informatieobjecttypen",
                label="informatieobjecttype",
            )
        if "zaaktypen" in given:
            relations["case_types"] = many_by_url(
                given["zaaktypen"],
                "zaaktype-detail",
                CaseType.objects.select_related("zgw__catalogus"),
                "zaaktypen",
            )
        return services.decision_type_save(
            actor=self.client.actor,
            row=row,
            values=values,
            relations=relations,
            force=self.force_write and not row._state.adding,
        )

    def remove(self, row: DecisionType) -> None:
        services.decision_type_delete(actor=self.client.actor, row=row, force=self.force_delete)
