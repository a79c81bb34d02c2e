# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0: render functions (rows → resources) and input serializers.

The mapping between the standard's resources and the platform's rows is in
docs/klantinteracties.md; in short: klantcontact = ContactMoment, betrokkene and
onderwerpobject = the party and the case of that contact moment (with derived UUIDs),
interne taak = Callback, partij = identity.Party, digitaal adres = DigitalAddress,
actor = a staff user (medewerker) or a team (organisatorische eenheid)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.contrib.auth.models import User
from rest_framework import serializers

from plus1.contact.klantinteracties_models import DigitalAddress, KlantcontactDetails
from plus1.contact.models import Callback, ContactChannel, ContactMoment
from plus1.identity.models import Party, Team
from plus1.zgw.base import Urls
from plus1.zgw.uuids import to_uuid

ROOT = "/klantinteracties/api/v1"
KLANTCONTACT = f"{ROOT}/klantcontacten"
BETROKKENE = f"{ROOT}/betrokkenen"
ONDERWERPOBJECT = f"{ROOT}/onderwerpobjecten"
INTERNETAAK = f"{ROOT}/internetaken"
PARTIJ = f"{ROOT}/partijen"
PARTIJIDENTIFICATOR = f"{ROOT}/partij-identificatoren"
DIGITAALADRES = f"{ROOT}/digitaleadressen"
ACTOR = f"{ROOT}/actoren"
ACTORKLANTCONTACT = f"{ROOT}/actorklantcontacten"

# The standard's `kanaal` is free text; Plus1 knows these channels (case-insensitive).
CHANNELS = {choice.value: choice.value for choice in ContactChannel}
CHANNELS |= {"email": "e-mail", "mail": "e-mail", "telefonisch": "telefoon", "post": "brief"}
CHANNELS |= {"sociale_media": "sociale media", "socialemedia": "sociale media"}
STATUS_OUT = {Callback.Status.OPEN: "te_verwerken", Callback.Status.DONE: "verwerkt"}
PHONE = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")
ZAAK = {"codeObjecttype": "zaak", "codeRegister": "openzaak", "codeSoortObjectId": "uuid"}
LANGUAGE = "dut"


def fk(path: str, key: object, urls: Urls) -> dict[str, str]:
    return {"uuid": str(key), "url": urls(path, key)}


def details_of(moment: ContactMoment) -> KlantcontactDetails | None:
    try:
        return moment.klantinteracties
    except KlantcontactDetails.DoesNotExist:
        return None


def has_betrokkene(moment: ContactMoment) -> bool:
    details = details_of(moment)
    return bool(moment.party_id) or bool(details and details.has_betrokkene)


def betrokkene_uuid(moment: ContactMoment) -> uuid.UUID:
    return to_uuid("betrokkene", moment.pk)


def onderwerpobject_uuid(moment: ContactMoment) -> uuid.UUID:
    return to_uuid("onderwerpobject", moment.pk)


def medewerker_uuid(user: User) -> uuid.UUID:
    return to_uuid("medewerker", user.pk)


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


# --- klantcontacten -------------------------------------------------------------------------


def render_klantcontact(moment: ContactMoment, urls: Urls) -> dict[str, Any]:
    details = details_of(moment)
    subject = (details.subject if details else "") or (
        moment.product.name if moment.product else ""
    )
    succeeded = details.contact_succeeded if details else None
    return {
        "uuid": str(moment.uuid),
        "url": urls(KLANTCONTACT, moment.uuid),
        "gingOverOnderwerpobjecten": [fk(ONDERWERPOBJECT, onderwerpobject_uuid(moment), urls)]
        if moment.case_id
        else [],
        "hadBetrokkenActoren": [render_medewerker(moment.registered_by, urls)]
        if moment.registered_by
        else [],
        "omvatteBijlagen": [],
        "hadBetrokkenen": [fk(BETROKKENE, betrokkene_uuid(moment), urls)]
        if has_betrokkene(moment)
        else [],
        "leiddeTotInterneTaken": [
            fk(INTERNETAAK, callback.uuid, urls) for callback in moment.created_callbacks.all()
        ],
        "nummer": (details.reference if details else "") or None,
        "referentienummer": (details.reference if details else "") or None,
        "kanaal": moment.channel,
        "onderwerp": subject,
        "inhoud": moment.summary,
        "reactie": details.response if details else "",
        "indicatieContactGelukt": moment.answered if succeeded is None else succeeded,
        "hoofdOnderwerpType": "",
        "verdereActieOndernomen": False,
        "taal": (details.language if details else "") or LANGUAGE,
        "vertrouwelijk": details.confidential if details else False,
        "plaatsgevondenOp": _when(moment.registered_at),
        "metadata": {},
    }


