# SPDX-License-Identifier: EUPL-1.2
"""The standard's own OpenAPI document of each ZGW API, as Plus1 serves it.

Each API package holds the VNG file (`zgw/<api>/openapi.yaml`). It is parsed once; what
Plus1 changes is only what a client needs to know about this installation: `servers`, and
where Plus1 serves more or less than the standard (`x-plus1`, a section at the end of
`info.description`, and `x-plus1-not-served` on operations that are not served). The
rendered bytes are cached; a request only swaps in its own server URL.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

Format = Literal["yaml", "json"]

PACKAGE = Path(__file__).resolve().parent.parent
SERVER_PLACEHOLDER = "https://plus1.invalid/server-placeholder"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class ApiNotes:
    """What Plus1 serves beyond the standard's document and what it leaves out.

    Operations are "METHOD /path" exactly as the standard's document names the path;
    `src/plus1/zgw/tests/test_openapi_documents.py` checks both lists against the routes."""

    extensions: tuple[str, ...] = ()
    not_served: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True)
class ApiDocument:
    api: str
    notes: ApiNotes = field(default_factory=ApiNotes)

    @property
    def source(self) -> Path:
        return PACKAGE / self.api / "openapi.yaml"


COMMON_REMARKS = (
    "`GET` op de API-root en op `schema/openapi.yaml` en `schema/openapi.json` geeft dit "
    "document (openbaar, zonder token); `schema/` toont het als naslag voor mensen.",
    "Verwijzingen (`$ref`) naar de documenten van andere ZGW API's wijzen naar die "
    "documenten op deze server; een schema dat daar niet bestaat, staat er als object "
    "met de oorspronkelijke verwijzing in de beschrijving.",
)
# External `$ref`s of the standard's files (to GitHub, or to paths of the VNG repository)
# name the other API by its component code or its name.
REF_TARGETS = {"ztc": "catalogi", "catalogi": "catalogi", "zrc": "zaken", "zaken": "zaken"}
REF_TARGETS |= {"drc": "documenten", "documenten": "documenten", "brc": "besluiten"}

# The Klantinteracties API: which of the standard's operations Plus1 serves on its contact
# rows (docs/klantinteracties.md); resources that have no place in the platform are not served.
_KI_ALL = ("GET", "POST"), ("GET", "PUT", "PATCH", "DELETE")
_KI_NOT_SERVED_RESOURCES = (
    "bijlagen",
    "categorie-relaties",
    "categorieen",
    "rekeningnummers",
    "vertegenwoordigingen",
)
_KI_NOT_SERVED_DETAIL = {
    "actorklantcontacten": ("PUT", "PATCH"),
    "partij-identificatoren": ("PUT", "PATCH", "DELETE"),
    "klantcontacten": ("DELETE",),
    "onderwerpobjecten": ("PUT", "PATCH"),
    "internetaken": ("DELETE",),
    "partijen": ("PUT", "PATCH", "DELETE"),
    "actoren": ("PUT", "PATCH", "DELETE"),
}
KLANTINTERACTIES_NOT_SERVED = (
    *(
        f"{method} /{resource}{suffix}"
        for resource in _KI_NOT_SERVED_RESOURCES
        for methods, suffix in zip(_KI_ALL, ("", "/{uuid}"), strict=True)
        for method in methods
    ),
    "POST /actoren",
    "POST /partij-identificatoren",
    *(
        f"{method} /{resource}/{{uuid}}"
        for resource, methods in _KI_NOT_SERVED_DETAIL.items()
        for method in methods
    ),
)

DOCUMENTS: dict[str, ApiDocument] = {
    doc.api: doc
    for doc in (
        ApiDocument(
            "catalogi",
            ApiNotes(
                extensions=(
                    "PUT /catalogussen/{uuid}",
                    "PATCH /catalogussen/{uuid}",
                    "DELETE /catalogussen/{uuid}",
                ),
                remarks=(
                    "Een catalogus kan ook worden gewijzigd en verwijderd (scope "
                    "`catalogi.schrijven`); de standaard kent alleen aanmaken en lezen.",
                ),
            ),
        ),
        ApiDocument(
            "zaken",
            ApiNotes(
                not_served=(
                    "POST /zaken/{zaak_uuid}/besluiten",
                    "DELETE /zaken/{zaak_uuid}/besluiten/{uuid}",
                ),
                remarks=(
                    "`expand` werkt bij zaken (lijst, detail en `_zoek`, de paden van de "
                    "standaard, genest met punten); wat de applicatie niet mag lezen wordt "
                    "niet uitgebreid. Bij andere resources wordt `expand` geaccepteerd maar "
                    "genegeerd.",
                    "Een zaakbesluit ontstaat door een besluit met `zaak` aan te maken in "
                    "de Besluiten API.",
                ),
            ),
        ),
        ApiDocument(
            "documenten",
            ApiNotes(
                remarks=(
                    "`expand=informatieobject` werkt bij verzendingen; bij andere resources "
                    "wordt `expand` geaccepteerd maar genegeerd.",
                    "Een verzending heeft precies één adres of kanaal (code "
                    "`invalid-address`, zoals de referentie-implementatie).",
                    "`POST /objectinformatieobjecten` controleert alleen: de relatie zelf "
                    "ontstaat via de Zaken API en de Besluiten API.",
                ),
            ),
        ),
        ApiDocument("besluiten"),
        ApiDocument(
            "autorisaties",
            ApiNotes(
                remarks=(
                    "`component` kent ook `kic` (Klantinteracties API, scopes "
                    "`klantinteracties.lezen` en `klantinteracties.schrijven`).",
                ),
            ),
        ),
        ApiDocument(
            "notificaties",
            ApiNotes(
                remarks=(
                    "`POST /notificaties` antwoordt 201, zoals Open Notificaties en de "
                    "VNG-testsuite verwachten; dit document (1.0.0) noemt 200.",
                    "Plus1-uitbreiding: een abonnement met `berichtformaat` `cloudevents` "
                    "(standaard `zgw`) krijgt zijn notificaties als CloudEvent volgens het "
                    "NL GOV profile for CloudEvents (`application/cloudevents+json`).",
                ),
            ),
        ),
        ApiDocument("referentielijsten"),
        ApiDocument(
            "klantinteracties",
            ApiNotes(
                not_served=KLANTINTERACTIES_NOT_SERVED,
                remarks=(
                    "Authenticatie zoals bij de ZGW API's: een JWT (HS256) met `client_id`, "
                    "en de scopes `klantinteracties.lezen` en `klantinteracties.schrijven` "
                    "van component `kic` in de Autorisaties API; niet `Token …`.",
                    "Een klantcontact is een contactmoment van Plus1 en heeft ten hoogste "
                    "één betrokkene (de partij of het anonieme contact) en één "
                    "onderwerpobject (een zaak, `codeObjecttype` `zaak`).",
                    "Een interne taak is een terugbelverzoek voor een team; de toegewezen "
                    "actor is dat team (organisatorische eenheid).",
                    "Actoren (medewerkers en teams) en partij-identificatoren zijn alleen "
                    "te lezen; partijen kunnen worden aangemaakt en gelezen; een "
                    "actorklantcontact legt de ene medewerker van een klantcontact vast.",
                    "`expand` werkt bij klantcontacten, betrokkenen en partijen.",
                    "De volledige vertaling staat in docs/klantinteracties.md.",
                ),
            ),
        ),
    )
}


@cache
def standard_document(api: str) -> dict[str, Any]:
    """The standard's document of `api`, parsed once (libyaml when present)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DOCUMENTS[api].source.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.load(handle, Loader=loader)  # noqa: S506 (safe loader)
    return document


