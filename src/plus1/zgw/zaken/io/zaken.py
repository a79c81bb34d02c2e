# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: input serializers and rendering of cases.Case as zaak and
cases.CaseStatus as status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils.duration import duration_iso_string
from rest_framework import serializers

from plus1.cases.models import ArchiveNomination, ArchiveStatus, Case, CaseStatus
from plus1.catalog.models import Confidentiality
from plus1.common import legal_clock
from plus1.geo.geometry import geojson_problem
from plus1.zgw.base import TextField, UrlField, Urls
from plus1.zgw.uuids import to_uuid

ZAAK, STATUS = "/zaken/api/v1/zaken", "/zaken/api/v1/statussen"
ROL, RESULTAAT = "/zaken/api/v1/rollen", "/zaken/api/v1/resultaten"
ZAAKOBJECT, ZIO = "/zaken/api/v1/zaakobjecten", "/zaken/api/v1/zaakinformatieobjecten"
ZAAKTYPE, STATUSTYPE = "/catalogi/api/v1/zaaktypen", "/catalogi/api/v1/statustypen"
RSIN = r"^\d{9}$"
BETALING = {
    "": "",
    "nvt": "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
    "nog_niet": "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
    "gedeeltelijk": "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
    "geheel": "De met de zaak gemoeide kosten zijn geheel betaald.",
}


class GegevensGroep(serializers.Serializer):
    """A group of fields that is given whole, also in a PATCH (zrc-012)."""

    REQUIRED: tuple[str, ...] = ()

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            missing = [name for name in self.REQUIRED if name not in data]
            if missing:
                raise serializers.ValidationError(
                    {
                        name: [serializers.ErrorDetail("Dit veld is vereist.", code="required")]
                        for name in missing
                    }
                )
        return super().to_internal_value(data)


class Verlenging(GegevensGroep):
    REQUIRED = ("reden", "duur")
    reden = serializers.CharField(max_length=200)
    duur = serializers.DurationField()

    def validate_duur(self, value: dt.timedelta) -> dt.timedelta:
        try:
            legal_clock.bounded_term(duration_iso_string(value))
        except legal_clock.InvalidTerm as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from exc
        return value


class Opschorting(GegevensGroep):
    REQUIRED = ("indicatie", "reden")
    indicatie = serializers.BooleanField()
    reden = serializers.CharField(max_length=200, allow_blank=True)
    eerdereOpschorting = serializers.BooleanField(required=False)


class RelevanteZaak(serializers.Serializer):
    url = UrlField()
    aardRelatie = serializers.ChoiceField(["vervolg", "onderwerp", "bijdrage"])


class Kenmerk(serializers.Serializer):
    kenmerk = serializers.CharField(max_length=40)
    bron = serializers.CharField(max_length=40)


