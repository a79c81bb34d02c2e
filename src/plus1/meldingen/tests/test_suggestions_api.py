# SPDX-License-Identifier: EUPL-1.2
import json

import pytest
from django.core.cache import cache
from django.test import Client

from plus1.meldingen.api.views import SuggestionThrottle
from plus1.meldingen.categories import CATEGORY_SLUGS, category_name

URL = "/api/v1/meldingen/categoriesuggesties"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the throttle counts in the default cache
    yield
    cache.clear()


@pytest.fixture
def client():
    # A resident's browser: not logged in, no CSRF token.
    return Client(enforce_csrf_checks=True)


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def assert_problem(response, field, code):
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [(field, code)]
    return body["invalidParams"][0]["reason"]


def test_anonymous_resident_gets_every_category_ranked(client):
    response = post(client, {"tekst": "De lantaarnpaal voor ons huis brandt niet meer"})
    assert response.status_code == 200
    assert response["API-Version"]
    suggestions = response.json()["suggesties"]
    assert suggestions[0]["categorie"] == "verlichting"
    assert suggestions[0]["naam"] == "Straatverlichting"
    assert sorted(s["categorie"] for s in suggestions) == sorted(CATEGORY_SLUGS)
    assert all(s["naam"] == category_name(s["categorie"]) for s in suggestions)
    chances = [s["kans"] for s in suggestions]
    assert chances == sorted(chances, reverse=True)
    assert sum(chances) == pytest.approx(1.0, abs=0.01)


def test_missing_text_is_refused(client):
    reason = assert_problem(post(client, {}), "tekst", "required")
    assert reason == "Geef de tekst van de melding."


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_refused(client, text):
    reason = assert_problem(post(client, {"tekst": text}), "tekst", "blank")
    assert reason == "De tekst van de melding is leeg."


def test_text_over_2000_characters_is_refused(client):
    reason = assert_problem(post(client, {"tekst": "gat in de weg " * 143}), "tekst", "max_length")
    assert "2000" in reason
    assert post(client, {"tekst": "x" * 2000}).status_code == 200


def test_body_that_is_not_an_object_is_refused(client):
    response = post(client, ["gat in de weg"])
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_no_trailing_slash_and_only_post(client):
    response = client.post(URL + "/", {"tekst": "a"}, content_type="application/json")
    assert response.status_code == 404
    assert client.get(URL).status_code == 405


def test_anonymous_use_is_throttled(client, monkeypatch):
    monkeypatch.setattr(SuggestionThrottle, "rate", "3/minute")
    for _ in range(3):
        assert post(client, {"tekst": "container vol"}).status_code == 200
    response = post(client, {"tekst": "container vol"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, {"tekst": "container vol"}).status_code == 200


def test_default_rate_is_60_per_minute():
    assert SuggestionThrottle.rate == "60/minute"


@pytest.mark.django_db
def test_endpoint_is_in_the_openapi_document(client):
    response = client.get("/api/v1/openapi.json", {"format": "json"})
    schema = json.loads(response.content)
    operation = schema["paths"][URL.removeprefix("/api/v1")]["post"]
    assert operation["operationId"] == "meldingen_categoriesuggesties"
    assert operation["security"] == [{}]  # no login needed
