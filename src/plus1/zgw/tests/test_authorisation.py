# SPDX-License-Identifier: EUPL-1.2
"""A client sees and changes only the zaken its authorisations allow."""

import time

import pytest
from rest_framework.test import APIClient

from plus1.cases.models import Case
from plus1.common.testing.factories import CaseTypeFactory
from plus1.zgw.tests.conftest import ZAKEN, api_as, limited_client, token, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db


def read(case_type, level="openbaar", scopes=("zaken.lezen",)):
    return {
        "component": "zrc",
        "scopes": list(scopes),
        "zaaktype": zaaktype_url(case_type),
        "max_vertrouwelijkheidaanduiding": level,
    }


def test_request_without_token_gets_the_zgw_403(db):
    response = APIClient().get(f"{ZAKEN}/zaken", HTTP_ACCEPT_CRS="EPSG:4326")

    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "permission_denied" and body["status"] == 403
    assert body["type"].endswith("/ref/fouten/PermissionDenied/")
    assert "JWT" in body["detail"]


@pytest.mark.parametrize(
    "bad_token",
    [
        lambda: token("alles", "verkeerd-geheim"),
        lambda: token("onbekend", "geheim-alles"),
        lambda: token("alles", "geheim-alles", iat=int(time.time()) - 7200),
        lambda: "geen.jwt",
    ],
)
def test_invalid_tokens_are_refused(superclient, bad_token):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {bad_token()}", HTTP_ACCEPT_CRS="EPSG:4326")

    assert api.get(f"{ZAKEN}/zaken").status_code == 403


def test_client_without_authorisations_sees_no_zaken(superclient, case_type):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    assert "url" in zaak, zaak
    nobody = limited_client("niemand", [])

    assert nobody.get(f"{ZAKEN}/zaken").status_code == 403
    assert nobody.get(zaak["url"]).status_code == 403


def test_client_sees_only_its_zaaktype_up_to_its_confidentiality(superclient, case_type):
    other_type = CaseTypeFactory()
    mine = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    secret = superclient.post(
        f"{ZAKEN}/zaken",
        zaak_body(case_type, vertrouwelijkheidaanduiding="geheim"),
        format="json",
    ).json()
    foreign = superclient.post(f"{ZAKEN}/zaken", zaak_body(other_type), format="json").json()
    reader = limited_client("lezer", [read(case_type, "zaakvertrouwelijk")])

    listed = reader.get(f"{ZAKEN}/zaken").json()
    found = reader.post(f"{ZAKEN}/zaken/_zoek", {}, format="json").json()

    assert [z["url"] for z in listed["results"]] == [mine["url"]]
    assert [z["url"] for z in found["results"]] == [mine["url"]]
    assert reader.get(mine["url"]).status_code == 200
    assert reader.get(secret["url"]).status_code == 403
    assert reader.get(foreign["url"]).status_code == 403


def test_creating_needs_aanmaken_for_that_zaaktype(case_type):
    reader = limited_client("lezer", [read(case_type, "geheim")])
    maker = limited_client("maker", [read(case_type, "openbaar", scopes=["zaken.aanmaken"])])

    refused = reader.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json")
    too_secret = maker.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, vertrouwelijkheidaanduiding="geheim"), format="json"
    )
    allowed = maker.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json")

    assert refused.status_code == 403 and too_secret.status_code == 403
    assert allowed.status_code == 201
    assert Case.objects.count() == 1


def test_catalogi_needs_catalogi_scopes(superclient):
    nobody = limited_client("niemand", [])
    reader = limited_client("catalogus-lezer", [{"component": "ztc", "scopes": ["catalogi.lezen"]}])

    assert nobody.get("/catalogi/api/v1/zaaktypen").status_code == 403
    assert reader.get("/catalogi/api/v1/zaaktypen").status_code == 200
    refused = reader.post("/catalogi/api/v1/catalogussen", {}, format="json")
    assert refused.status_code == 403
    assert api_as("alles", "geheim-alles").get("/catalogi/api/v1/zaaktypen").status_code == 200


@pytest.mark.parametrize("method", ["patch", "put"])
def test_a_client_cannot_raise_a_zaak_above_its_maximum_confidentiality(case_type, method):
    writer = limited_client(
        "schrijver",
        [
            read(
                case_type,
                "zaakvertrouwelijk",
                scopes=["zaken.aanmaken", "zaken.lezen", "zaken.bijwerken"],
            )
        ],
    )
    zaak = writer.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    raised = {"vertrouwelijkheidaanduiding": "geheim"}
    body = raised if method == "patch" else zaak_body(case_type, **raised)

    response = getattr(writer, method)(zaak["url"], body, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert Case.objects.get(uuid=zaak["uuid"]).confidentiality == "openbaar"
    lowered = writer.patch(zaak["url"], {"vertrouwelijkheidaanduiding": "intern"}, format="json")
    assert lowered.status_code == 200
