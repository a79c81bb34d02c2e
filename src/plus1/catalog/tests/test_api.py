# SPDX-License-Identifier: EUPL-1.2
import pytest

from plus1.catalog.models import Organisation, Product
from plus1.common.testing.factories import ProductFactory

URL = "/api/v1/producten"


@pytest.fixture
def products(db):
    svb = Organisation.objects.create(
        slug="svb", name="SVB", layer="rijk", url="https://www.svb.nl", how_to_reach="Mijn SVB"
    )
    ProductFactory(
        name="Kinderbijslag",
        upl_uri="http://standaarden.overheid.nl/owms/terms/kinderbijslag",
        layers=["rijk"],
        resident_words="kindergeld",
        provider=svb,
        case_type=None,
    )
    ProductFactory(
        name="Paspoort",
        upl_uri="http://standaarden.overheid.nl/owms/terms/paspoort",
        layers=["rijk", "gemeente"],
        audience=Product.Audience.RESIDENTS,
    )


def test_search_returns_ranked_products_with_layers_and_provider(client, products):
    response = client.get(URL, {"zoek": "kindergeld aanvragen"})

    assert response.status_code == 200
    assert response["API-Version"]
    first = response.json()[0]
    assert first["upl"] == "http://standaarden.overheid.nl/owms/terms/kinderbijslag"
    assert first["naam"] == "Kinderbijslag"
    assert first["bestuurslagen"] == ["Rijk"]
    assert first["aanbieder"]["naam"] == "SVB" and first["aanbieder"]["gemeente"] is False
    assert first["kanalen"] == []


def test_a_municipal_product_is_provided_by_the_municipality(client, products):
    first = client.get(URL, {"zoek": "paspoort"}).json()[0]
    assert first["aanbieder"]["naam"] == "Gemeente Plusstad"
    assert first["bestuurslagen"] == ["Rijk", "Gemeente"]
    assert first["kanalen"][0] == "online"


def test_audience_filter(client, products):
    names = [
        p["naam"] for p in client.get(URL, {"zoek": "paspoort", "doelgroep": "ondernemers"}).json()
    ]
    assert names == []


def test_bad_input_gets_problem_json_listing_every_problem(client, products):
    response = client.get(URL, {"doelgroep": "iedereen", "aantal": "0"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {param["name"] for param in response.json()["invalidParams"]}
    assert names == {"zoek", "doelgroep", "aantal"}


def test_no_trailing_slash_and_documented(client, products):
    assert client.get(URL + "/", {"zoek": "paspoort"}).status_code == 404
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/producten" in schema.json()["paths"]
