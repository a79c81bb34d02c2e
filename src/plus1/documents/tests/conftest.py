# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures for the Documenten and Besluiten API tests: clients and types."""

from __future__ import annotations

import base64
import time

import jwt
import pytest
from rest_framework.test import APIClient

from plus1.audit.services import Actor
from plus1.catalog.models import DocumentType
from plus1.zgw.autorisaties.services import applicatie_register

DRC = "/documenten/api/v1"
HOST = "http://testserver"


def api_as(client_id: str, secret: str) -> APIClient:
    claims = {"iss": client_id, "client_id": client_id, "iat": int(time.time())}
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {jwt.encode(claims, secret, algorithm='HS256')}")
    return api


def client_with(client_id: str, *, alles: bool = False, autorisaties: list | None = None):
    applicatie_register(
        actor=Actor.system("test"),
        label=client_id,
        client_id=client_id,
        secret=f"geheim-{client_id}",
        heeft_alle_autorisaties=alles,
        autorisaties=autorisaties or [],
    )
    return api_as(client_id, f"geheim-{client_id}")


@pytest.fixture
def superclient(db):
    return client_with("alles", alles=True)


def make_document_type(**extra) -> DocumentType:
    values = {"description": "Aanvraag", "confidentiality": "openbaar", "category": "aanvraag"}
    return DocumentType.objects.create(**{**values, "concept": False, **extra})


@pytest.fixture
def document_type(db):
    return make_document_type()


def iotype_url(document_type: DocumentType) -> str:
    return f"{HOST}/catalogi/api/v1/informatieobjecttypen/{document_type.uuid}"


def document_body(document_type: DocumentType, content: bytes = b"eerste", **extra) -> dict:
    return {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-01-05",
        "titel": "Aanvraag kapvergunning",
        "auteur": "Inwoner",
        "taal": "nld",
        "inhoud": base64.b64encode(content).decode(),
        "informatieobjecttype": iotype_url(document_type),
        **extra,
    }


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)
