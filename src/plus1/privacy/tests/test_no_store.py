# SPDX-License-Identifier: EUPL-1.2
"""Pages and downloads with personal data tell browsers and proxies not to keep them."""

from __future__ import annotations

import pytest
from django.test import Client

from plus1.common.testing.factories import UserFactory
from plus1.identity.testing import staff_login
from plus1.privacy.tests.conftest import RESIDENT_BSN, World

pytestmark = pytest.mark.django_db


def assert_no_store(response, url):
    assert response.status_code == 200, url
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, f"{url}: {response.get('Cache-Control')}"


def test_the_residents_own_pages_and_downloads(world: World):
    client = world.resident_client()
    case = world.case.identification
    for url in (
        "/mijn-zaken/",
        f"/mijn-zaken/{case}/",
        "/mijn-gegevens/",
        "/mijn-gegevens/dataspoor/",
        "/mijn-gegevens/download.json",
        "/mijn-gegevens/download.pdf",
        "/mijn-gegevens/toestemmingen/",
    ):
        assert_no_store(client.get(url), url)


def test_the_workbench_pages(world: World):
    client = world.staff_client()
    case = world.case.identification
    for url in ("/werkplek/", f"/werkplek/zaken/{case}/", "/werkplek/inwoner/"):
        assert_no_store(client.get(url), url)
    found = client.post("/werkplek/inwoner/", {"doel": world.activity.code, "bsn": RESIDENT_BSN})
    assert "Anna de Boer" in found.content.decode()
    assert_no_store(found, "/werkplek/inwoner/ (POST)")


def test_the_login_steps_and_the_admin(world: World):
    assert_no_store(Client().get("/werkplek/inloggen/"), "/werkplek/inloggen/")
    admin = staff_login(Client(), UserFactory(staff=True, is_superuser=True))
    for url in (
        "/beheer/",
        "/beheer/identity/party/",
        f"/beheer/identity/party/{world.resident.pk}/change/",
    ):
        assert_no_store(admin.get(url), url)


def test_public_pages_may_be_cached():
    response = Client().get("/privacy/verwerkingen/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
