# SPDX-License-Identifier: EUPL-1.2
"""Referentielijsten API: the VNG selectielijst, public and read-only, with URLs on us."""

from rest_framework.test import APIClient

REF = "http://testserver/referentielijsten/api/v1"


def test_resultaten_are_paginated_and_link_to_their_procestype(db):
    api = APIClient()
    first = api.get(f"{REF}/resultaten").json()
    assert first["count"] == 346 and len(first["results"]) == 100
    assert first["next"] == f"{REF}/resultaten?page=2" and first["previous"] is None
    last = api.get(f"{REF}/resultaten", {"page": 4}).json()
    assert len(last["results"]) == 46 and last["next"] is None
    assert api.get(f"{REF}/resultaten", {"page": 5}).status_code == 404
    resultaat = first["results"][0]
    assert resultaat["url"].startswith(f"{REF}/resultaten/")
    assert api.get(resultaat["url"]).json()["naam"] == resultaat["naam"]
    procestype = api.get(resultaat["procesType"]).json()
    assert procestype["url"] == resultaat["procesType"]


def test_resultaten_filtered_on_procestype(db):
    api = APIClient()
    procestype = api.get(f"{REF}/procestypen").json()[0]["url"]
    found = api.get(f"{REF}/resultaten", {"proces_type": procestype}).json()
    assert found["count"] > 0
    assert {r["procesType"] for r in found["results"]} == {procestype}
    bad = api.get(f"{REF}/resultaten", {"proces_type": "geen-url"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "proces_type"


def test_lists_and_unknown_items(db):
    api = APIClient()
    assert len(api.get(f"{REF}/procestypen", {"jaar": 2020}).json()) == 29
    assert api.get(f"{REF}/procestypen", {"jaar": 2017}).json() == []
    omschrijvingen = api.get(f"{REF}/resultaattypeomschrijvingen").json()
    assert omschrijvingen[0]["omschrijving"] == "Afgewezen"
    missing = api.get(f"{REF}/resultaten/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert api.post(f"{REF}/resultaten", {}).status_code == 405
