# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API 1.3.1: catalogussen, zaaktypen (catalog.CaseType) and statustypen
(catalog.StatusType). Thin: parse, call a selector or service, render. The other
resources live in catalogi_types.py and catalogi_parts.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.catalog.models import CaseType, Confidentiality, DecisionType, StatusType
from plus1.zgw.base import NO_MATCH, Pagination, TextField, UrlField, resolve_url
from plus1.zgw.catalogi import refs as refs
from plus1.zgw.catalogi import selectors as sel
from plus1.zgw.catalogi import zaaktype_fields
from plus1.zgw.catalogi.io import (
    render_catalogus,
    render_statustype,
    render_zaaktype,
)
from plus1.zgw.catalogi.names import UrlOrNameField, is_url, related_rows, resolve_names
from plus1.zgw.catalogi.services import types as services
from plus1.zgw.catalogi.services import zaaktypen as zaaktype_services
from plus1.zgw.catalogi.views.base import (
    PUBLISHABLE,
    READ_WRITE,
    CatalogiViewSet,
    DurationField,
    ValidityIn,
    by_date,
    by_status,
    by_zaaktype,
    one_by_url,
)
from plus1.zgw.catalogi.views.parts import zaaktype_by_url
from plus1.zgw.models import Catalogus
from plus1.zgw.scopes import CATALOGI_SCHRIJVEN
from plus1.zgw.uuids import to_pk


class CatalogusIn(serializers.Serializer):
    domein = serializers.CharField(max_length=5)
    rsin = serializers.RegexField(r"^\d{9}$")
    contactpersoonBeheerNaam = serializers.CharField(max_length=40)
    contactpersoonBeheerTelefoonnummer = serializers.CharField(
        max_length=20, required=False, default=""
    )
    contactpersoonBeheerEmailadres = serializers.EmailField(required=False, default="")
    naam = TextField(max_length=200, required=False, default="")
    versie = TextField(max_length=20, required=False, default="")
    begindatumVersie = serializers.DateField(required=False, allow_null=True, default=None)


class Referentieproces(serializers.Serializer):
    naam = serializers.CharField(max_length=80)
    link = UrlField(required=False, allow_blank=True, default="")


class BronCatalogus(serializers.Serializer):
    url = UrlField(max_length=200)
    domein = serializers.CharField(max_length=5)
    rsin = serializers.CharField(max_length=9)


class BronZaaktype(serializers.Serializer):
    url = UrlField(max_length=200)
    identificatie = serializers.CharField(max_length=50)
    omschrijving = serializers.CharField(max_length=80)


class ZaakTypenRelatie(serializers.Serializer):
    zaaktype = UrlOrNameField()  # a URL, or (Catalogi 1.3) a zaaktype identificatie
    aardRelatie = serializers.ChoiceField(["vervolg", "bijdrage", "onderwerp"])
    toelichting = serializers.CharField(max_length=255, required=False, allow_blank=True)


