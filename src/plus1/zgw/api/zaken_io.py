# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: input serializers, list filters and rendering of cases.Case as zaak and
cases.CaseStatus as status."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from rest_framework import serializers

from plus1.cases.models import Case, CaseStatus
from plus1.catalog.models import Confidentiality
from plus1.zgw.api.base import NO_MATCH, UrlField, Urls, resolve_url
from plus1.zgw.auth import levels_up_to
from plus1.zgw.uuids import to_uuid

ZAAK, STATUS = "/zaken/api/v1/zaken", "/zaken/api/v1/statussen"
ZAAKTYPE, STATUSTYPE = "/catalogi/api/v1/zaaktypen", "/catalogi/api/v1/statustypen"
RSIN = r"^\d{9}$"


class Verlenging(serializers.Serializer):
    reden = serializers.CharField(max_length=200)
    duur = serializers.DurationField()


class Opschorting(serializers.Serializer):
    indicatie = serializers.BooleanField()
    reden = serializers.CharField(max_length=200, allow_blank=True)
    eerdereOpschorting = serializers.BooleanField(required=False)


class ZaakIn(serializers.Serializer):
    """Names follow the standard; CASE maps fields onto cases.Case, EXTENSION onto ZaakExtensie."""

    CASE = {
        "identificatie": "identification",
        "registratiedatum": "registered_on",
        "uiterlijkeEinddatumAfdoening": "deadline_on",
        "vertrouwelijkheidaanduiding": "confidentiality",
        "zaakgeometrie": "geometry",
    }
    EXTENSION = {
        "bronorganisatie": "bronorganisatie",
        "verantwoordelijkeOrganisatie": "verantwoordelijke_organisatie",
        "startdatum": "startdatum",
    }
    identificatie = serializers.CharField(max_length=40, required=False, allow_blank=True)
    bronorganisatie = serializers.RegexField(RSIN)
    omschrijving = serializers.CharField(max_length=80, required=False, allow_blank=True)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    zaaktype = UrlField(max_length=1000)
    registratiedatum = serializers.DateField(required=False)
    verantwoordelijkeOrganisatie = serializers.RegexField(RSIN)
    startdatum = serializers.DateField()
    einddatumGepland = serializers.DateField(required=False, allow_null=True)
    uiterlijkeEinddatumAfdoening = serializers.DateField(required=False, allow_null=True)
    publicatiedatum = serializers.DateField(required=False, allow_null=True)
    communicatiekanaal = UrlField(required=False, allow_blank=True)
    productenOfDiensten = serializers.ListField(child=UrlField(), required=False)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(Confidentiality.values, required=False)
    betalingsindicatie = serializers.ChoiceField(
        ["", "nvt", "nog_niet", "gedeeltelijk", "geheel"], required=False
    )
    laatsteBetaaldatum = serializers.DateTimeField(required=False, allow_null=True)
    zaakgeometrie = serializers.DictField(required=False, allow_null=True)
    verlenging = Verlenging(required=False, allow_null=True)
    opschorting = Opschorting(required=False, allow_null=True)
    selectielijstklasse = UrlField(required=False, allow_blank=True)
    hoofdzaak = UrlField(required=False, allow_null=True)
    relevanteAndereZaken = serializers.ListField(child=serializers.DictField(), required=False)
    kenmerken = serializers.ListField(child=serializers.DictField(), required=False)
    archiefnominatie = serializers.ChoiceField(
        ["", "blijvend_bewaren", "vernietigen"], required=False
    )
    archiefstatus = serializers.ChoiceField(
        [
            "nog_te_archiveren",
            "gearchiveerd",
            "gearchiveerd_procestermijn_onbekend",
            "overgedragen",
        ],
        required=False,
    )
    archiefactiedatum = serializers.DateField(required=False, allow_null=True)
    opdrachtgevendeOrganisatie = serializers.CharField(
        max_length=9, required=False, allow_blank=True
    )
    processobjectaard = serializers.CharField(max_length=200, required=False, allow_blank=True)
    startdatumBewaartermijn = serializers.DateField(required=False, allow_null=True)
    processobject = serializers.DictField(required=False, allow_null=True)

    def validate_zaakgeometrie(self, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and ("type" not in value or "coordinates" not in value):
            raise serializers.ValidationError("Geef een GeoJSON-geometrie (type en coordinates).")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("betalingsindicatie") == "nvt" and attrs.get("laatsteBetaaldatum"):
            raise serializers.ValidationError(
                {"laatsteBetaaldatum": "Niet toegestaan als betalingsindicatie ‘nvt’ is."},
                code="betaling-nvt",
            )
        return attrs

    def split(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(Case values, ZaakExtensie values with the rest as JSON `data`)."""
        case, extension, data = {}, {}, {}
        for name, value in self.validated_data.items():
            if name in self.CASE:
                case[self.CASE[name]] = value
            elif name in self.EXTENSION:
                extension[self.EXTENSION[name]] = value
            elif name != "zaaktype":
                data[name] = _jsonable(value)
        extension["data"] = data
        return case, extension


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "total_seconds"):
        return f"P{value.days}D"
    return value


class StatusIn(serializers.Serializer):
    zaak = UrlField(max_length=1000)
    statustype = UrlField(max_length=1000)
    datumStatusGezet = serializers.DateTimeField()
    statustoelichting = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )
    gezetdoor = UrlField(required=False, allow_blank=True)


class ZaakFilter(serializers.Serializer):
    """The list filters of GET /zaken and POST /zaken/_zoek, validated like any input."""

    LOOKUPS = {
        "identificatie": "identification",
        "bronorganisatie": "zgw__bronorganisatie",
        "startdatum": "zgw__startdatum",
        "startdatum__gt": "zgw__startdatum__gt",
        "startdatum__gte": "zgw__startdatum__gte",
        "startdatum__lt": "zgw__startdatum__lt",
        "startdatum__lte": "zgw__startdatum__lte",
        "registratiedatum": "registered_on",
        "registratiedatum__gt": "registered_on__gt",
        "registratiedatum__lt": "registered_on__lt",
        "einddatum": "closed_on",
        "einddatum__isnull": "closed_on__isnull",
        "einddatum__gt": "closed_on__gt",
        "einddatum__lt": "closed_on__lt",
        "uiterlijkeEinddatumAfdoening": "deadline",
        "uiterlijkeEinddatumAfdoening__gt": "deadline__gt",
        "uiterlijkeEinddatumAfdoening__lt": "deadline__lt",
    }
    identificatie = serializers.CharField(required=False)
    bronorganisatie = serializers.CharField(required=False)
    bronorganisatie__in = serializers.ListField(child=serializers.CharField(), required=False)
    zaaktype = UrlField(required=False)
    zaaktype__in = serializers.ListField(child=UrlField(), required=False)
    uuid__in = serializers.ListField(child=serializers.UUIDField(), required=False)
    maximaleVertrouwelijkheidaanduiding = serializers.ChoiceField(
        Confidentiality.values, required=False
    )
    einddatum__isnull = serializers.BooleanField(required=False)
    ordering = serializers.CharField(required=False)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for name in self.LOOKUPS:
            fields.setdefault(name, serializers.DateField(required=False))
        return fields

    def apply(self, zaken: QuerySet[Case]) -> QuerySet[Case]:
        v = self.validated_data
        filters = {self.LOOKUPS[name]: value for name, value in v.items() if name in self.LOOKUPS}
        zaken = zaken.filter(**filters)
        if "bronorganisatie__in" in v:
            zaken = zaken.filter(zgw__bronorganisatie__in=v["bronorganisatie__in"])
        if "zaaktype" in v:
            zaken = zaken.filter(
                case_type__uuid=resolve_url(v["zaaktype"], "zaaktype-detail") or NO_MATCH
            )
        if "zaaktype__in" in v:
            keys = [resolve_url(url, "zaaktype-detail") for url in v["zaaktype__in"]]
            zaken = zaken.filter(case_type__uuid__in=[key for key in keys if key])
        if "uuid__in" in v:
            zaken = zaken.filter(uuid__in=v["uuid__in"])
        if "maximaleVertrouwelijkheidaanduiding" in v:
            levels = levels_up_to(v["maximaleVertrouwelijkheidaanduiding"])
            zaken = zaken.filter(confidentiality__in=levels)
        return zaken


def comma_lists(params: Any) -> dict[str, Any]:
    """Query strings carry lists as a,b,c; the _zoek body carries JSON arrays."""
    return {
        name: (
            params[name].split(",")
            if name.endswith("__in") and isinstance(params[name], str)
            else params[name]
        )
        for name in params
        if name != "page"
    }


def render_zaak(case: Case, urls: Urls) -> dict[str, Any]:
    zgw = getattr(case, "zgw", None)
    data = zgw.data if zgw else {}
    history = list(case.history.all())
    status_url = urls(STATUS, to_uuid("status", history[-1].pk)) if history else None
    return {
        "url": urls(ZAAK, case.uuid),
        "uuid": str(case.uuid),
        "identificatie": case.identification,
        "bronorganisatie": zgw.bronorganisatie if zgw else settings.ZGW_RSIN,
        "omschrijving": data.get("omschrijving", case.case_type.name[:80]),
        "toelichting": data.get("toelichting", ""),
        "zaaktype": urls(ZAAKTYPE, case.case_type.uuid),
        "registratiedatum": case.registered_on.isoformat(),
        "verantwoordelijkeOrganisatie": zgw.verantwoordelijke_organisatie
        if zgw
        else settings.ZGW_RSIN,
        "startdatum": (zgw.startdatum if zgw else case.registered_on).isoformat(),
        "einddatum": case.closed_on.isoformat() if case.closed_on else None,
        "einddatumGepland": data.get("einddatumGepland"),
        "uiterlijkeEinddatumAfdoening": case.deadline.isoformat(),
        "publicatiedatum": data.get("publicatiedatum"),
        "communicatiekanaal": data.get("communicatiekanaal", ""),
        "productenOfDiensten": data.get("productenOfDiensten", []),
        "vertrouwelijkheidaanduiding": case.confidentiality,
        "betalingsindicatie": data.get("betalingsindicatie", ""),
        "betalingsindicatieWeergave": "",
        "laatsteBetaaldatum": data.get("laatsteBetaaldatum"),
        "zaakgeometrie": case.geometry,
        "verlenging": data.get("verlenging"),
        "opschorting": data.get("opschorting", {"indicatie": False, "reden": ""}),
        "selectielijstklasse": data.get("selectielijstklasse", ""),
        "hoofdzaak": data.get("hoofdzaak"),
        "deelzaken": [],
        "relevanteAndereZaken": data.get("relevanteAndereZaken", []),
        "eigenschappen": [],
        "rollen": [],
        "status": status_url,
        "zaakinformatieobjecten": [],
        "zaakobjecten": [],
        "kenmerken": data.get("kenmerken", []),
        "archiefnominatie": data.get("archiefnominatie", ""),
        "archiefstatus": data.get("archiefstatus", "nog_te_archiveren"),
        "archiefactiedatum": data.get("archiefactiedatum"),
        "resultaat": None,
        "opdrachtgevendeOrganisatie": data.get("opdrachtgevendeOrganisatie", ""),
        "processobjectaard": data.get("processobjectaard", ""),
        "startdatumBewaartermijn": data.get("startdatumBewaartermijn"),
        "processobject": data.get("processobject"),
    }


def render_status(row: CaseStatus, urls: Urls, is_latest: bool) -> dict[str, Any]:
    return {
        "url": urls(STATUS, to_uuid("status", row.pk)),
        "uuid": str(to_uuid("status", row.pk)),
        "zaak": urls(ZAAK, row.case.uuid),
        "statustype": urls(STATUSTYPE, to_uuid("statustype", row.status_id)),
        "datumStatusGezet": row.set_at.isoformat(),
        "statustoelichting": row.explanation,
        "indicatieLaatstGezetteStatus": is_latest,
        "gezetdoor": None,
        "zaakinformatieobjecten": [],
    }