def expand_klantcontact(moment: ContactMoment, urls: Urls, wanted: set[str]) -> dict[str, Any]:
    body = render_klantcontact(moment, urls)
    if not wanted:
        return body
    expanded: dict[str, Any] = {}
    if wanted & {"hadBetrokkenen", "hadBetrokkenen.wasPartij", "hadBetrokkenen.digitaleAdressen"}:
        inner = {item.split(".", 1)[1] for item in wanted if item.startswith("hadBetrokkenen.")}
        expanded["hadBetrokkenen"] = (
            [expand_betrokkene(moment, urls, inner)] if has_betrokkene(moment) else []
        )
    if "gingOverOnderwerpobjecten" in wanted:
        expanded["gingOverOnderwerpobjecten"] = (
            [render_onderwerpobject(moment, urls)] if moment.case_id else []
        )
    if "leiddeTotInterneTaken" in wanted:
        expanded["leiddeTotInterneTaken"] = [
            render_internetaak(callback, urls) for callback in moment.created_callbacks.all()
        ]
    if "omvatteBijlagen" in wanted:
        expanded["omvatteBijlagen"] = []
    body["_expand"] = expanded
    return body


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


# --- betrokkenen ----------------------------------------------------------------------------


def render_betrokkene(moment: ContactMoment, urls: Urls) -> dict[str, Any]:
    details = details_of(moment)
    party = moment.party
    name = (details.contact_name if details else "") or (party.name if party else "")
    return {
        "uuid": str(betrokkene_uuid(moment)),
        "url": urls(BETROKKENE, betrokkene_uuid(moment)),
        "wasPartij": fk(PARTIJ, party.uuid, urls) if party else None,
        "hadKlantcontact": fk(KLANTCONTACT, moment.uuid, urls),
        "digitaleAdressen": [
            fk(DIGITAALADRES, address.uuid, urls) for address in moment.digital_addresses.all()
        ],
        "bezoekadres": None,
        "correspondentieadres": None,
        "contactnaam": {
            "voorletters": details.initials if details else "",
            "voornaam": details.first_name if details else "",
            "voorvoegselAchternaam": details.surname_prefix if details else "",
            "achternaam": (details.surname if details else "") or (party.name if party else ""),
        },
        "volledigeNaam": name,
        "rol": details.role if details else KlantcontactDetails.Role.CUSTOMER,
        "organisatienaam": details.organisation_name if details else "",
        "initiator": details.initiator if details else True,
    }


def expand_betrokkene(moment: ContactMoment, urls: Urls, wanted: set[str]) -> dict[str, Any]:
    body = render_betrokkene(moment, urls)
    if not wanted:
        return body
    expanded: dict[str, Any] = {}
    if "digitaleAdressen" in wanted:
        expanded["digitaleAdressen"] = [
            render_digitaal_adres(address, urls) for address in moment.digital_addresses.all()
        ]
    if "wasPartij" in wanted:
        expanded["wasPartij"] = render_partij(moment.party, urls) if moment.party else None
    body["_expand"] = expanded
    return body


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


# --- onderwerpobjecten ----------------------------------------------------------------------


def render_onderwerpobject(moment: ContactMoment, urls: Urls) -> dict[str, Any]:
    return {
        "uuid": str(onderwerpobject_uuid(moment)),
        "url": urls(ONDERWERPOBJECT, onderwerpobject_uuid(moment)),
        "klantcontact": fk(KLANTCONTACT, moment.uuid, urls),
        "wasKlantcontact": None,
        "onderwerpobjectidentificator": {**ZAAK, "objectId": str(moment.case.uuid)}
        if moment.case
        else None,
    }


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