class ZaakIn(serializers.Serializer):
    """Names follow the standard. CASE: cases.Case fields set when the case is registered;
    CHANGES: Case fields set through case_update; EXTENSION: zgw.ZaakExtensie; the rest is
    kept as JSON."""

    CASE = {
        "identificatie": "identification",
        "registratiedatum": "registered_on",
        "uiterlijkeEinddatumAfdoening": "deadline_on",
        "vertrouwelijkheidaanduiding": "confidentiality",
        "zaakgeometrie": "geometry",
    }
    CHANGES = {
        "einddatumGepland": "planned_end",
        "archiefnominatie": "archive_nomination",
        "archiefstatus": "archive_status",
        "archiefactiedatum": "archive_action_date",
        "hoofdzaak": "parent",
        "opschorting": "suspension",
        "verlenging": "extension",
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
    communicatiekanaalNaam = serializers.CharField(max_length=250, required=False, allow_blank=True)
    productenOfDiensten = serializers.ListField(child=UrlField(), required=False)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(Confidentiality.values, required=False)
    betalingsindicatie = serializers.ChoiceField(list(BETALING), required=False)
    laatsteBetaaldatum = serializers.DateTimeField(required=False, allow_null=True)
    zaakgeometrie = serializers.DictField(required=False, allow_null=True)
    verlenging = Verlenging(required=False, allow_null=True)
    opschorting = Opschorting(required=False, allow_null=True)
    selectielijstklasse = UrlField(required=False, allow_blank=True)
    hoofdzaak = UrlField(required=False, allow_null=True)
    relevanteAndereZaken = RelevanteZaak(many=True, required=False)
    kenmerken = Kenmerk(many=True, required=False)
    archiefnominatie = serializers.ChoiceField(
        ["", *ArchiveNomination.values], required=False, allow_null=True
    )
    archiefstatus = serializers.ChoiceField(ArchiveStatus.values, required=False)
    archiefactiedatum = serializers.DateField(required=False, allow_null=True)
    opdrachtgevendeOrganisatie = serializers.CharField(
        max_length=9, required=False, allow_blank=True
    )
    processobjectaard = TextField(max_length=200, required=False)
    startdatumBewaartermijn = serializers.DateField(required=False, allow_null=True)
    processobject = serializers.DictField(required=False, allow_null=True)

    def validate_zaakgeometrie(self, value: dict[str, Any] | None) -> dict[str, Any] | None:
        problem = None if value is None else geojson_problem(value)
        if problem:
            raise serializers.ValidationError(problem, code="invalid")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("betalingsindicatie") == "nvt" and attrs.get("laatsteBetaaldatum"):
            raise serializers.ValidationError(
                {
                    "laatsteBetaaldatum": serializers.ErrorDetail(
                        "Niet toegestaan als betalingsindicatie ‘nvt’ is.", code="betaling-nvt"
                    )
                }
            )
        if attrs.get("betalingsindicatie") == "nvt":
            attrs["laatsteBetaaldatum"] = None
        if attrs.get("archiefnominatie") is None and "archiefnominatie" in attrs:
            attrs["archiefnominatie"] = ""
        return attrs

    def split(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """(Case values at registration, Case changes, ZaakExtensie values + JSON `data`)."""
        case: dict[str, Any] = {}
        changes: dict[str, Any] = {}
        extension: dict[str, Any] = {}
        data: dict[str, Any] = {}
        for name, value in self.validated_data.items():
            if name in self.CASE:
                case[self.CASE[name]] = value
            elif name in self.CHANGES:
                changes[self.CHANGES[name]] = _jsonable(value) if name != "hoofdzaak" else value
            elif name in self.EXTENSION:
                extension[self.EXTENSION[name]] = value
            elif name != "zaaktype":
                data[name] = _jsonable(value)
        extension["data"] = data
        return case, changes, extension


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if hasattr(value, "total_seconds"):
        return duration_iso_string(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class StatusIn(serializers.Serializer):
    zaak = UrlField(max_length=1000)
    statustype = UrlField(max_length=1000)
    datumStatusGezet = serializers.DateTimeField()
    statustoelichting = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )
    gezetdoor = UrlField(required=False, allow_blank=True)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


EXTENSION = Case._meta.get_field("zgw")


def _one_to_one(case: Case, relation: Any) -> Any:
    """A reverse one-to-one (select_related's, when it read one), None when there is none:
    without the exception Django raises for a missing one, a tenth of a list page."""
    if relation.is_cached(case):
        return relation.get_cached_value(case)
    return getattr(case, relation.name, None)


def render_zaak(
    case: Case, urls: Urls, documents: list[str] | None = None, records: Any = None
) -> dict[str, Any]:
    """The zaak (a row of zgw.zaken.selectors.zaken_lean) as the standard shows it;
    `documents` are its zaakinformatieobject URLs and `records` the UUIDs of its related
    records (zgw.zaken.selectors.records_of)."""
    zgw = _one_to_one(case, EXTENSION)
    data = zgw.data if zgw else {}
    if records is None:  # prefetched relations
        history = [row.uuid for row in case.history.all()]
        children = [row.uuid for row in case.children.all()]
        properties = [row.uuid for row in case.properties.all()]
        roles = [row.uuid for row in case.roles.all()]
        objects = [row.uuid for row in case.case_objects.all()]
    else:
        history, children, properties = records.history, records.children, records.properties
        roles, objects = records.roles, records.objects
    zaak_url = urls(ZAAK, case.uuid)
    return {
        "url": zaak_url,
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
        "einddatum": _iso(case.closed_on),
        "einddatumGepland": _iso(case.planned_end),
        "uiterlijkeEinddatumAfdoening": case.deadline.isoformat(),
        "publicatiedatum": data.get("publicatiedatum"),
        "communicatiekanaal": data.get("communicatiekanaal", ""),
        "communicatiekanaalNaam": data.get("communicatiekanaalNaam", ""),
        "productenOfDiensten": data.get("productenOfDiensten", []),
        "vertrouwelijkheidaanduiding": case.confidentiality,
        "betalingsindicatie": data.get("betalingsindicatie", ""),
        "betalingsindicatieWeergave": BETALING.get(data.get("betalingsindicatie", ""), ""),
        "laatsteBetaaldatum": data.get("laatsteBetaaldatum"),
        "zaakgeometrie": case.geometry,
        "verlenging": {"reden": case.extension_reason, "duur": case.extension_term}
        if case.extension_term
        else None,
        "opschorting": {
            "indicatie": case.suspended_on is not None,
            "reden": case.suspension_reason,
            "eerdereOpschorting": case.was_suspended,
        },
        "selectielijstklasse": data.get("selectielijstklasse", ""),
        "hoofdzaak": urls(ZAAK, case.parent_uuid) if case.parent_uuid else None,  # type: ignore[attr-defined]
        "deelzaken": [urls(ZAAK, key) for key in children],
        "relevanteAndereZaken": data.get("relevanteAndereZaken", []),
        "eigenschappen": [f"{zaak_url}/zaakeigenschappen/{key}" for key in properties],
        "rollen": [urls(ROL, key) for key in roles],
        "status": urls(STATUS, history[-1]) if history else None,
        "zaakinformatieobjecten": documents or [],
        "zaakobjecten": [urls(ZAAKOBJECT, key) for key in objects],
        "kenmerken": data.get("kenmerken", []),
        "archiefnominatie": case.archive_nomination or None,
        "archiefstatus": case.archive_status,
        "archiefactiedatum": _iso(case.archive_action_date),
        "resultaat": urls(RESULTAAT, case.result_uuid) if case.result_uuid else None,  # type: ignore[attr-defined]
        "opdrachtgevendeOrganisatie": data.get("opdrachtgevendeOrganisatie", ""),
        "processobjectaard": data.get("processobjectaard", ""),
        "startdatumBewaartermijn": data.get("startdatumBewaartermijn"),
        "processobject": data.get("processobject"),
    }


def render_status(row: CaseStatus, urls: Urls, is_latest: bool) -> dict[str, Any]:
    return {
        "url": urls(STATUS, row.uuid),
        "uuid": str(row.uuid),
        "zaak": urls(ZAAK, row.case.uuid),
        "statustype": urls(STATUSTYPE, row.status.uuid or to_uuid("statustype", row.status_id)),
        "datumStatusGezet": row.set_at.isoformat(),
        "statustoelichting": row.explanation,
        "indicatieLaatstGezetteStatus": is_latest,
        "gezetdoor": None,
        "zaakinformatieobjecten": [],
    }
