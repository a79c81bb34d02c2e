# SPDX-License-Identifier: EUPL-1.2
"""Links from the Catalogi API to the Referentielijsten (selectielijst) data shipped in
plus1/zgw/data, and the archiving rules of a resultaattype (ztc-002 … ztc-008).

A link is valid when its path ends in /<collection>/<uuid> of a row in that data, on
this server or on another host that serves the same VNG lists."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from rest_framework import serializers

DATA = Path(__file__).resolve().parent.parent / "data"
_UUID = re.compile(r"/([a-z]+)/([0-9a-fA-F-]{36})/?$")


@cache
def _index(collection: str) -> dict[str, dict[str, Any]]:
    rows = json.loads((DATA / f"{collection}.json").read_text(encoding="utf-8"))
    return {row["url"]: row for row in rows}


def _key(url: str) -> tuple[str, str] | None:
    match = _UUID.search(url.split("?")[0])
    return (match.group(1), match.group(2).lower()) if match else None


def lookup(url: str, collection: str) -> dict[str, Any] | None:
    """The selectielijst row behind a URL, or None when it does not point to one."""
    key = _key(url or "")
    if key is None or key[0] != collection:
        return None
    return _index(collection).get(key[1])


def uuid_of(url: str) -> str | None:
    key = _key(url or "")
    return key[1] if key else None


def invalid_resource(field: str) -> serializers.ValidationError:
    error = serializers.ErrorDetail(
        "De URL verwijst niet naar een object van het juiste soort.", code="invalid-resource"
    )
    return serializers.ValidationError({field: [error]})


AFLEIDINGSWIJZEN = [
    "afgehandeld",
    "ander_datumkenmerk",
    "eigenschap",
    "gerelateerde_zaak",
    "hoofdzaak",
    "ingangsdatum_besluit",
    "termijn",
    "vervaldatum_besluit",
    "zaakobject",
]
#: Per field of brondatumArchiefprocedure: the afleidingswijzen that require it; all
#: others require it to be empty.
REQUIRED_FOR = {
    "datumkenmerk": {"eigenschap", "zaakobject", "ander_datumkenmerk"},
    "objecttype": {"zaakobject", "ander_datumkenmerk"},
    "registratie": {"ander_datumkenmerk"},
    "procestermijn": {"termijn"},
}
#: einddatumBekend may be true except for these.
NO_END_DATE = {"afgehandeld", "termijn"}
#: The only afleidingswijze a selectielijst procestermijn allows.
FOR_PROCESTERMIJN = {
    "nihil": "afgehandeld",
    "ingeschatte_bestaansduur_procesobject": "termijn",
}


def archive_problems(brondatum: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every breach of the field rules of brondatumArchiefprocedure, as (field, text, code)."""
    wijze = brondatum.get("afleidingswijze", "")
    found: list[tuple[str, str, str]] = []
    if wijze in NO_END_DATE and brondatum.get("einddatumBekend"):
        found.append(("einddatumBekend", "Dit veld moet leeg zijn.", "must-be-empty"))
    for name, required_for in REQUIRED_FOR.items():
        filled = bool(brondatum.get(name))
        if wijze in required_for and not filled:
            found.append((name, "Dit veld is verplicht.", "required"))
        elif wijze not in required_for and filled:
            found.append((name, "Dit veld moet leeg zijn.", "must-be-empty"))
    return [(f"brondatumArchiefprocedure.{name}", text, code) for name, text, code in found]


def procestermijn_problem(brondatum: dict[str, Any], resultaat: dict[str, Any]) -> str | None:
    """The afleidingswijze a selectielijstklasse with this procestermijn needs, if another."""
    allowed = FOR_PROCESTERMIJN.get(resultaat.get("procestermijn") or "")
    return allowed if allowed and brondatum.get("afleidingswijze") != allowed else None
