# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0: input serializers, and the platform's fields they give."""

from __future__ import annotations

import re
from typing import Any

from rest_framework import serializers

from plus1.contact.klantinteracties_models import DigitalAddress, KlantcontactDetails
from plus1.contact.models import ContactChannel
from plus1.zgw.klantinteracties.io.render import STATUS_OUT

# The standard's `kanaal` is free text; Plus1 knows these channels (case-insensitive).
CHANNELS = {choice.value: choice.value for choice in ContactChannel}
CHANNELS |= {"email": "e-mail", "mail": "e-mail", "telefonisch": "telefoon", "post": "brief"}
CHANNELS |= {"sociale_media": "sociale media", "socialemedia": "sociale media"}
PHONE = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")


class ForeignKeyIn(serializers.Serializer):
    """`{"uuid": …}` as the standard writes a reference (its `url` is read-only)."""

    uuid = serializers.UUIDField()


class KlantcontactIn(serializers.Serializer):
    nummer = serializers.CharField(max_length=10, required=False, allow_blank=True, allow_null=True)
    referentienummer = serializers.CharField(
        max_length=10, required=False, allow_blank=True, allow_null=True
    )
    kanaal = serializers.CharField(max_length=50)
    onderwerp = serializers.CharField(max_length=200)
    inhoud = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    reactie = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    indicatieContactGelukt = serializers.BooleanField(required=False, allow_null=True)
    hoofdOnderwerpType = serializers.CharField(max_length=200, required=False, allow_blank=True)
    verdereActieOndernomen = serializers.BooleanField(required=False)
    taal = serializers.CharField(max_length=3)
    vertrouwelijk = serializers.BooleanField()
    plaatsgevondenOp = serializers.DateTimeField(required=False)
    metadata = serializers.DictField(child=serializers.CharField(max_length=255), required=False)

    def validate_kanaal(self, value: str) -> str:
        channel = CHANNELS.get(value.strip().lower())
        if channel is None:
            known = ", ".join(choice.value for choice in ContactChannel)
            raise serializers.ValidationError(
                f"Onbekend kanaal. Plus1 kent: {known}.", code="invalid_choice"
            )
        return channel

    def values(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return klantcontact_values(self.validated_data, partial=self.partial)


def klantcontact_values(
    v: dict[str, Any], partial: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(ContactMoment fields, KlantcontactDetails fields) of what was given."""
    moment: dict[str, Any] = {}
    details: dict[str, Any] = {}
    if "kanaal" in v:
        moment["channel"] = v["kanaal"]
    if v.get("inhoud"):
        moment["summary"] = v["inhoud"]
    elif not partial and v.get("onderwerp"):
        moment["summary"] = v["onderwerp"]  # a contact moment always has a summary
    if "plaatsgevondenOp" in v:
        moment["registered_at"] = v["plaatsgevondenOp"]
    if "indicatieContactGelukt" in v:
        details["contact_succeeded"] = v["indicatieContactGelukt"]
        moment["answered"] = bool(v["indicatieContactGelukt"])
    names = {
        "onderwerp": "subject",
        "reactie": "response",
        "taal": "language",
        "vertrouwelijk": "confidential",
    }
    details |= {field: v[key] for key, field in names.items() if key in v}
    reference = v.get("referentienummer") or v.get("nummer")
    if reference is not None:
        details["reference"] = reference
    return moment, details


class ContactnaamIn(serializers.Serializer):
    voorletters = serializers.CharField(max_length=10, required=False, allow_blank=True)
    voornaam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    voorvoegselAchternaam = serializers.CharField(max_length=10, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200, required=False, allow_blank=True)


class BetrokkeneIn(serializers.Serializer):
    wasPartij = ForeignKeyIn(required=False, allow_null=True)
    hadKlantcontact = ForeignKeyIn()
    bezoekadres = serializers.DictField(required=False, allow_null=True)
    correspondentieadres = serializers.DictField(required=False, allow_null=True)
    contactnaam = ContactnaamIn(required=False, allow_null=True)
    rol = serializers.ChoiceField(KlantcontactDetails.Role.values)
    organisatienaam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    initiator = serializers.BooleanField()

    def values(self) -> dict[str, Any]:
        return betrokkene_values(self.validated_data)


def betrokkene_values(v: dict[str, Any]) -> dict[str, Any]:
    """KlantcontactDetails fields of a betrokkene."""
    values: dict[str, Any] = {}
    if "rol" in v:
        values["role"] = v["rol"]
    if "initiator" in v:
        values["initiator"] = v["initiator"]
    if "organisatienaam" in v:
        values["organisation_name"] = v["organisatienaam"]
    names = {
        "voorletters": "initials",
        "voornaam": "first_name",
        "voorvoegselAchternaam": "surname_prefix",
        "achternaam": "surname",
    }
    if "contactnaam" in v:
        given = v["contactnaam"] or {}
        values |= {field: given.get(key, "") for key, field in names.items()}
    return values


class OnderwerpobjectidentificatorIn(serializers.Serializer):
    objectId = serializers.CharField(max_length=200)
    codeObjecttype = serializers.CharField(max_length=200)
    codeRegister = serializers.CharField(max_length=200)
    codeSoortObjectId = serializers.CharField(max_length=200)

    def validate_codeObjecttype(self, value: str) -> str:
        if value.lower() != "zaak":
            raise serializers.ValidationError(
                "Plus1 legt als onderwerpobject alleen een zaak vast (codeObjecttype ‘zaak’).",
                code="invalid_choice",
            )
        return value

    def validate_codeSoortObjectId(self, value: str) -> str:
        if value.lower() not in ("uuid", "identificatie", "zaaknummer"):
            raise serializers.ValidationError(
                "Geef de zaak aan met ‘uuid’ of ‘identificatie’.", code="invalid_choice"
            )
        return value.lower()


class OnderwerpobjectIn(serializers.Serializer):
    klantcontact = ForeignKeyIn()
    wasKlantcontact = ForeignKeyIn(required=False, allow_null=True)
    onderwerpobjectidentificator = OnderwerpobjectidentificatorIn()


class BetrokkeneInKlantcontact(BetrokkeneIn):
    hadKlantcontact = ForeignKeyIn(required=False)  # read-only here: the new klantcontact


class OnderwerpobjectInKlantcontact(OnderwerpobjectIn):
    klantcontact = ForeignKeyIn(required=False)  # read-only here: the new klantcontact


class MaakKlantcontactIn(serializers.Serializer):
    klantcontact = KlantcontactIn()
    betrokkene = BetrokkeneInKlantcontact(required=False, allow_null=True)
    onderwerpobject = OnderwerpobjectInKlantcontact(required=False, allow_null=True)


class InterneTaakIn(serializers.Serializer):
    nummer = serializers.CharField(max_length=10, required=False, allow_blank=True, allow_null=True)
    referentienummer = serializers.CharField(
        max_length=10, required=False, allow_blank=True, allow_null=True
    )
    gevraagdeHandeling = serializers.CharField(max_length=200)
    aanleidinggevendKlantcontact = ForeignKeyIn()
    toegewezenAanActor = ForeignKeyIn(required=False)
    toegewezenAanActoren = ForeignKeyIn(many=True, required=False)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    status = serializers.ChoiceField(list(STATUS_OUT.values()))
    afgehandeldOp = serializers.DateTimeField(required=False, allow_null=True)

    def actor_keys(self) -> list[str]:
        v = self.validated_data
        keys = [str(item["uuid"]) for item in v.get("toegewezenAanActoren", [])]
        if "toegewezenAanActor" in v:
            keys.insert(0, str(v["toegewezenAanActor"]["uuid"]))
        return keys

    def details(self) -> dict[str, Any]:
        v = self.validated_data
        details: dict[str, Any] = {}
        if "gevraagdeHandeling" in v:
            details["requested_action"] = v["gevraagdeHandeling"]
        reference = v.get("referentienummer") or v.get("nummer")
        if reference is not None:
            details["reference"] = reference
        return details


class PartijGroepIn(serializers.Serializer):
    codeObjecttype = serializers.ChoiceField(["natuurlijk_persoon", "niet_natuurlijk_persoon"])
    codeSoortObjectId = serializers.ChoiceField(["bsn", "kvk_nummer"])
    objectId = serializers.CharField(max_length=200)
    codeRegister = serializers.ChoiceField(["brp", "hr"])


class PartijIdentificatorIn(serializers.Serializer):
    partijIdentificator = PartijGroepIn()


class PartijIn(serializers.Serializer):
    soortPartij = serializers.ChoiceField(["persoon", "organisatie"])
    indicatieActief = serializers.BooleanField()
    partijIdentificatoren = PartijIdentificatorIn(many=True)
    partijIdentificatie = serializers.DictField()
    interneNotitie = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    voorkeurstaal = serializers.CharField(max_length=3, required=False, allow_blank=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        problems: dict[str, list[str]] = {}
        kind = data.get("soortPartij")
        wanted = "bsn" if kind == "persoon" else "kvk_nummer"
        ids = [
            item["partijIdentificator"]
            for item in data.get("partijIdentificatoren", [])
            if item["partijIdentificator"]["codeSoortObjectId"] == wanted
        ]
        if len(ids) != 1:
            problems["partijIdentificatoren"] = [
                "Geef precies één identificator: een BSN voor een persoon, een KVK-nummer "
                "voor een organisatie."
            ]
        identification = data.get("partijIdentificatie") or {}
        name = str(identification.get("naam") or "") if kind == "organisatie" else ""
        if kind == "persoon":
            given = identification.get("contactnaam") or {}
            given = given if isinstance(given, dict) else {}
            parts = ("voornaam", "voorvoegselAchternaam", "achternaam")
            name = " ".join(str(given.get(p) or "") for p in parts if given.get(p))
        if not name.strip():
            problems["partijIdentificatie"] = [
                "Geef de naam (contactnaam van een persoon, naam van een organisatie)."
            ]
        if problems:
            raise serializers.ValidationError(problems)
        data["name"] = name.strip()[:200]
        data["identifier"] = ids[0]["objectId"]
        return data


class DigitaalAdresIn(serializers.Serializer):
    verstrektDoorBetrokkene = ForeignKeyIn(required=False, allow_null=True)
    verstrektDoorPartij = ForeignKeyIn(required=False, allow_null=True)
    adres = serializers.CharField(max_length=80)
    soortDigitaalAdres = serializers.ChoiceField(DigitalAddress.Kind.values)
    isStandaardAdres = serializers.BooleanField(required=False)
    omschrijving = serializers.CharField(max_length=40, required=False, allow_blank=True)
    referentie = serializers.RegexField(
        r"^[-a-zA-Z0-9_]+$", max_length=50, required=False, allow_blank=True
    )
    verificatieDatum = serializers.DateField(required=False, allow_null=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        kind, address = data.get("soortDigitaalAdres"), data.get("adres", "")
        if kind == DigitalAddress.Kind.EMAIL and address:
            try:
                serializers.EmailField().run_validation(address)
            except serializers.ValidationError as exc:
                raise serializers.ValidationError(
                    {"adres": ["Voer een geldig e-mailadres in."]}
                ) from exc
        if kind == DigitalAddress.Kind.PHONE and address and not PHONE.match(address):
            raise serializers.ValidationError(
                {"adres": ["Voer een geldig telefoonnummer in (bijvoorbeeld 0612345678)."]}
            )
        return data

    def values(self) -> dict[str, Any]:
        names = {
            "adres": "address",
            "soortDigitaalAdres": "kind",
            "isStandaardAdres": "is_default",
            "omschrijving": "description",
            "referentie": "reference",
            "verificatieDatum": "verified_on",
        }
        return {
            field: self.validated_data[key]
            for key, field in names.items()
            if key in self.validated_data
        }


class ActorKlantcontactIn(serializers.Serializer):
    actor = ForeignKeyIn()
    klantcontact = ForeignKeyIn()
