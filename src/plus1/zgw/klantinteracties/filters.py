# SPDX-License-Identifier: EUPL-1.2
"""Query parameters of the Klantinteracties API: every invalid one is named in one 400."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_datetime
from rest_framework import exceptions

from plus1.common.bsn import blind_index
from plus1.identity.models import Party
from plus1.zgw.base import NO_MATCH
from plus1.zgw.uuids import to_pk

NO_PK = -1
BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


class Params:
    """The request's query parameters, read with their type; problems are collected."""

    def __init__(self, params: Any) -> None:
        self.params = params
        self.problems: dict[str, list[str]] = {}

    def given(self, name: str) -> bool:
        return self.params.get(name) not in (None, "")

    def text(self, name: str) -> str:
        return str(self.params.get(name, ""))

    def uuid(self, name: str) -> str | None:
        """A UUID, or the UUID at the end of a resource URL (for the `__url` parameters)."""
        if not self.given(name):
            return None
        value = self.text(name).rstrip("/").rsplit("/", 1)[-1]
        try:
            return str(uuid.UUID(value))
        except ValueError:
            kind = "URL" if name.endswith("url") else "UUID"
            self.problems.setdefault(name, []).append(f"Geef een geldige {kind}.")
            return NO_MATCH

    def boolean(self, name: str) -> bool | None:
        if not self.given(name):
            return None
        value = BOOLEANS.get(self.text(name).lower())
        if value is None:
            self.problems.setdefault(name, []).append("Geef true of false.")
        return value

    def datetime(self, name: str) -> Any:
        if not self.given(name):
            return None
        value = parse_datetime(self.text(name))
        if value is None:
            self.problems.setdefault(name, []).append("Geef een datum en tijd (ISO 8601).")
        return value

    def check(self) -> None:
        if self.problems:
            raise exceptions.ValidationError(self.problems)


def derived_pk(kind: str, key: str | None) -> int:
    pk = to_pk(kind, key) if key else None
    return pk if pk is not None else NO_PK


def either(p: Params, stem: str) -> str | None:
    return p.uuid(f"{stem}__uuid") or p.uuid(f"{stem}__url")


def party_identifier(p: Params, prefix: str) -> Q | None:
    """`<prefix>__objectId` (with `__codeSoortObjectId`): a BSN by its blind index (the
    clear BSN is never stored), a KVK number as is."""
    value = p.text(f"{prefix}__objectId").strip()
    if not value:
        return None
    kind = p.text(f"{prefix}__codeSoortObjectId").lower()
    if kind == "bsn" or (not kind and len(value) == 9):
        return Q(bsn_index=blind_index(value))
    if kind in ("kvk_nummer", "") and value.isdigit():
        return Q(kvk_number=value)
    return Q(pk__in=[])


