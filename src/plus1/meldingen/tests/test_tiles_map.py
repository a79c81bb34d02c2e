# SPDX-License-Identifier: EUPL-1.2
"""The interactive map: Leaflet from our own static files over the configured tiles, and the
schematic map as the fallback when no tiles are configured (offline, the demo)."""

import json
import re

import pytest
from django.conf import settings as django_settings

from plus1.meldingen.tests.conftest import submit

pytestmark = pytest.mark.django_db


def _leaflet_data(page):
    found = re.search(
        r'<script id="kaart-leaflet-data" type="application/json">(.*?)</script>', page
    )
    return json.loads(found.group(1)) if found else None


def test_with_tiles_the_pages_get_leaflet_from_our_own_static_files(world, client, settings):
    settings.MAP_TILE_URL = django_settings.PDOK_BRT_TILES
    melding = submit()
    for url in ("/meldingen/", f"/meldingen/{melding.case.identification}/", "/meldingen/nieuw/"):
        page = client.get(url).content.decode()
        assert '<script src="/static/geo/vendor/leaflet-1.9.4/leaflet.js" defer>' in page
        assert "unpkg" not in page and "cdn" not in page.lower()
        data = _leaflet_data(page)
        assert data["tiles"].startswith("https://service.pdok.nl/brt/achtergrondkaart/")
        assert "Kadaster" in data["attribution"]
        assert "map-fallback" in page  # the schematic map stays for no-JavaScript
    listing = _leaflet_data(client.get("/meldingen/").content.decode())
    assert len(listing["points"]) == 1


def test_without_tiles_only_the_schematic_map_is_shown(world, client, settings):
    settings.MAP_TILE_URL = ""
    page = client.get("/meldingen/").content.decode()
    assert "leaflet" not in page and "<svg" in page


def test_the_vendored_leaflet_is_the_pinned_release():
    from pathlib import Path

    import plus1.geo

    vendored = Path(plus1.geo.__file__).parent / "static/geo/vendor/leaflet-1.9.4/leaflet.js"
    assert vendored.read_text().startswith("/* @preserve\n * Leaflet 1.9.4")
