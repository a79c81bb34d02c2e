# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: input serializers and rendering of rollen (cases.Role), resultaten
(cases.Result), zaakobjecten (cases.CaseObject), zaakeigenschappen (cases.CaseProperty) and
klantcontacten (cases.CaseContact)."""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import urlparse

from django.db.models import Model
from rest_framework import serializers

from plus1.cases.models import (
    BetrokkeneType,
    CaseContact,
    CaseObject,
    CaseProperty,
    Result,
    Role,
)
from plus1.common import bsn as bsn_crypto
from plus1.zgw.auth import uuid_in_url
from plus1.zgw.base import UrlField, Urls
from plus1.zgw.zaken.io.zaken import RESULTAAT, ROL, ZAAK, ZAAKOBJECT

CATALOGI = "/catalogi/api/v1"
KLANTCONTACT = "/zaken/api/v1/klantcontacten"
OBJECT_TYPES = [
    "adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte",
    "huishouden", "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel",
    "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon",
    "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel", "status",
    "terreindeel", "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk",
    "woonplaats", "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige",
]  # fmt: skip
T = TypeVar("T", bound=Model)


def type_at(url: str, resource: str, model: type[T]) -> T | None:
    """A catalogue type (roltypen, resultaattypen, eigenschappen) by its Catalogi URL."""
    if f"{CATALOGI}/{resource}/" not in urlparse(url).path:
        return None
    key = uuid_in_url(url)
    return model._default_manager.filter(uuid=key).first() if key else None  # type: ignore[attr-defined]


class RolIn(serializers.Serializer):
    zaak = UrlField()
    betrokkene = UrlField(required=False, allow_blank=True)
    betrokkeneType = serializers.ChoiceField(BetrokkeneType.values)
    afwijkendeNaamBetrokkene = serializers.CharField(
        max_length=625, required=False, allow_blank=True
    )
    roltype = UrlField()
    roltoelichting = serializers.CharField(max_length=1000, allow_blank=True)
    indicatieMachtiging = serializers.ChoiceField(
        ["", "gemachtigde", "machtiginggever"], required=False
    )
    contactpersoonRol = serializers.DictField(required=False, allow_null=True)
    betrokkeneIdentificatie = serializers.DictField(required=False, allow_null=True)

    def validate_betrokkeneIdentificatie(self, value: dict[str, Any] | None) -> Any:
        bsn = str((value or {}).get("inpBsn") or "")
        if bsn and not bsn_crypto.is_valid_bsn(bsn):  # the error never repeats the number
            raise serializers.ValidationError("Dit is geen geldig burgerservicenummer.")
        return value

    def values(self) -> tuple[str, dict[str, Any]]:
        """(BSN or "", cases.Role fields); the BSN never lands in the JSON column."""
        v = self.validated_data
        identification = dict(v.get("betrokkeneIdentificatie") or {})
        bsn = str(identification.pop("inpBsn", "") or "")
        return bsn, {
            "betrokkene_type": v["betrokkeneType"],
            "betrokkene": v.get("betrokkene", ""),
            "other_name": v.get("afwijkendeNaamBetrokkene", ""),
            "explanation": v.get("roltoelichting", ""),
            "authorisation": v.get("indicatieMachtiging", ""),
            "contact": v.get("contactpersoonRol"),
            "identification": identification,
        }


def _generic(role: Role) -> str:
    """A rol without roltype: the initiator, or (a gemachtigde) a belanghebbende."""
    return "initiator" if role.is_initiator or not role.authorisation else "belanghebbende"


def render_rol(role: Role, urls: Urls) -> dict[str, Any]:
    role_type = role.role_type
    identification = dict(role.identification or {})
    if role.betrokkene_type == BetrokkeneType.PERSON and (role.bsn_encrypted or identification):
        identification["inpBsn"] = (
            bsn_crypto.decrypt(role.bsn_encrypted) if role.bsn_encrypted else ""
        )
    return {
        "url": urls(ROL, role.uuid),
        "uuid": str(role.uuid),
        "zaak": urls(ZAAK, role.case.uuid),
        "betrokkene": role.betrokkene,
        "betrokkeneType": role.betrokkene_type,
        "afwijkendeNaamBetrokkene": role.other_name,
        "roltype": urls(f"{CATALOGI}/roltypen", role_type.uuid) if role_type else None,
        "omschrijving": role_type.description if role_type else _generic(role).capitalize(),
        "omschrijvingGeneriek": role_type.kind if role_type else _generic(role),
        "roltoelichting": role.explanation,
        "registratiedatum": role.registered_at.isoformat(),
        "indicatieMachtiging": role.authorisation,
        "contactpersoonRol": role.contact,
        "statussen": [],
        "betrokkeneIdentificatie": identification or None,
    }


class ResultaatIn(serializers.Serializer):
    zaak = UrlField()
    resultaattype = UrlField()
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)


def render_resultaat(row: Result, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(RESULTAAT, row.uuid),
        "uuid": str(row.uuid),
        "zaak": urls(ZAAK, row.case.uuid),
        "resultaattype": urls(f"{CATALOGI}/resultaattypen", row.result_type.uuid),
        "toelichting": row.explanation,
    }


class ZaakObjectIn(serializers.Serializer):
    zaak = UrlField()
    object = UrlField(required=False, allow_blank=True)
    zaakobjecttype = UrlField(required=False, allow_blank=True, allow_null=True)
    objectType = serializers.ChoiceField(OBJECT_TYPES)
    objectTypeOverige = serializers.CharField(max_length=100, required=False, allow_blank=True)
    objectTypeOverigeDefinitie = serializers.DictField(required=False, allow_null=True)
    relatieomschrijving = serializers.CharField(max_length=80, required=False, allow_blank=True)
    objectIdentificatie = serializers.DictField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("object") and not attrs.get("objectIdentificatie"):
            raise serializers.ValidationError(
                "Geef object of objectIdentificatie.", code="invalid-zaakobject"
            )
        if attrs["objectType"] == "overige" and not attrs.get("objectTypeOverige"):
            raise serializers.ValidationError(
                {
                    "objectTypeOverige": serializers.ErrorDetail(
                        "Verplicht bij ‘overige’.", "required"
                    )
                }
            )
        return attrs

    def values(self) -> dict[str, Any]:
        v = self.validated_data
        return {
            "object_url": v.get("object", ""),
            "object_type": v["objectType"],
            "object_type_other": v.get("objectTypeOverige", ""),
            "object_type_other_definition": v.get("objectTypeOverigeDefinitie"),
            "object_type_ref": v.get("zaakobjecttype") or "",
            "relation": v.get("relatieomschrijving", ""),
            "identification": v.get("objectIdentificatie"),
        }


def render_zaakobject(row: CaseObject, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(ZAAKOBJECT, row.uuid),
        "uuid": str(row.uuid),
        "zaak": urls(ZAAK, row.case.uuid),
        "object": row.object_url,
        "zaakobjecttype": row.object_type_ref or None,
        "objectType": row.object_type,
        "objectTypeOverige": row.object_type_other,
        "objectTypeOverigeDefinitie": row.object_type_other_definition,
        "relatieomschrijving": row.relation,
        "objectIdentificatie": row.identification,
    }


class ZaakEigenschapIn(serializers.Serializer):
    zaak = UrlField(required=False)
    eigenschap = UrlField()
    waarde = serializers.CharField(allow_blank=False)


def render_zaakeigenschap(row: CaseProperty, urls: Urls) -> dict[str, Any]:
    zaak_url = urls(ZAAK, row.case.uuid)
    return {
        "url": f"{zaak_url}/zaakeigenschappen/{row.uuid}",
        "uuid": str(row.uuid),
        "zaak": zaak_url,
        "eigenschap": urls(f"{CATALOGI}/eigenschappen", row.property_type.uuid),
        "naam": row.property_type.name,
        "waarde": row.value,
    }


class KlantContactIn(serializers.Serializer):
    zaak = UrlField()
    identificatie = serializers.CharField(max_length=14, required=False, allow_blank=True)
    datumtijd = serializers.DateTimeField()
    kanaal = serializers.CharField(max_length=20, required=False, allow_blank=True)
    onderwerp = serializers.CharField(max_length=200, required=False, allow_blank=True)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)

    def values(self) -> dict[str, Any]:
        v = self.validated_data
        return {
            "identification": v.get("identificatie", ""),
            "occurred_at": v["datumtijd"],
            "channel": v.get("kanaal", ""),
            "subject": v.get("onderwerp", ""),
            "explanation": v.get("toelichting", ""),
        }


def render_klantcontact(row: CaseContact, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(KLANTCONTACT, row.uuid),
        "uuid": str(row.uuid),
        "zaak": urls(ZAAK, row.case.uuid),
        "identificatie": row.identification,
        "datumtijd": row.occurred_at.isoformat(),
        "kanaal": row.channel,
        "onderwerp": row.subject,
        "toelichting": row.explanation,
    }