# --- maak-klantcontact ----------------------------------------------------------------------


class BetrokkeneInKlantcontact(BetrokkeneIn):
    hadKlantcontact = ForeignKeyIn(required=False)  # read-only here: the new klantcontact


class OnderwerpobjectInKlantcontact(OnderwerpobjectIn):
    klantcontact = ForeignKeyIn(required=False)  # read-only here: the new klantcontact


class MaakKlantcontactIn(serializers.Serializer):
    klantcontact = KlantcontactIn()
    betrokkene = BetrokkeneInKlantcontact(required=False, allow_null=True)
    onderwerpobject = OnderwerpobjectInKlantcontact(required=False, allow_null=True)


# --- internetaken ---------------------------------------------------------------------------


def render_internetaak(callback: Callback, urls: Urls) -> dict[str, Any]:
    details = getattr(callback, "klantinteracties", None)
    team = fk(ACTOR, callback.team.uuid, urls)
    return {
        "uuid": str(callback.uuid),
        "url": urls(INTERNETAAK, callback.uuid),
        "nummer": (details.reference if details else "") or None,
        "referentienummer": (details.reference if details else "") or None,
        "gevraagdeHandeling": (details.requested_action if details else "") or "Terugbellen",
        "aanleidinggevendKlantcontact": fk(KLANTCONTACT, callback.source.uuid, urls)
        if callback.source
        else None,
        "toegewezenAanActor": team,
        "toegewezenAanActoren": [team],
        "toelichting": callback.question,
        "status": STATUS_OUT[Callback.Status(callback.status)],
        "toegewezenOp": _when(callback.created_at),
        "afgehandeldOp": _when(callback.done_at),
    }


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


# --- partijen -------------------------------------------------------------------------------


def _identificator(party: Party, urls: Urls) -> dict[str, Any]:
    key = to_uuid("partijidentificator", party.pk)
    if party.kind == Party.Kind.RESIDENT:
        group = {
            "codeObjecttype": "natuurlijk_persoon",
            "codeSoortObjectId": "bsn",
            "objectId": party.bsn,
            "codeRegister": "brp",
        }
    else:
        group = {
            "codeObjecttype": "niet_natuurlijk_persoon",
            "codeSoortObjectId": "kvk_nummer",
            "objectId": party.kvk_number or "",
            "codeRegister": "hr",
        }
    return {
        "uuid": str(key),
        "url": urls(PARTIJIDENTIFICATOR, key),
        "identificeerdePartij": fk(PARTIJ, party.uuid, urls),
        "anderePartijIdentificator": "",
        "partijIdentificator": group,
        "subIdentificatorVan": None,
    }


def render_partij(party: Party, urls: Urls) -> dict[str, Any]:
    addresses = list(party.digital_addresses.all())
    default = next((a for a in addresses if a.is_default), None)
    person = party.kind == Party.Kind.RESIDENT
    identification: dict[str, Any] = (
        {
            "contactnaam": {
                "voorletters": "",
                "voornaam": "",
                "voorvoegselAchternaam": "",
                "achternaam": party.name,
            },
            "volledigeNaam": party.name,
        }
        if person
        else {"naam": party.name}
    )
    return {
        "uuid": str(party.uuid),
        "url": urls(PARTIJ, party.uuid),
        "nummer": None,
        "interneNotitie": "",
        "betrokkenen": [
            fk(BETROKKENE, betrokkene_uuid(moment), urls) for moment in party.contact_moments.all()
        ],
        "categorieRelaties": [],
        "digitaleAdressen": [fk(DIGITAALADRES, a.uuid, urls) for a in addresses],
        "voorkeursDigitaalAdres": fk(DIGITAALADRES, default.uuid, urls) if default else None,
        "vertegenwoordigden": [],
        "rekeningnummers": [],
        "voorkeursRekeningnummer": None,
        "partijIdentificatoren": [_identificator(party, urls)],
        "soortPartij": "persoon" if person else "organisatie",
        "indicatieGeheimhouding": None,
        "voorkeurstaal": LANGUAGE,
        "indicatieActief": True,
        "bezoekadres": None,
        "correspondentieadres": None,
        "partijIdentificatie": identification,
    }


