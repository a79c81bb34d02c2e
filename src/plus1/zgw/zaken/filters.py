# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: the list filters and ordering of GET /zaken and POST /zaken/_zoek."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from rest_framework import serializers

from plus1.cases.models import ArchiveNomination, ArchiveStatus, Case
from plus1.catalog.models import Confidentiality
from plus1.common.bsn import blind_index
from plus1.zgw.auth import levels_up_to
from plus1.zgw.base import NO_MATCH, UrlField, resolve_url

DATES = {
    "startdatum": "zgw__startdatum",
    "registratiedatum": "registered_on",
    "einddatum": "closed_on",
    "einddatumGepland": "planned_end",
    "uiterlijkeEinddatumAfdoening": "deadline",
    "archiefactiedatum": "archive_action_date",
}
SUFFIXES = ("", "__gt", "__gte", "__lt", "__lte")
ORDERING = {
    "startdatum": "zgw__startdatum",
    "einddatum": "closed_on",
    "publicatiedatum": "zgw__data__publicatiedatum",
    "archiefactiedatum": "archive_action_date",
    "registratiedatum": "registered_on",
    "identificatie": "identification",
}
ROL_LOOKUPS = {
    "rol__betrokkeneType": "roles__betrokkene_type",
    "rol__betrokkene": "roles__betrokkene",
    "rol__omschrijvingGeneriek": "roles__role_type__kind",
}
# parameters that filter by nothing but zaaktype and confidentiality, or only order
COUNTED_BY_TALLY = {
    "zaaktype",
    "zaaktype__in",
    "maximaleVertrouwelijkheidaanduiding",
    "ordering",
    "expand",
}
ROL_IDENTIFICATIE = "rol__betrokkeneIdentificatie__"
BSN_FILTER = f"{ROL_IDENTIFICATIE}natuurlijkPersoon__inpBsn"
ROL_KEYS = [
    "natuurlijkPersoon__anpIdentificatie",
    "natuurlijkPersoon__inpA_nummer",
    "nietNatuurlijkPersoon__innNnpId",
    "nietNatuurlijkPersoon__annIdentificatie",
    "vestiging__vestigingsNummer",
    "medewerker__identificatie",
    "organisatorischeEenheid__identificatie",
]


class ZaakFilter(serializers.Serializer):
    """Validated like any input: a bad value is a 400 listing every problem."""

    identificatie = serializers.CharField(required=False)
    bronorganisatie = serializers.CharField(required=False)
    bronorganisatie__in = serializers.ListField(child=serializers.CharField(), required=False)
    zaaktype = UrlField(required=False)
    zaaktype__in = serializers.ListField(child=UrlField(), required=False)
    uuid__in = serializers.ListField(child=serializers.UUIDField(), required=False)
    archiefnominatie = serializers.ChoiceField(ArchiveNomination.values, required=False)
    archiefnominatie__in = serializers.ListField(
        child=serializers.ChoiceField(ArchiveNomination.values), required=False
    )
    archiefstatus = serializers.ChoiceField(ArchiveStatus.values, required=False)
    archiefstatus__in = serializers.ListField(
        child=serializers.ChoiceField(ArchiveStatus.values), required=False
    )
    maximaleVertrouwelijkheidaanduiding = serializers.ChoiceField(
        Confidentiality.values, required=False
    )
    einddatum__isnull = serializers.BooleanField(required=False)
    archiefactiedatum__isnull = serializers.BooleanField(required=False)
    ordering = serializers.ListField(
        child=serializers.ChoiceField([*ORDERING, *(f"-{name}" for name in ORDERING)]),
        required=False,
    )
    expand = serializers.CharField(required=False, allow_blank=True)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for name in DATES:
            for suffix in SUFFIXES:
                fields.setdefault(f"{name}{suffix}", serializers.DateField(required=False))
        for name in (*ROL_LOOKUPS, BSN_FILTER, *(ROL_IDENTIFICATIE + key for key in ROL_KEYS)):
            fields[name] = serializers.CharField(required=False, max_length=1000)
        return fields

    def apply(self, zaken: QuerySet[Case]) -> QuerySet[Case]:
        v = dict(self.validated_data)
        filters: dict[str, Any] = {}
        for name, value in v.items():
            base, _, suffix = name.partition("__")
            if base in DATES and (not suffix or f"__{suffix}" in SUFFIXES or suffix == "isnull"):
                filters[DATES[base] + (f"__{suffix}" if suffix else "")] = value
        for name, lookup in {
            "identificatie": "identification",
            "bronorganisatie": "zgw__bronorganisatie",
            "bronorganisatie__in": "zgw__bronorganisatie__in",
            "uuid__in": "uuid__in",
            "archiefnominatie": "archive_nomination",
            "archiefnominatie__in": "archive_nomination__in",
            "archiefstatus": "archive_status",
            "archiefstatus__in": "archive_status__in",
        }.items():
            if name in v:
                filters[lookup] = v[name]
        zaken = zaken.filter(self._type_filter(v), **filters)
        zaken = self._rol_filters(zaken, v)
        if v.get("ordering"):
            zaken = zaken.order_by(*(_order(name) for name in v["ordering"]), "-pk")
        return zaken

    def tally_filter(self) -> Q | None:
        """The filter as one on zaaktype and confidentiality (the columns cases.CaseTally
        counts by), or None when it filters by anything else."""
        v = self.validated_data
        return self._type_filter(v) if set(v) <= COUNTED_BY_TALLY else None

    def _type_filter(self, v: dict[str, Any]) -> Q:
        found = Q()
        if "zaaktype" in v:
            found &= Q(case_type__uuid=resolve_url(v["zaaktype"], "zaaktype-detail") or NO_MATCH)
        if "zaaktype__in" in v:
            keys = [resolve_url(url, "zaaktype-detail") for url in v["zaaktype__in"]]
            found &= Q(case_type__uuid__in=[key for key in keys if key])
        if "maximaleVertrouwelijkheidaanduiding" in v:
            levels = levels_up_to(v["maximaleVertrouwelijkheidaanduiding"])
            found &= Q(confidentiality__in=levels)
        return found

    def _rol_filters(self, zaken: QuerySet[Case], v: dict[str, Any]) -> QuerySet[Case]:
        roles = Q()
        for name, lookup in ROL_LOOKUPS.items():
            if name in v:
                roles &= Q(**{lookup: v[name]})
        if BSN_FILTER in v:  # by blind index: the BSN itself is never stored in the clear
            roles &= Q(roles__bsn_index=blind_index(v[BSN_FILTER]))
        for key in ROL_KEYS:
            if ROL_IDENTIFICATIE + key in v:
                field = key.split("__", 1)[1]
                roles &= Q(**{f"roles__identification__{field}": v[ROL_IDENTIFICATIE + key]})
        if not roles:
            return zaken
        return zaken.filter(pk__in=Case.objects.filter(roles).values("pk"))


def _order(name: str) -> str:
    return ("-" if name.startswith("-") else "") + ORDERING[name.lstrip("-")]


def comma_lists(params: Any) -> dict[str, Any]:
    """Query strings carry lists as a,b,c; the _zoek body carries JSON arrays."""
    return {
        name: (
            params[name].split(",")
            if (name.endswith("__in") or name == "ordering") and isinstance(params[name], str)
            else params[name]
        )
        for name in params
        if name != "page"
    }
