# SPDX-License-Identifier: EUPL-1.2
"""The public map, list, report page and GeoJSON feed: open reports, no personal data."""

import re

import pytest

from plus1.audit.services import Actor
from plus1.cases.services import case_transition
from plus1.common.testing.factories import ResidentFactory
from plus1.geo import geometry
from plus1.meldingen.services import melding_publish
from plus1.meldingen.tests.conftest import BINNENSTAD, HAVENHOOFD, submit

pytestmark = pytest.mark.django_db

PRIVATE = ["geheim-melder@example.nl", "0612345678", "Jansen voor nummer 12"]


@pytest.fixture
def reports(world):
    south = submit(
        description="Lamp stuk, meneer Jansen voor nummer 12 weet ervan",
        email="geheim-melder@example.nl",
        phone="0612345678",
    )
    north = submit(point=HAVENHOOFD, category="afval", description="Zwerfafval bij de haven")
    return south, north


def test_the_feed_is_geojson_with_rounded_points_and_no_personal_data(client, reports):
    response = client.get("/api/v1/meldingen")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["API-Version"]
    body = response.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 2
    feature = next(f for f in body["features"] if f["properties"]["categorie"] == "verlichting")
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) != BINNENSTAD and geometry.distance_m(lat, lon, *BINNENSTAD) < 20
    assert feature["properties"]["status"] == "Ontvangen"
    assert feature["properties"]["omschrijving"] is None
    text = response.content.decode()
    assert not any(private in text for private in PRIVATE)


def test_the_bbox_filter_keeps_only_reports_inside(client, reports):
    south, north = reports
    inside_south = client.get("/api/v1/meldingen?bbox=5.07,52.03,5.10,52.05").json()
    assert [f["id"] for f in inside_south["features"]] == [south.case.identification]
    inside_north = client.get("/api/v1/meldingen?bbox=5.07,52.06,5.10,52.08").json()
    assert [f["id"] for f in inside_north["features"]] == [north.case.identification]
    assert client.get("/api/v1/meldingen?bbox=4.0,51.0,4.1,51.1").json()["features"] == []
    only_afval = client.get("/api/v1/meldingen?categorie=afval").json()
    assert [f["id"] for f in only_afval["features"]] == [north.case.identification]


@pytest.mark.parametrize("bbox", ["5.1,52.0", "a,b,c,d", "5.2,52.0,5.1,52.1"])
def test_a_bad_bbox_is_a_problem_json_400(client, reports, bbox):
    response = client.get(f"/api/v1/meldingen?bbox={bbox}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "bbox"


def test_the_feed_has_no_trailing_slash_and_is_in_the_openapi_document(client, world):
    assert client.get("/api/v1/meldingen/").status_code == 404
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["servers"][0]["url"] == "/api/v1" and "/meldingen" in schema["paths"]


def test_the_public_map_lists_open_reports_without_personal_data(client, reports, settings):
    settings.MAP_TILE_URL = ""
    response = client.get("/meldingen/")
    body = response.content.decode()
    assert response.status_code == 200
    assert reports[0].case.identification in body and reports[1].case.identification in body
    assert "Straatverlichting" in body and "<svg" in body and "<circle" in body
    assert "<image" not in body  # no tiles configured: no requests to a tile server
    assert not any(private in body for private in PRIVATE)
    assert "Zwerfafval bij de haven" not in body  # the reporter's words are never public


def test_the_map_dots_lie_inside_the_drawing(client, reports):
    body = client.get("/meldingen/").content.decode()
    width, height = (float(v) for v in re.search(r'viewBox="0 0 (\S+) (\S+)"', body).groups())
    dots = re.findall(r'<circle cx="([^"]+)" cy="([^"]+)"', body)
    assert len(dots) == 2
    for cx, cy in dots:  # plain decimals (no Dutch decimal comma) inside the map
        assert 0 < float(cx) < width and 0 < float(cy) < height


def test_the_map_uses_the_configured_tile_source(client, reports, settings):
    settings.MAP_TILE_URL = "https://tegels.example.nl/{z}/{x}/{y}.png"
    body = client.get("/meldingen/").content.decode()
    assert 'href="https://tegels.example.nl/13/' in body


def test_a_published_text_is_shown_and_closed_reports_leave_the_map(client, reports, world):
    south, north = reports
    melding_publish(actor=Actor.system("test"), melding=north, text="Wordt dinsdag opgeruimd.")
    assert "Wordt dinsdag opgeruimd." in client.get("/meldingen/").content.decode()
    for code in ("in-behandeling", "afgehandeld"):
        case_transition(
            actor=Actor.system("test"),
            case=south.case,
            target=world.case_type.statuses.get(code=code),
        )
    body = client.get("/meldingen/").content.decode()
    assert south.case.identification not in body
    page = client.get(f"/meldingen/{south.case.identification}/").content.decode()
    assert "Afgehandeld" in page and "Deze melding volgen" not in page


def test_a_logged_in_reporters_name_is_not_public(client, world):
    resident = ResidentFactory(name="Anna de Boer")
    melding = submit(reporter=resident)
    for url in ("/meldingen/", f"/meldingen/{melding.case.identification}/", "/api/v1/meldingen"):
        assert "Anna de Boer" not in client.get(url).content.decode()


def test_the_category_filter_of_the_list_works_without_javascript(client, reports):
    body = client.get("/meldingen/?categorie=afval").content.decode()
    assert reports[1].case.identification in body and reports[0].case.identification not in body


def test_the_feed_and_the_map_use_a_fixed_number_of_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    submit()
    few = count("/api/v1/meldingen"), count("/meldingen/")
    for n in range(5):
        submit(point=(52.0210 + n * 0.002, 5.1000), category="afval", description="Zwerfafval hier")
    assert (count("/api/v1/meldingen"), count("/meldingen/")) == few
    assert few[0] <= 2
