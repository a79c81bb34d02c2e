# SPDX-License-Identifier: EUPL-1.2
"""Crafted input is a clear 400 (or 404) in the ZGW error body, never a server error; and an
unexpected failure is still answered as problem+json, without a stack trace."""

import pytest

from plus1.cases.models import Case
from plus1.zgw.tests.conftest import CATALOGI, ZAKEN, zaak_body
from plus1.zgw.tests.test_catalogi import catalogus_url, zaaktype_body  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

BAD_GEOMETRIES = [
    {"type": "Point", "coordinates": []},
    {"type": "Point", "coordinates": "x"},
    {"type": "Point", "coordinates": ["5.1", "52.0"]},
    {"type": "Point", "coordinates": [1e308, 52.0]},
    {"type": "Point", "coordinates": [5.1, 52.0, 1, 2, 3]},
    {"type": "Polygon", "coordinates": [[[0]]]},
    {"type": "Polygon", "coordinates": "x"},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
    {"type": "LineString", "coordinates": [[0, 0]]},
    {"type": "MultiPolygon", "coordinates": [[[["a", "b"]]]]},
    {"type": "Cirkel", "coordinates": [0, 0]},
]


def assert_zgw_400(response, field=None):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid"
    if field:
        assert field in [p["name"] for p in body["invalidParams"]], body


def test_an_absurd_doorlooptijd_is_a_400(superclient, catalogus_url):  # noqa: F811
    body = zaaktype_body(catalogus_url, doorlooptijd="P9999Y")
    response = superclient.post(f"{CATALOGI}/zaaktypen", body, format="json")
    assert_zgw_400(response, "doorlooptijd")


def test_an_absurd_verlenging_is_a_400_and_the_deadline_stays(superclient, case_type):
    body = zaak_body(case_type, uiterlijkeEinddatumAfdoening="2026-03-02")
    zaak = superclient.post(f"{ZAKEN}/zaken", body, format="json").json()
    verlenging = {"verlenging": {"reden": "advies", "duur": "P99999999D"}}
    response = superclient.patch(zaak["url"], verlenging, format="json")
    assert_zgw_400(response, "verlenging.duur")
    assert str(Case.objects.get(uuid=zaak["uuid"]).deadline) == "2026-03-02"


@pytest.mark.parametrize("geometry", BAD_GEOMETRIES, ids=str)
def test_zoek_with_a_malformed_geometry_is_a_400(superclient, geometry):
    body = {"zaakgeometrie": {"within": geometry}}
    response = superclient.post(f"{ZAKEN}/zaken/_zoek", body, format="json")
    assert_zgw_400(response, "zaakgeometrie.within")


@pytest.mark.parametrize("geometry", BAD_GEOMETRIES, ids=str)
def test_a_zaak_with_a_malformed_geometry_is_refused(superclient, case_type, geometry):
    response = superclient.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, zaakgeometrie=geometry), format="json"
    )
    assert_zgw_400(response, "zaakgeometrie")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/catalogi/api/v1/zaaktypen",
        "/documenten/api/v1/enkelvoudiginformatieobjecten",
        "/besluiten/api/v1/besluiten",
        "/zaken/api/v1/zaken",
    ],
)
def test_a_nul_character_in_a_filter_is_a_400(superclient, path):
    response = superclient.get(path, {"identificatie": "\x00"})
    assert_zgw_400(response, "identificatie")


def test_an_unexpected_failure_is_a_zgw_500_without_a_stack_trace(superclient, monkeypatch):
    from plus1.zgw.zaken import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("geheim-intern-detail")

    monkeypatch.setattr(selectors, "zaken_for_all", broken)
    monkeypatch.setattr(selectors, "zaken_for", broken, raising=False)
    monkeypatch.setattr(selectors, "zaken_lean", broken)
    response = superclient.get(f"{ZAKEN}/zaken")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 500 and body["code"] == "error" and body["instance"]
    assert "geheim-intern-detail" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_an_unknown_zgw_path_is_a_zgw_404(superclient):
    response = superclient.get(f"{ZAKEN}/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404 and response.json()["code"] == "not_found"


def test_a_failure_outside_the_view_is_a_zgw_500(superclient, monkeypatch):
    from plus1.zgw.base import ZgwViewSet

    def broken(self, request, response, *args, **kwargs):
        raise RuntimeError("geheim-intern-detail")

    monkeypatch.setattr(ZgwViewSet, "finalize_response", broken)
    response = superclient.get("/catalogi/api/v1/zaaktypen")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 500
    assert "geheim-intern-detail" not in response.content.decode()
