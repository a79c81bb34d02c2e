# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0: render functions, rows → resources (docs/klantinteracties.md)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import User

from plus1.contact.klantinteracties_models import DigitalAddress, KlantcontactDetails
from plus1.contact.models import Callback, ContactMoment
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
STATUS_OUT = {Callback.Status.OPEN: "te_verwerken", Callback.Status.DONE: "verwerkt"}
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


def render_partij_identificator(party: Party, urls: Urls) -> dict[str, Any]:
    return _identificator(party, urls)