class ZaakTypeIn(ValidityIn):
    """Fields that map onto CaseType are named in MAPPED; the rest are zgw.ZaakTypeExtensie's."""

    MAPPED = {
        "identificatie": "code",
        "omschrijving": "name",
        "toelichting": "description",
        "doorlooptijd": "legal_term",
        "vertrouwelijkheidaanduiding": "confidentiality",
        "beginGeldigheid": "valid_from",
        "eindeGeldigheid": "valid_to",
        "versiedatum": "version_date",
    }
    RELATIONS = ("catalogus", "besluittypen", "deelzaaktypen")
    identificatie = serializers.CharField(max_length=50)
    omschrijving = serializers.CharField(max_length=80)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    doorlooptijd = DurationField()
    vertrouwelijkheidaanduiding = serializers.ChoiceField(Confidentiality.values)
    catalogus = UrlField()
    omschrijvingGeneriek = serializers.CharField(max_length=80, required=False, allow_blank=True)
    doel = serializers.CharField()
    aanleiding = serializers.CharField()
    indicatieInternOfExtern = serializers.ChoiceField(["intern", "extern"])
    handelingInitiator = serializers.CharField(max_length=20)
    onderwerp = serializers.CharField(max_length=80)
    handelingBehandelaar = serializers.CharField(max_length=20)
    servicenorm = DurationField(required=False, allow_null=True)
    opschortingEnAanhoudingMogelijk = serializers.BooleanField()
    verlengingMogelijk = serializers.BooleanField()
    verlengingstermijn = DurationField(required=False, allow_null=True)
    trefwoorden = serializers.ListField(child=serializers.CharField(), required=False)
    publicatieIndicatie = serializers.BooleanField()
    publicatietekst = serializers.CharField(required=False, allow_blank=True)
    verantwoordingsrelatie = serializers.ListField(child=serializers.CharField(), required=False)
    productenOfDiensten = serializers.ListField(child=UrlField())
    selectielijstProcestype = serializers.CharField(
        max_length=1000, required=False, allow_blank=True
    )
    referentieproces = Referentieproces()
    verantwoordelijke = serializers.CharField(max_length=50, required=False)
    besluittypen = serializers.ListField(child=UrlOrNameField())  # URLs or omschrijvingen
    deelzaaktypen = serializers.ListField(child=UrlOrNameField(), required=False)
    gerelateerdeZaaktypen = ZaakTypenRelatie(many=True)
    beginGeldigheid = serializers.DateField()
    versiedatum = serializers.DateField()
    broncatalogus = BronCatalogus(required=False, allow_null=True)
    bronzaaktype = BronZaaktype(required=False, allow_null=True)

    def validate_selectielijstProcestype(self, value: str) -> str:
        if value and refs.lookup(value, "procestypen") is None:
            raise serializers.ValidationError(
                "De URL verwijst niet naar een procestype.", code="invalid-resource"
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("verlengingMogelijk") and not attrs.get("verlengingstermijn"):
            raise serializers.ValidationError(
                {"verlengingstermijn": "Verplicht als verlenging mogelijk is."}, code="required"
            )
        return attrs

    def split(self) -> tuple[dict[str, Any], zaaktype_fields.ZaakTypeFields]:
        """(CaseType values, the zaaktype's ZGW fields) from the validated input."""
        given = self.validated_data
        values = {self.MAPPED[name]: value for name, value in given.items() if name in self.MAPPED}
        return values, zaaktype_fields.from_input(given)


class StatusTypeIn(ValidityIn):
    omschrijving = serializers.CharField(max_length=80)
    omschrijvingGeneriek = serializers.CharField(max_length=80, required=False, allow_blank=True)
    statustekst = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )
    zaaktype = UrlField()
    volgnummer = serializers.IntegerField(min_value=1, max_value=9999)
    informeren = serializers.BooleanField(required=False)
    doorlooptijd = DurationField(required=False, allow_null=True)
    toelichting = TextField(max_length=1000, required=False)
    checklistitemStatustype = serializers.ListField(child=serializers.DictField(), required=False)


class CatalogusViewSet(CatalogiViewSet):
    scopes = {**READ_WRITE, "create": CATALOGI_SCHRIJVEN}
    model = Catalogus
    selector = sel.catalogussen
    input = CatalogusIn

    def list(self, request: Request) -> Response:
        rows = sel.catalogussen()
        for name in ("domein", "rsin"):
            if request.query_params.get(name):
                rows = rows.filter(**{name: request.query_params[name]})
            if request.query_params.get(f"{name}__in"):
                rows = rows.filter(
                    **{f"{name}__in": request.query_params[f"{name}__in"].split(",")}
                )
        paginator, ctx = Pagination(), self.ctx()
        page = paginator.paginate_queryset(rows, request, view=self) or []
        members = sel.catalogue_members(page)
        return paginator.get_paginated_response(
            [render_catalogus(row, ctx, members) for row in page]
        )

    def show(self, row: Any, code: int = status.HTTP_200_OK) -> Response:
        fresh = sel.catalogussen().get(pk=row.pk)
        body = render_catalogus(fresh, self.ctx(), sel.catalogue_members([fresh]))
        return Response(body, status=code)

    def create(self, request: Request) -> Response:
        given = CatalogusIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        values = {
            "domein": v["domein"],
            "rsin": v["rsin"],
            "naam": v["naam"],
            "versie": v["versie"],
            "begindatum_versie": v["begindatumVersie"],
            "contactpersoon_beheer_naam": v["contactpersoonBeheerNaam"],
            "contactpersoon_beheer_telefoonnummer": v["contactpersoonBeheerTelefoonnummer"],
            "contactpersoon_beheer_emailadres": v["contactpersoonBeheerEmailadres"],
        }
        catalogus = services.catalogus_create(actor=self.client.actor, values=values)
        return self.show(catalogus, status.HTTP_201_CREATED)


