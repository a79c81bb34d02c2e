# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API 1.3.1: catalogussen, zaaktypen (catalog.CaseType) and statustypen
(catalog.StatusType). Thin: parse, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.catalog.models import CaseType, Confidentiality, StatusType
from plus1.common.legal_clock import InvalidTerm, parse_term
from plus1.zgw import selectors, services
from plus1.zgw.api.base import NO_MATCH, UrlField, Urls, ZgwViewSet, bad_url, resolve_url
from plus1.zgw.models import Catalogus
from plus1.zgw.uuids import to_pk, to_uuid

CATALOGUS, ZAAKTYPE, STATUSTYPE = (
    "/catalogi/api/v1/catalogussen",
    "/catalogi/api/v1/zaaktypen",
    "/catalogi/api/v1/statustypen",
)


class DurationField(serializers.CharField):
    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            parse_term(value)
        except InvalidTerm as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from exc
        return value


class CatalogusIn(serializers.Serializer):
    domein = serializers.CharField(max_length=5)
    rsin = serializers.RegexField(r"^\d{9}$")
    contactpersoonBeheerNaam = serializers.CharField(max_length=40)
    contactpersoonBeheerTelefoonnummer = serializers.CharField(
        max_length=20, required=False, default=""
    )
    contactpersoonBeheerEmailadres = serializers.EmailField(required=False, default="")
    naam = serializers.CharField(max_length=200, required=False, default="")
    versie = serializers.CharField(max_length=20, required=False, default="")
    begindatumVersie = serializers.DateField(required=False, allow_null=True, default=None)


class Referentieproces(serializers.Serializer):
    naam = serializers.CharField(max_length=80)
    link = UrlField(required=False, allow_blank=True, default="")