def _described(doc: ApiDocument) -> dict[str, Any]:
    """A copy of the standard's document with this installation's notes added."""
    original = standard_document(doc.api)
    document = dict(original)
    notes = doc.notes
    document["servers"] = [{"url": SERVER_PLACEHOLDER, "description": "Deze installatie van Plus1"}]
    info = dict(original["info"])
    info["description"] = (
        str(info.get("description", "")).rstrip() + "\n\n" + _notes_markdown(notes)
    )
    document["info"] = info
    document["x-plus1"] = {
        "extensions": list(notes.extensions),
        "notServed": list(notes.not_served),
        "remarks": [*COMMON_REMARKS, *notes.remarks],
    }
    if notes.not_served:
        document["paths"] = _marked_not_served(original["paths"], set(notes.not_served))
    local: dict[str, Any] = _with_local_refs(document)
    return local


def _with_local_refs(node: Any) -> Any:
    """`node` with every external `$ref` pointed at the document on this server."""
    if isinstance(node, list):
        return [_with_local_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#"):
        return _local_ref(ref)
    return {key: _with_local_refs(value) for key, value in node.items()}


def _local_ref(ref: str) -> dict[str, Any]:
    location, _, fragment = ref.partition("#")
    name = fragment.rsplit("/", 1)[-1]
    parts = set(re.split(r"[/.]", location))
    api = next((REF_TARGETS[part] for part in parts if part in REF_TARGETS), None)
    schemas = standard_document(api).get("components", {}).get("schemas", {}) if api else {}
    if fragment.startswith("/components/schemas/") and name in schemas:
        from django.urls import reverse  # the URLconf imports this module

        return {"$ref": reverse("zgw-openapi:json", kwargs={"api": api}) + "#" + fragment}
    return {"type": "object", "description": f"Zie `{ref}` (schema niet beschikbaar)."}


def _notes_markdown(notes: ApiNotes) -> str:
    lines = ["## Plus1", "", "Wat Plus1 anders doet dan dit document van de standaard:", ""]
    lines += [f"* Extra: `{operation}`" for operation in notes.extensions]
    lines += [f"* Niet beschikbaar: `{operation}`" for operation in notes.not_served]
    lines += [f"* {remark}" for remark in (*COMMON_REMARKS, *notes.remarks)]
    lines += ["", "Dezelfde lijsten staan machineleesbaar onder `x-plus1`."]
    return "\n".join(lines)


def _marked_not_served(paths: dict[str, Any], not_served: set[str]) -> dict[str, Any]:
    marked: dict[str, Any] = {}
    for path, item in paths.items():
        marked[path] = dict(item)
        for method in METHODS:
            if f"{method.upper()} {path}" in not_served and method in item:
                operation = dict(item[method])
                operation["x-plus1-not-served"] = True
                operation["description"] = "**Niet beschikbaar in Plus1.**\n\n" + str(
                    operation.get("description", "")
                )
                marked[path][method] = operation
    return marked


@cache
def _template(api: str, fmt: Format) -> bytes:
    document = _described(DOCUMENTS[api])
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text.encode("utf-8")


@lru_cache(maxsize=64)
def rendered(api: str, fmt: Format, server_url: str) -> tuple[bytes, str]:
    """The served document of `api` in `fmt`, with `servers` pointing at `server_url`, and
    its ETag. Hosts are limited by ALLOWED_HOSTS; the cache holds a few per API."""
    template = _template(api, fmt)
    assert template.count(SERVER_PLACEHOLDER.encode()) == 1
    body = template.replace(SERVER_PLACEHOLDER.encode(), server_url.encode())
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def title_and_version(api: str) -> tuple[str, str]:
    info = standard_document(api)["info"]
    return str(info.get("title", api)), str(info.get("version", ""))