def klantcontacten(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    for name, field in (("kanaal", "channel"), ("onderwerp", "klantinteracties__subject")):
        if p.given(name):
            rows = rows.filter(**{field: p.text(name)})
    if p.given("inhoud"):
        rows = rows.filter(summary__icontains=p.text("inhoud"))
    if p.given("reactie"):
        rows = rows.filter(klantinteracties__response__icontains=p.text("reactie"))
    for name in ("nummer", "referentienummer"):
        if p.given(name):
            rows = rows.filter(klantinteracties__reference=p.text(name))
    if (gelukt := p.boolean("indicatieContactGelukt")) is not None:
        rows = rows.filter(answered=gelukt)
    if (secret := p.boolean("vertrouwelijk")) is not None:
        rows = (
            rows.filter(klantinteracties__confidential=secret)
            if secret
            else rows.exclude(klantinteracties__confidential=True)
        )
    if (when := p.datetime("plaatsgevondenOp")) is not None:
        rows = rows.filter(registered_at=when)
    if key := either(p, "hadBetrokkene"):
        rows = rows.filter(pk=derived_pk("betrokkene", key))
    if key := (
        p.uuid("hadBetrokkene__wasPartij__uuid")
        or p.uuid("hadBetrokkene__wasPartij__url")
        or p.uuid("hadBetrokkene__wasPartij")
    ):
        rows = rows.filter(party__uuid=key)
    if (who := party_identifier(p, "hadBetrokkene__wasPartij__partijIdentificator")) is not None:
        rows = rows.filter(party__in=Party.objects.filter(who))
    if p.given("hadBetrokkene__digitaaladres__adres__icontains"):
        rows = rows.filter(
            digital_addresses__address__icontains=p.text(
                "hadBetrokkene__digitaaladres__adres__icontains"
            )
        ).distinct()
    for stem in ("onderwerpobject", "wasOnderwerpobject"):
        if key := either(p, stem):
            rows = rows.filter(pk=derived_pk("onderwerpobject", key))
        object_id = p.text(f"{stem}__onderwerpobjectidentificatorObjectId").strip()
        if object_id:
            rows = rows.filter(_case_is(object_id))
    if key := p.uuid("leiddeTotInterneTaken"):
        rows = rows.filter(created_callbacks__uuid=key)
    p.check()
    return rows


def _case_is(object_id: str) -> Q:
    try:
        return Q(case__uuid=uuid.UUID(object_id))
    except ValueError:
        return Q(case__identification=object_id)


def betrokkenen(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if key := either(p, "hadKlantcontact"):
        rows = rows.filter(uuid=key)
    if key := either(p, "wasPartij"):
        rows = rows.filter(party__uuid=key)
    if (who := party_identifier(p, "wasPartij__partijIdentificator")) is not None:
        rows = rows.filter(party__in=Party.objects.filter(who))
    if p.given("organisatienaam"):
        rows = rows.filter(klantinteracties__organisation_name=p.text("organisatienaam"))
    names = {
        "contactnaamVoorletters": "initials",
        "contactnaamVoornaam": "first_name",
        "contactnaamVoorvoegselAchternaam": "surname_prefix",
        "contactnaamAchternaam": "surname",
    }
    for name, field in names.items():
        if p.given(name):
            rows = rows.filter(**{f"klantinteracties__{field}__iexact": p.text(name)})
    if key := either(p, "verstrektedigitaalAdres"):
        rows = rows.filter(digital_addresses__uuid=key)
    if p.given("verstrektedigitaalAdres__adres"):
        rows = rows.filter(digital_addresses__address=p.text("verstrektedigitaalAdres__adres"))
    p.check()
    return rows


def onderwerpobjecten(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if key := either(p, "klantcontact"):
        rows = rows.filter(uuid=key)
    if either(p, "wasKlantcontact"):
        rows = rows.none()  # Plus1 records no klantcontact as the subject of another
    object_id = p.text("onderwerpobjectidentificatorObjectId").strip()
    if object_id:
        rows = rows.filter(_case_is(object_id))
    kind = p.text("onderwerpobjectidentificatorCodeObjecttype").lower()
    if kind and kind != "zaak":
        rows = rows.none()
    p.check()
    return rows


def internetaken(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if p.given("status"):
        status = {"te_verwerken": "open", "verwerkt": "done"}.get(p.text("status"))
        if status is None:
            p.problems["status"] = ["Geef te_verwerken of verwerkt."]
        rows = rows.filter(status=status or "")
    for stem in ("aanleidinggevendKlantcontact", "klantcontact"):
        if key := either(p, stem):
            rows = rows.filter(source__uuid=key)
    if key := either(p, "toegewezenAanActor"):
        rows = rows.filter(team__uuid=key) if to_pk("medewerker", key) is None else rows.none()
    if p.given("actoren__naam"):
        rows = rows.filter(team__name__iexact=p.text("actoren__naam"))
    for name in ("nummer", "referentienummer", "klantcontact__nummer"):
        if p.given(name):
            rows = rows.filter(klantinteracties__reference=p.text(name))
    if (when := p.datetime("toegewezenOp")) is not None:
        rows = rows.filter(created_at=when)
    p.check()
    return rows


def partijen(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if p.given("soortPartij"):
        kind = {"persoon": "resident", "organisatie": "business"}.get(p.text("soortPartij"))
        if kind is None and p.text("soortPartij") != "contactpersoon":
            p.problems["soortPartij"] = ["Geef persoon, organisatie of contactpersoon."]
        rows = rows.filter(kind=kind or "")
    if (who := party_identifier(p, "partijIdentificator")) is not None:
        rows = rows.filter(who)
    if (active := p.boolean("indicatieActief")) is not None and not active:
        rows = rows.none()  # every party of the platform is active
    if either(p, "vertegenwoordigdePartij"):
        rows = rows.none()  # Plus1 records no vertegenwoordigingen
    p.check()
    return rows


def digitale_adressen(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if key := either(p, "verstrektDoorPartij"):
        rows = rows.filter(party__uuid=key)
    if key := either(p, "verstrektDoorBetrokkene"):
        rows = rows.filter(contact_moment__pk=derived_pk("betrokkene", key))
    if (who := party_identifier(p, "verstrektDoorPartij__partijIdentificator")) is not None:
        rows = rows.filter(party__in=Party.objects.filter(who))
    if p.given("soortDigitaalAdres"):
        rows = rows.filter(kind=p.text("soortDigitaalAdres"))
    if p.given("adres"):
        rows = rows.filter(address=p.text("adres"))
    if p.given("adres__icontains"):
        rows = rows.filter(address__icontains=p.text("adres__icontains"))
    if p.given("omschrijving"):
        rows = rows.filter(description=p.text("omschrijving"))
    if p.given("referentie"):
        rows = rows.filter(reference=p.text("referentie"))
    if (default := p.boolean("isStandaardAdres")) is not None:
        rows = rows.filter(is_default=default)
    if (verified := p.boolean("isGeverifieerd")) is not None:
        rows = rows.filter(verified_on__isnull=not verified)
    p.check()
    return rows


def actoren(users: QuerySet[Any], teams: QuerySet[Any], params: Any) -> tuple[Any, Any]:
    p = Params(params)
    kind = p.text("soortActor")
    if kind and kind not in ("medewerker", "organisatorische_eenheid", "geautomatiseerde_actor"):
        p.problems["soortActor"] = [
            "Geef medewerker, organisatorische_eenheid of geautomatiseerde_actor."
        ]
    if kind and kind != "medewerker":
        users = users.none()
    if kind and kind != "organisatorische_eenheid":
        teams = teams.none()
    if p.given("naam"):
        name = p.text("naam")
        users = users.filter(
            Q(username__iexact=name) | Q(first_name__iexact=name) | Q(last_name__iexact=name)
        )
        teams = teams.filter(name__iexact=name)
    if p.given("actoridentificatorObjectId"):
        value = p.text("actoridentificatorObjectId")
        users = users.filter(Q(email__iexact=value) | Q(username=value))
        teams = teams.filter(slug=value)
    if (active := p.boolean("indicatieActief")) is not None:
        users = users.filter(is_active=active)
        if not active:
            teams = teams.none()
    p.check()
    return users, teams


def actorklantcontacten(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(params)
    if key := either(p, "klantcontact"):
        rows = rows.filter(uuid=key)
    if key := either(p, "actor"):
        rows = rows.filter(registered_by__pk=derived_pk("medewerker", key))
    p.check()
    return rows


def partij_identificatoren(rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
    p = Params(
        {
            "partijIdentificator__objectId": params.get("partijIdentificatorObjectId", ""),
            "partijIdentificator__codeSoortObjectId": params.get(
                "partijIdentificatorCodeSoortObjectId", ""
            ),
        }
    )
    if (who := party_identifier(p, "partijIdentificator")) is not None:
        rows = rows.filter(who)
    kind = str(params.get("partijIdentificatorCodeObjecttype", ""))
    if kind:
        rows = rows.filter(
            kind={"natuurlijk_persoon": "resident", "niet_natuurlijk_persoon": "business"}.get(
                kind, ""
            )
        )
    return rows