def expand_partij(party: Party, urls: Urls, wanted: set[str]) -> dict[str, Any]:
    body = render_partij(party, urls)
    if not wanted:
        return body
    expanded: dict[str, Any] = {}
    if "digitaleAdressen" in wanted:
        expanded["digitaleAdressen"] = [
            render_digitaal_adres(a, urls) for a in party.digital_addresses.all()
        ]
    if wanted & {"betrokkenen", "betrokkenen.hadKlantcontact"}:
        rows = []
        for moment in party.contact_moments.all():
            row = render_betrokkene(moment, urls)
            if "betrokkenen.hadKlantcontact" in wanted:
                row["_expand"] = {"hadKlantcontact": render_klantcontact(moment, urls)}
            rows.append(row)
        expanded["betrokkenen"] = rows
    if "categorieRelaties" in wanted:
        expanded["categorieRelaties"] = []
    body["_expand"] = expanded
    return body


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


# --- digitale adressen ----------------------------------------------------------------------


def render_digitaal_adres(address: DigitalAddress, urls: Urls) -> dict[str, Any]:
    moment = address.contact_moment
    return {
        "uuid": str(address.uuid),
        "url": urls(DIGITAALADRES, address.uuid),
        "verstrektDoorBetrokkene": fk(BETROKKENE, betrokkene_uuid(moment), urls)
        if moment
        else None,
        "verstrektDoorPartij": fk(PARTIJ, address.party.uuid, urls) if address.party else None,
        "adres": address.address,
        "soortDigitaalAdres": address.kind,
        "isStandaardAdres": address.is_default,
        "omschrijving": address.description,
        "referentie": address.reference,
        "verificatieDatum": _when(address.verified_on),
    }


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


# --- actoren --------------------------------------------------------------------------------


def render_medewerker(user: User, urls: Urls) -> dict[str, Any]:
    key = medewerker_uuid(user)
    return {
        "uuid": str(key),
        "url": urls(ACTOR, key),
        "naam": user.get_full_name() or user.username,
        "soortActor": "medewerker",
        "indicatieActief": user.is_active,
        "actoridentificator": {
            "objectId": user.email or user.username,
            "codeObjecttype": "mdw",
            "codeRegister": "handmatig",
            "codeSoortObjectId": "email" if user.email else "gebruikersnaam",
        },
        "actorIdentificatie": {
            "functie": "medewerker",
            "emailadres": user.email,
            "telefoonnummer": "",
        },
    }


def render_team(team: Team, urls: Urls) -> dict[str, Any]:
    return {
        "uuid": str(team.uuid),
        "url": urls(ACTOR, team.uuid),
        "naam": team.name,
        "soortActor": "organisatorische_eenheid",
        "indicatieActief": True,
        "actoridentificator": {
            "objectId": team.slug,
            "codeObjecttype": "grp",
            "codeRegister": "plus1",
            "codeSoortObjectId": "slug",
        },
        "actorIdentificatie": {
            "omschrijving": team.name,
            "emailadres": team.email,
            "faxnummer": "",
            "telefoonnummer": "",
        },
    }


def render_actor(actor: User | Team, urls: Urls) -> dict[str, Any]:
    return render_team(actor, urls) if isinstance(actor, Team) else render_medewerker(actor, urls)


def render_actorklantcontact(moment: ContactMoment, urls: Urls) -> dict[str, Any]:
    """The staff member who registered a contact moment, as the link the standard has."""
    key = to_uuid("actorklantcontact", moment.pk)
    assert moment.registered_by is not None  # selectors.actorklantcontacten keeps only these
    return {
        "uuid": str(key),
        "url": urls(ACTORKLANTCONTACT, key),
        "actor": fk(ACTOR, medewerker_uuid(moment.registered_by), urls),
        "klantcontact": fk(KLANTCONTACT, moment.uuid, urls),
    }


class ActorKlantcontactIn(serializers.Serializer):
    actor = ForeignKeyIn()
    klantcontact = ForeignKeyIn()


def render_partij_identificator(party: Party, urls: Urls) -> dict[str, Any]:
    return _identificator(party, urls)
