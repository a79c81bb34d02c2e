# SPDX-License-Identifier: EUPL-1.2
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from plus1.audit.services import Actor
from plus1.geo import geometry
from plus1.geo.mapping import Projection
from plus1.geo.models import District, Neighbourhood, Street
from plus1.geo.selectors import (
    LocationRefused,
    area_choices,
    municipality_bbox,
    outside_advice,
    place_at,
    place_for_address,
)
from plus1.geo.services import geo_load, read_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def plusstad():
    return geo_load(actor=Actor.system("test"), document=read_document())


def test_plusstad_has_wijken_and_buurten_with_cbs_codes(plusstad):
    assert (plusstad.districts, plusstad.neighbourhoods) == (6, 24)
    assert plusstad.streets >= 40
    assert all(
        code.startswith("WK9999") and len(code) == 8
        for code in District.objects.values_list("code", flat=True)
    )
    assert all(
        code.startswith("BU9999") and len(code) == 10
        for code in Neighbourhood.objects.values_list("code", flat=True)
    )
    # every buurt code continues its wijk code
    for buurt in Neighbourhood.objects.select_related("district"):
        assert buurt.code[2:8] == buurt.district.code[2:]


def test_a_point_resolves_to_its_buurt_and_wijk(plusstad):
    place = place_at(52.0425, 5.0825)
    assert place is not None
    assert (place.neighbourhood_code, place.neighbourhood_name) == ("BU99990101", "Binnenstad")
    assert (place.district_code, place.district_name) == ("WK999901", "Centrum")
    north = place_at(52.0700, 5.0800)
    assert north is not None and north.district_name == "Noorderhaven"


def test_a_point_outside_is_not_in_any_buurt(plusstad):
    assert place_at(52.0950, 5.0900) is None
    assert place_at(52.3700, 4.8900) is None


def test_outside_advice_names_the_neighbouring_municipality(plusstad):
    assert "Gemeente Noorderveen" in outside_advice(52.0950, 5.0900)
    assert "Gemeente Zuiderdijk" in outside_advice(52.0100, 5.1000)
    assert "Gemeente Oostermeer" in outside_advice(52.0500, 5.2000)
    far = outside_advice(52.3700, 4.8900)  # Amsterdam: no neighbour of ours
    assert "overheid.nl" in far and "Noorderveen" not in far


def test_an_address_resolves_to_a_point_in_its_buurt(plusstad):
    place = place_for_address("Lindelaan 12")
    assert place.neighbourhood_name == "Binnenstad" and place.address == "Lindelaan 12"
    assert place_for_address("lindelaan 12, Plusstad").neighbourhood_code == "BU99990101"
    assert (
        place_for_address("Havenstraat").district_name == "Noorderhaven"
    )  # street only: its middle
    first, last = place_for_address("Lindelaan 1"), place_for_address("Lindelaan 120")
    assert geometry.distance_m(first.latitude, first.longitude, last.latitude, last.longitude) > 500


def test_unknown_addresses_are_explained(plusstad):
    with pytest.raises(LocationRefused, match="kennen wij niet in Plusstad"):
        place_for_address("Kalverstraat 1")
    with pytest.raises(LocationRefused, match="huisnummers 1 tot en met 120"):
        place_for_address("Lindelaan 500")


def test_an_invalid_document_lists_every_problem_and_changes_nothing(plusstad):
    document = read_document()
    document["features"][0]["properties"]["code"] = "XX01"
    document["features"][1]["properties"]["wijk"] = "WK000000"
    with pytest.raises(ValidationError) as exc:
        geo_load(actor=Actor.system("test"), document=document)
    assert len(exc.value.messages) >= 2
    assert District.objects.filter(code="WK999901").exists()
    assert Street.objects.count() == plusstad.streets


def test_loading_twice_keeps_one_copy(plusstad):
    again = geo_load(actor=Actor.system("test"), document=read_document())
    assert again == plusstad and Neighbourhood.objects.count() == 24


def test_area_choices_list_wijk_then_its_buurten(plusstad, django_assert_num_queries):
    choices = area_choices(["WK999901"])
    assert choices[0] == ("WK999901", "Wijk Centrum")
    assert [code for code, _ in choices[1:]] == [
        "BU99990101",
        "BU99990102",
        "BU99990103",
        "BU99990104",
    ]
    with django_assert_num_queries(2):  # the wijken and their buurten, not a query per wijk
        assert len(area_choices([])) == 30  # no areas: the whole municipality


def test_command_loads_the_shipped_file():
    out = io.StringIO()
    call_command("geo", "load", stdout=out)
    assert "6 wijken, 24 buurten" in out.getvalue()


def test_point_in_polygon_respects_holes():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    polygon = {"type": "Polygon", "coordinates": [square, hole]}
    assert geometry.contains(polygon, 2, 2)
    assert not geometry.contains(polygon, 5, 5)
    assert not geometry.contains(polygon, 11, 5)


def test_distances_and_rounding():
    # 0.001 degree of latitude is about 111 metres
    assert 110 < geometry.distance_m(52.0, 5.0, 52.001, 5.0) < 112
    lat, lon = geometry.rounded(52.04251, 5.08253)
    assert geometry.distance_m(lat, lon, 52.04251, 5.08253) <= 18  # half the 25 m grid diagonal
    assert (lat, lon) != (52.04251, 5.08253)  # the precision is gone
    again = geometry.rounded(lat, lon)
    assert geometry.distance_m(*again, lat, lon) < 0.5  # a grid point stays where it is


def test_map_projection_turns_a_click_back_into_the_point(plusstad):
    projection = Projection.framing(municipality_bbox())
    x, y = projection.xy(52.0425, 5.0825)
    lat, lon = projection.point_at(x * 640 / projection.width, y * 640 / projection.width, 640)
    assert geometry.distance_m(lat, lon, 52.0425, 5.0825) < 1