class ZaakTypeIn(serializers.Serializer):
    """Fields that map onto CaseType are named in MAPPED; the rest is kept as ZGW data."""

    MAPPED = {
        "identificatie": "code",
        "omschrijving": "name",
        "toelichting": "description",
        "doorlooptijd": "legal_term",
        "vertrouwelijkheidaanduiding": "confidentiality",
    }
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
    selectielijstProcestype = UrlField(required=False, allow_blank=True)
    referentieproces = Referentieproces()
    verantwoordelijke = serializers.CharField(max_length=50)
    besluittypen = serializers.ListField(child=UrlField())
    deelzaaktypen = serializers.ListField(child=UrlField(), required=False)
    gerelateerdeZaaktypen = serializers.ListField(child=serializers.DictField())
    beginGeldigheid = serializers.DateField()
    eindeGeldigheid = serializers.DateField(required=False, allow_null=True)
    beginObject = serializers.DateField(required=False, allow_null=True)
    eindeObject = serializers.DateField(required=False, allow_null=True)
    versiedatum = serializers.DateField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("verlengingMogelijk") and not attrs.get("verlengingstermijn"):
            raise serializers.ValidationError(
                {"verlengingstermijn": "Verplicht als verlenging mogelijk is."}, code="required"
            )
        return attrs

    def split(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(CaseType values, ZGW data as JSON) from the validated input."""
        values, data = {}, {}
        for name, value in self.validated_data.items():
            if name in self.MAPPED:
                values[self.MAPPED[name]] = value
            elif name != "catalogus":
                data[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return values, data


class StatusTypeIn(serializers.Serializer):
    omschrijving = serializers.CharField(max_length=80)
    omschrijvingGeneriek = serializers.CharField(max_length=80, required=False, allow_blank=True)
    statustekst = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    zaaktype = UrlField()
    volgnummer = serializers.IntegerField(min_value=1, max_value=9999)
    informeren = serializers.BooleanField(required=False)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)


def render_catalogus(catalogus: Catalogus, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(CATALOGUS, catalogus.uuid),
        "domein": catalogus.domein,
        "rsin": catalogus.rsin,
        "contactpersoonBeheerNaam": catalogus.contactpersoon_beheer_naam,
        "contactpersoonBeheerTelefoonnummer": catalogus.contactpersoon_beheer_telefoonnummer,
        "contactpersoonBeheerEmailadres": catalogus.contactpersoon_beheer_emailadres,
        "zaaktypen": [urls(ZAAKTYPE, z.case_type.uuid) for z in catalogus.zaaktypen.all()],
        "besluittypen": [],
        "informatieobjecttypen": [],
        "naam": catalogus.naam,
        "versie": catalogus.versie,
        "begindatumVersie": catalogus.begindatum_versie,
    }


def render_zaaktype(case_type: CaseType, urls: Urls, default: Catalogus | None) -> dict[str, Any]:
    zgw = getattr(case_type, "zgw", None)
    catalogus = zgw.catalogus if zgw else default
    data = zgw.data if zgw else {}
    return {
        "url": urls(ZAAKTYPE, case_type.uuid),
        "identificatie": case_type.code,
        "omschrijving": case_type.name,
        "omschrijvingGeneriek": data.get("omschrijvingGeneriek", ""),
        "vertrouwelijkheidaanduiding": case_type.confidentiality,
        "doel": data.get("doel", case_type.description),
        "aanleiding": data.get("aanleiding", ""),
        "toelichting": case_type.description,
        "indicatieInternOfExtern": data.get("indicatieInternOfExtern", "extern"),
        "handelingInitiator": data.get("handelingInitiator", "aanvragen"),
        "onderwerp": data.get("onderwerp", case_type.name[:80]),
        "handelingBehandelaar": data.get("handelingBehandelaar", "behandelen"),
        "doorlooptijd": case_type.legal_term,
        "servicenorm": data.get("servicenorm"),
        "opschortingEnAanhoudingMogelijk": data.get("opschortingEnAanhoudingMogelijk", True),
        "verlengingMogelijk": data.get("verlengingMogelijk", False),
        "verlengingstermijn": data.get("verlengingstermijn"),
        "trefwoorden": data.get("trefwoorden", []),
        "publicatieIndicatie": data.get("publicatieIndicatie", False),
        "publicatietekst": data.get("publicatietekst", ""),
        "verantwoordingsrelatie": data.get("verantwoordingsrelatie", []),
        "productenOfDiensten": data.get("productenOfDiensten", []),
        "selectielijstProcestype": data.get("selectielijstProcestype", ""),
        "referentieproces": data.get("referentieproces", {"naam": case_type.name[:80], "link": ""}),
        "verantwoordelijke": data.get("verantwoordelijke", case_type.responsible_team.name[:50]),
        "catalogus": urls(CATALOGUS, catalogus.uuid) if catalogus else None,
        "statustypen": [
            urls(STATUSTYPE, to_uuid("statustype", s.pk)) for s in case_type.statuses.all()
        ],
        "resultaattypen": [],
        "eigenschappen": [],
        "informatieobjecttypen": [],
        "roltypen": [],
        "besluittypen": data.get("besluittypen", []),
        "deelzaaktypen": data.get("deelzaaktypen", []),
        "gerelateerdeZaaktypen": data.get("gerelateerdeZaaktypen", []),
        "zaakobjecttypen": [],
        "beginGeldigheid": data.get("beginGeldigheid", "2000-01-01"),
        "eindeGeldigheid": data.get("eindeGeldigheid"),
        "beginObject": data.get("beginObject"),
        "eindeObject": data.get("eindeObject"),
        "versiedatum": data.get("versiedatum", "2000-01-01"),
        "concept": bool(zgw and zgw.concept),
    }


def render_statustype(
    status_type: StatusType, urls: Urls, default: Catalogus | None
) -> dict[str, Any]:
    case_type = status_type.case_type
    zgw = getattr(case_type, "zgw", None)
    catalogus_uuid = zgw.catalogus.uuid if zgw else (default.uuid if default else None)
    extra = getattr(status_type, "zgw", None)
    data = extra.data if extra else {}
    return {
        "url": urls(STATUSTYPE, to_uuid("statustype", status_type.pk)),
        "omschrijving": status_type.name,
        "omschrijvingGeneriek": data.get("omschrijvingGeneriek", ""),
        "statustekst": status_type.resident_text,
        "zaaktype": urls(ZAAKTYPE, case_type.uuid),
        "zaaktypeIdentificatie": case_type.code,
        "catalogus": urls(CATALOGUS, catalogus_uuid) if catalogus_uuid else None,
        "volgnummer": status_type.order,
        "isEindstatus": status_type.is_final,
        "informeren": data.get("informeren", False),
        "toelichting": data.get("toelichting", ""),
        "checklistitemStatustype": [],
        "eigenschappen": [],
    }


class CatalogiViewSet(ZgwViewSet):
    component = "ztc"
    api_version = "1.3.1"
    lookup_field = "uuid"
    scopes = {
        "list": "catalogi.lezen",
        "retrieve": "catalogi.lezen",
        "create": "catalogi.schrijven",
        "update": "catalogi.schrijven",
        "partial_update": "catalogi.schrijven",
        "destroy": "catalogi.schrijven",
        "publish": "catalogi.schrijven",
    }


def _zaaktype_by_url(url: str, field: str) -> CaseType:
    key = resolve_url(url, "zaaktype-detail")
    case_type = CaseType.objects.select_related("zgw").filter(uuid=key).first() if key else None
    if case_type is None:
        raise bad_url(field)
    return case_type


class CatalogusViewSet(CatalogiViewSet):
    def list(self, request: Request) -> Response:
        rows = selectors.catalogussen()
        for name, lookup in (("domein", "domein"), ("rsin", "rsin")):
            if request.query_params.get(name):
                rows = rows.filter(**{lookup: request.query_params[name]})
            if request.query_params.get(f"{name}__in"):
                rows = rows.filter(
                    **{f"{lookup}__in": request.query_params[f"{name}__in"].split(",")}
                )
        urls = Urls(request)
        return self.paginate(rows, lambda row: render_catalogus(row, urls))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.catalogussen(), uuid=uuid)
        return Response(render_catalogus(row, Urls(request)))

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
        row = selectors.catalogussen().get(pk=catalogus.pk)
        return Response(render_catalogus(row, Urls(request)), status=status.HTTP_201_CREATED)


class ZaakTypeViewSet(CatalogiViewSet):
    def list(self, request: Request) -> Response:
        rows = selectors.zaaktypen()
        params = request.query_params
        if params.get("identificatie"):
            rows = rows.filter(code=params["identificatie"])
        if params.get("status") == "concept":
            rows = rows.filter(zgw__concept=True)
        elif params.get("status", "definitief") == "definitief":
            rows = rows.exclude(zgw__concept=True)
        if params.get("catalogus"):
            key = resolve_url(params["catalogus"], "catalogus-detail") or NO_MATCH
            rows = rows.filter(zgw__catalogus__uuid=key)
        urls, default = Urls(request), selectors.default_catalogus()
        return self.paginate(rows, lambda row: render_zaaktype(row, urls, default))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.zaaktypen(), uuid=uuid)
        return Response(render_zaaktype(row, Urls(request), selectors.default_catalogus()))

    def create(self, request: Request) -> Response:
        given = ZaakTypeIn(data=request.data)
        given.is_valid(raise_exception=True)
        key = resolve_url(given.validated_data["catalogus"], "catalogus-detail")
        catalogus = Catalogus.objects.filter(uuid=key).first() if key else None
        if catalogus is None:
            raise bad_url("catalogus")
        values, data = given.split()
        case_type = services.zaaktype_create(
            actor=self.client.actor, catalogus=catalogus, values=values, data=data
        )
        return self._render(request, case_type, status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        case_type = get_object_or_404(CaseType, uuid=uuid)
        given = ZaakTypeIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        values, data = given.split()
        services.zaaktype_update(
            actor=self.client.actor, case_type=case_type, values=values, data=data
        )
        return self._render(request, case_type)

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        case_type = get_object_or_404(CaseType, uuid=uuid)
        services.zaaktype_delete(actor=self.client.actor, case_type=case_type)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, uuid: str) -> Response:
        case_type = get_object_or_404(CaseType, uuid=uuid)
        services.zaaktype_publish(actor=self.client.actor, case_type=case_type)
        return self._render(request, case_type)

    def _render(self, request: Request, case_type: CaseType, code: int = 200) -> Response:
        row = selectors.zaaktypen().get(pk=case_type.pk)
        return Response(
            render_zaaktype(row, Urls(request), selectors.default_catalogus()), status=code
        )


class StatusTypeViewSet(CatalogiViewSet):
    def list(self, request: Request) -> Response:
        rows = selectors.statustypen()
        params = request.query_params
        if params.get("zaaktype"):
            key = resolve_url(params["zaaktype"], "zaaktype-detail") or NO_MATCH
            rows = rows.filter(case_type__uuid=key)
        if params.get("zaaktypeIdentificatie"):
            rows = rows.filter(case_type__code=params["zaaktypeIdentificatie"])
        if params.get("status") == "concept":
            rows = rows.filter(case_type__zgw__concept=True)
        elif params.get("status", "definitief") == "definitief":
            rows = rows.exclude(case_type__zgw__concept=True)
        urls, default = Urls(request), selectors.default_catalogus()
        return self.paginate(rows, lambda row: render_statustype(row, urls, default))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.statustypen(), pk=to_pk("statustype", uuid) or 0)
        return Response(render_statustype(row, Urls(request), selectors.default_catalogus()))

    def create(self, request: Request) -> Response:
        given = StatusTypeIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        case_type = _zaaktype_by_url(v["zaaktype"], "zaaktype")
        extra = {k: v[k] for k in ("omschrijvingGeneriek", "informeren", "toelichting") if k in v}
        created = services.statustype_create(
            actor=self.client.actor,
            case_type=case_type,
            name=v["omschrijving"],
            order=v["volgnummer"],
            resident_text=v["statustekst"],
            data=extra,
        )
        row = selectors.statustypen().get(pk=created.pk)
        body = render_statustype(row, Urls(request), selectors.default_catalogus())
        return Response(body, status=status.HTTP_201_CREATED)
