# SPDX-License-Identifier: EUPL-1.2
"""Our own APIs (/api/v1) by the NL API Design Rules: unknown query parameters refused,
unknown paths answered as problem+json, every problem with status, title and detail, and
every validation message Dutch."""

import inspect

import pytest
from django.utils import translation
from rest_framework import exceptions, fields, relations, serializers

pytestmark = pytest.mark.django_db


def _documented_gets(client):
    document = client.get("/api/v1/openapi.json").json()
    for path, item in document["paths"].items():
        if "get" in item:
            yield path.replace("{code}", "x").replace("{appointment_id}", "x")


def test_every_documented_get_refuses_an_unknown_query_parameter(client):
    paths = list(_documented_gets(client))
    assert "/producten" in paths
    for path in paths:
        response = client.get(f"/api/v1{path}", {"Zoek": "paspoort", "onbekend": "1"})
        assert response.status_code == 400, path
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert {p["name"] for p in body["invalidParams"]} == {"Zoek", "onbekend"}, path
        assert {p["code"] for p in body["invalidParams"]} == {"unknown-parameters"}
        assert "Onbekende queryparameter: Zoek" in body["detail"]


def test_a_known_parameter_still_works(client):
    response = client.get("/api/v1/producten", {"zoek": "paspoort"})
    assert response.status_code == 200
    assert response["API-Version"]


@pytest.mark.parametrize(
    "path", ["/api/v1/bestaat-niet", "/api/v1/producten/", "/api/bestaat-niet", "/api/v2/x"]
)
def test_an_unknown_path_under_api_is_a_problem_not_a_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["title"] and body["detail"]
    assert b"<html" not in response.content


def test_a_validation_problem_has_a_detail_naming_every_field(client):
    response = client.get("/api/v1/producten", {"zoek": "", "aantal": "veel"})
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["title"]
    for param in body["invalidParams"]:
        assert param["name"] in body["detail"]


def _drf_messages():
    found = []
    for module in (fields, serializers, relations, exceptions):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            for klass in cls.__mro__:
                found += getattr(klass, "default_error_messages", {}).values()
            if not isinstance(getattr(cls, "default_detail", ""), str):
                found.append(cls.default_detail)  # a lazy (translatable) text
    with translation.override("en"):
        return {str(message): message for message in found}


def test_every_validation_message_of_the_framework_is_dutch():
    english = []
    with translation.override("nl"):
        for source, message in _drf_messages().items():
            if source and str(message) == source:
                english.append(source)
    assert english == []
    with translation.override("nl"):
        field = serializers.ListField(child=serializers.CharField(), min_length=1)
        with pytest.raises(serializers.ValidationError) as refused:
            field.run_validation([])
    assert "minstens 1" in str(refused.value.detail)