class ZaakTypeViewSet(CatalogiViewSet):
    scopes = PUBLISHABLE
    model = CaseType
    selector = sel.zaaktypen
    renderer = render_zaaktype
    input = ZaakTypeIn

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        if params.get("identificatie"):
            rows = rows.filter(code=params["identificatie"])
        for word in filter(None, params.get("trefwoorden", "").split(",")):
            rows = rows.filter(zgw__trefwoord_rows__woord=word)
        if params.get("catalogus"):
            key = resolve_url(params["catalogus"], "catalogus-detail") or NO_MATCH
            rows = rows.filter(zgw__catalogus__uuid=key)
        return by_date(by_status(rows, params, "concept"), params)

    def relations(
        self, given: dict[str, Any], catalogus: Catalogus | None, day: dt.date
    ) -> dict[str, list[Any]]:
        """The related rows; names are resolved within the catalogus on `day`."""
        found: dict[str, list[Any]] = {}
        key = catalogus.uuid if catalogus else None
        if "besluittypen" in given:
            found["decision_types"] = related_rows(
                given["besluittypen"],
                url_name="besluittype-detail",
                rows=DecisionType.objects.all(),
                named_in=DecisionType.objects.filter(catalogue=key),
                name_field="description",
                day=day,
                field="besluittypen",
                label="besluittype",
            )
        same_catalogus = (
            CaseType.objects.filter(zgw__catalogus__uuid=key) if key else CaseType.objects.none()
        )
        if "deelzaaktypen" in given:
            rows = CaseType.objects.select_related("zgw__catalogus")
            found["sub_case_types"] = related_rows(
                given["deelzaaktypen"],
                url_name="zaaktype-detail",
                rows=rows,
                named_in=same_catalogus,
                name_field="code",
                day=day,
                field="deelzaaktypen",
                label="zaaktype",
            )
        for index, relatie in enumerate(given.get("gerelateerdeZaaktypen", [])):
            if not is_url(relatie["zaaktype"]):
                field = f"gerelateerdeZaaktypen.{index}.zaaktype"
                resolve_names([relatie["zaaktype"]], same_catalogus, "code", day, field, "zaaktype")
        return found

    def create(self, request: Request) -> Response:
        given = ZaakTypeIn(data=request.data)
        given.is_valid(raise_exception=True)
        catalogus = one_by_url(
            given.validated_data["catalogus"],
            "catalogus-detail",
            Catalogus.objects.all(),
            "catalogus",
        )
        values, fields = given.split()
        case_type = CaseType()
        day = given.validated_data.get("beginGeldigheid") or dt.date.today()
        relations = self.relations(given.validated_data, catalogus, day)
        zaaktype_services.zaaktype_create(
            actor=self.client.actor,
            row=case_type,
            catalogus=catalogus,
            values=values,
            fields=fields,
            relations=relations,
        )
        return self.show(case_type, status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        case_type = get_object_or_404(CaseType.objects.select_related("zgw__catalogus"), uuid=uuid)
        given = ZaakTypeIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        values, fields = given.split()
        day = given.validated_data.get("beginGeldigheid") or case_type.valid_from or dt.date.today()
        zgw = getattr(case_type, "zgw", None)
        relations = self.relations(given.validated_data, zgw.catalogus if zgw else None, day)
        zaaktype_services.zaaktype_update(
            actor=self.client.actor,
            case_type=case_type,
            values=values,
            fields=fields,
            relations=relations,
            force=self.force_write,
        )
        return self.show(case_type)

    def destroy(self, request: Request, uuid: str) -> Response:
        case_type = get_object_or_404(CaseType.objects.select_related("zgw__catalogus"), uuid=uuid)
        zaaktype_services.zaaktype_delete(
            actor=self.client.actor,
            case_type=case_type,
            force=self.force_delete,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, uuid: str) -> Response:
        case_type = get_object_or_404(CaseType.objects.select_related("zgw__catalogus"), uuid=uuid)
        zaaktype_services.zaaktype_publish(actor=self.client.actor, case_type=case_type)
        return self.show(case_type)


class StatusTypeViewSet(CatalogiViewSet):
    model = StatusType
    selector = sel.statustypen
    renderer = render_statustype
    input = StatusTypeIn
    DATA = (
        "omschrijvingGeneriek",
        "informeren",
        "doorlooptijd",
        "toelichting",
        "checklistitemStatustype",
        "beginGeldigheid",
        "eindeGeldigheid",
        "beginObject",
        "eindeObject",
    )

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        return by_zaaktype(rows, params, dated="case_type__")  # no dates of its own

    def retrieve(self, request: Request, uuid: str) -> Response:
        """Also answers the UUIDs derived from the key that earlier versions handed out."""
        rows = sel.statustypen().filter(Q(uuid=uuid) | Q(pk=to_pk("statustype", uuid) or 0))
        return self.show(get_object_or_404(rows))

    def save(self, row: StatusType, given: dict[str, Any]) -> StatusType:
        values: dict[str, Any] = {}
        for api, model in (
            ("omschrijving", "name"),
            ("volgnummer", "order"),
            ("statustekst", "resident_text"),
        ):
            if api in given:
                values[model] = given[api]
        if "zaaktype" in given:
            values["case_type"] = zaaktype_by_url(given["zaaktype"])
        data = {
            name: value.isoformat() if hasattr(value, "isoformat") else value
            for name, value in given.items()
            if name in self.DATA
        }
        return zaaktype_services.statustype_save(
            actor=self.client.actor, row=row, values=values, data=data, force=self.force_write
        )

    def remove(self, row: StatusType) -> None:
        zaaktype_services.statustype_delete(
            actor=self.client.actor, row=row, force=self.force_delete
        )
