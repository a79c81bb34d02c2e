# SPDX-License-Identifier: EUPL-1.2
"""Every field the standard's documents mark `nullable` accepts null: walked from the
request-body schemas of every write operation, down into nested objects."""

from typing import Any

import pytest
from rest_framework import serializers

from plus1.zgw.autorisaties.views import ApplicatieIn
from plus1.zgw.besluiten.views import BesluitIn, BioIn
from plus1.zgw.catalogi.views.parts import (
    EigenschapIn,
    ResultaatTypeIn,
    RolTypeIn,
    ZaakObjectTypeIn,
    ZaakTypeInformatieObjectTypeIn,
)
from plus1.zgw.catalogi.views.types import BesluitTypeIn, InformatieObjectTypeIn
from plus1.zgw.catalogi.views.zaaktypen import CatalogusIn, StatusTypeIn, ZaakTypeIn
from plus1.zgw.documenten.io import DocumentIn, LinkIn, UsageRightIn
from plus1.zgw.documenten.verzendingen import VerzendingIn
from plus1.zgw.notificaties.views import AbonnementIn, KanaalIn, MessageIn
from plus1.zgw.openapi.documents import standard_document
from plus1.zgw.tests.conftest import ZAKEN, zaak_body
from plus1.zgw.zaken.io.records import (
    KlantContactIn,
    ResultaatIn,
    RolIn,
    ZaakEigenschapIn,
    ZaakObjectIn,
)
from plus1.zgw.zaken.io.zaken import StatusIn, ZaakIn
from plus1.zgw.zaken.views.documents import ZaakInformatieObjectIn

# The request-body schema of each write operation → the input Plus1 validates it with.
INPUTS: dict[str, dict[str, type[serializers.Serializer]]] = {
    "zaken": {
        "Zaak": ZaakIn,
        "PatchedZaak": ZaakIn,
        "Status": StatusIn,
        "Rol": RolIn,
        "Resultaat": ResultaatIn,
        "PatchedResultaat": ResultaatIn,
        "ZaakObject": ZaakObjectIn,
        "PatchedZaakObject": ZaakObjectIn,
        "ZaakEigenschap": ZaakEigenschapIn,
        "PatchedZaakEigenschap": ZaakEigenschapIn,
        "KlantContact": KlantContactIn,
        "ZaakInformatieObject": ZaakInformatieObjectIn,
        "PatchedZaakInformatieObject": ZaakInformatieObjectIn,
    },
    "catalogi": {
        "Catalogus": CatalogusIn,
        "ZaakTypeCreate": ZaakTypeIn,
        "ZaakTypeUpdate": ZaakTypeIn,
        "StatusType": StatusTypeIn,
        "PatchedStatusType": StatusTypeIn,
        "RolType": RolTypeIn,
        "PatchedRolType": RolTypeIn,
        "Eigenschap": EigenschapIn,
        "PatchedEigenschap": EigenschapIn,
        "ZaakObjectType": ZaakObjectTypeIn,
        "PatchedZaakObjectType": ZaakObjectTypeIn,
        "ResultaatTypeCreate": ResultaatTypeIn,
        "PatchedResultaatType": ResultaatTypeIn,
        "ZaakTypeInformatieObjectType": ZaakTypeInformatieObjectTypeIn,
        "PatchedZaakTypeInformatieObjectType": ZaakTypeInformatieObjectTypeIn,
        "InformatieObjectType": InformatieObjectTypeIn,
        "BesluitTypeCreate": BesluitTypeIn,
        "BesluitTypeUpdate": BesluitTypeIn,
    },
    "documenten": {
        "EnkelvoudigInformatieObjectCreateLockRequest": DocumentIn,
        "EnkelvoudigInformatieObjectWithLockRequest": DocumentIn,
        "PatchedEnkelvoudigInformatieObjectWithLockRequest": DocumentIn,
        "GebruiksrechtenRequest": UsageRightIn,
        "PatchedGebruiksrechtenRequest": UsageRightIn,
        "ObjectInformatieObjectRequest": LinkIn,
        "VerzendingRequest": VerzendingIn,
        "PatchedVerzendingRequest": VerzendingIn,
    },
    "besluiten": {"Besluit": BesluitIn, "BesluitInformatieObject": BioIn},
    "autorisaties": {"Applicatie": ApplicatieIn},
    "notificaties": {"Kanaal": KanaalIn, "Abonnement": AbonnementIn, "Message": MessageIn},
}
# Request bodies without a nullable field of their own, or not validated by a serializer.
OTHER_BODIES = {
    "ZaakZoek",  # the filters of POST /zaken/_zoek (ZaakFilter)
    "EIOZoekRequest",  # uuid__in, expand
    "ZaakBesluit",  # one URL, required
    "ZaakContactMoment",  # two URLs, required
    "ZaakVerzoek",
    "BestandsDeelRequest",  # a file part (multipart)
    "UnlockEnkelvoudigInformatieObjectRequest",
    "",  # inline bodies (publish: no fields)
}


def _node(document: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _properties(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        ref = schema["$ref"]
        return _properties(document, _node(document, ref)) if ref.startswith("#/") else {}
    found: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        found.update(_properties(document, part))
    found.update(schema.get("properties", {}))
    return found


def _nullable(spec: dict[str, Any]) -> bool:
    return bool(spec.get("nullable")) or any(
        isinstance(part, dict) and part.get("nullable") for part in spec.get("allOf", [])
    )


def request_bodies(api: str) -> set[str]:
    document = standard_document(api)
    names = set()
    for item in document["paths"].values():
        for method, operation in item.items():
            if method not in ("post", "put", "patch") or "requestBody" not in operation:
                continue
            body = operation["requestBody"]
            if "$ref" in body:
                body = _node(document, body["$ref"])
            for content in body.get("content", {}).values():
                names.add(content["schema"].get("$ref", "").rsplit("/", 1)[-1])
    return names


def refused_nulls(api: str, label: str, schema: dict, fields: dict, depth: int = 0) -> list[str]:
    document = standard_document(api)
    refused = []
    for name, spec in _properties(document, schema).items():
        if spec.get("readOnly") or name not in fields:
            continue
        field = fields[name]
        if _nullable(spec):
            try:
                field.run_validation(None)
            except serializers.ValidationError as exc:
                refused.append(f"{label}.{name}: {exc.detail}")
        inner = field.child if isinstance(field, serializers.ListSerializer) else field
        if isinstance(inner, serializers.Serializer) and depth < 3:
            nested = spec.get("items", spec)
            refused += refused_nulls(api, f"{label}.{name}", nested, inner.fields, depth + 1)
    return refused


@pytest.mark.parametrize("api", list(INPUTS))
def test_every_request_body_of_the_standard_is_walked(api):
    assert request_bodies(api) - set(INPUTS[api]) - OTHER_BODIES == set()


@pytest.mark.parametrize("api", list(INPUTS))
def test_every_nullable_field_accepts_null(api):
    schemas = standard_document(api)["components"]["schemas"]
    refused = []
    for name, serializer in INPUTS[api].items():
        refused += refused_nulls(api, name, schemas[name], serializer().fields)
    assert refused == []


def test_a_zaak_with_a_null_processobjectaard_is_created(superclient, case_type):
    body = zaak_body(case_type, processobjectaard=None)
    response = superclient.post(f"{ZAKEN}/zaken", body, format="json")
    assert response.status_code == 201, response.json()
    shown = superclient.get(response.json()["url"])
    assert shown.json()["processobjectaard"] in ("", None)
