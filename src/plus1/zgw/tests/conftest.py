# SPDX-License-Identifier: EUPL-1.2
import time

import jwt
import pytest
from rest_framework.test import APIClient

from plus1.audit.services import Actor
from plus1.common.testing.factories import CaseTypeFactory
from plus1.zgw.autorisaties.services import applicatie_register

ZAKEN = "/zaken/api/v1"
CATALOGI = "/catalogi/api/v1"
CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}


def token(client_id: str, secret: str, **claims) -> str:
    payload = {"iss": client_id, "client_id": client_id, "iat": int(time.time()), **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def api_as(client_id: str, secret: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token(client_id, secret)}", **CRS)
    return api


@pytest.fixture
def superclient(db):
    applicatie_register(
        actor=Actor.system("test"),
        label="Alles",
        client_id="alles",
        secret="geheim-alles",
        heeft_alle_autorisaties=True,
    )
    return api_as("alles", "geheim-alles")


@pytest.fixture
def case_type(db):
    return CaseTypeFactory(confidentiality="openbaar")


def zaaktype_url(case_type) -> str:
    return f"http://testserver{CATALOGI}/zaaktypen/{case_type.uuid}"


def limited_client(client_id: str, autorisaties: list[dict]) -> APIClient:
    applicatie_register(
        actor=Actor.system("test"),
        label=client_id,
        client_id=client_id,
        secret=f"geheim-{client_id}",
        heeft_alle_autorisaties=False,
        autorisaties=autorisaties,
    )
    return api_as(client_id, f"geheim-{client_id}")


def zaak_body(case_type, **extra) -> dict:
    return {
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "zaaktype": zaaktype_url(case_type),
        "startdatum": "2026-01-05",
        "omschrijving": "Kapvergunning eik Dorpsstraat",
        **extra,
    }
