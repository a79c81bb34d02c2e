# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for report tests: Plusstad's geography, teams, routing rules and the case type."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from plus1.audit.services import Actor
from plus1.catalog.models import CaseType
from plus1.catalog.services import catalog_import
from plus1.common.testing.factories import TeamFactory, UserFactory
from plus1.demo.loader import CATALOG_FILE
from plus1.identity.models import Team
from plus1.meldingen.demo import meldingen_demo_load
from plus1.meldingen.services import Submission, melding_submit

# Points in Plusstad (see geo/data/plusstad.geojson).
BINNENSTAD = (52.0425, 5.0825)  # buurt BU99990101 in wijk Centrum (WK999901), south
HAVENHOOFD = (52.0700, 5.0800)  # buurt BU99990201 in wijk Noorderhaven (WK999902), north
NORTH_OF_TOWN = (52.0950, 5.0900)  # in the neighbouring Gemeente Noorderveen


@dataclass
class World:
    case_type: CaseType
    teams: dict[str, Team]
    staff_south: Any


@pytest.fixture
def world(db: Any) -> World:
    cache.clear()
    slugs = ["openbare-ruimte", "openbare-ruimte-noord", "openbare-ruimte-zuid", "handhaving"]
    teams = {slug: TeamFactory(slug=slug, name=f"Team {slug}") for slug in slugs}
    teams["openbare-ruimte-zuid"].areas = ["WK999901", "WK999904", "WK999905"]
    teams["openbare-ruimte-zuid"].save()
    document = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    melding_type = [c for c in document["case_types"] if c["code"] == "melding-openbare-ruimte"]
    catalog_import(actor=Actor.system("test"), document={"case_types": melding_type})
    meldingen_demo_load(actor=Actor.system("test"))
    staff = UserFactory(staff=True, username="omar")
    staff.teams.set([teams["openbare-ruimte-zuid"]])
    return World(CaseType.objects.get(code="melding-openbare-ruimte"), teams, staff)


def submit(point: tuple[float, float] = BINNENSTAD, **fields: Any) -> Any:
    """Submit a report through the service (anonymous unless reporter= is given)."""
    values: dict[str, Any] = {
        "description": "De lantaarnpaal brandt niet meer",
        "category": "verlichting",
        "latitude": point[0],
        "longitude": point[1],
    }
    reporter = fields.pop("reporter", None)
    allow = fields.pop("allow_duplicates", False)
    values.update(fields)
    return melding_submit(
        actor=Actor.system("test"),
        submission=Submission(**values),
        reporter=reporter,
        allow_duplicates=allow,
    )


def image_file(fmt: str = "JPEG", name: str = "foto.jpg", exif: bool = False) -> SimpleUploadedFile:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    buffer = io.BytesIO()
    options: dict[str, Any] = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera Merk"  # Make
        data[0x8825] = {2: (52.0, 2.0, 33.0), 1: "N", 4: (5.0, 4.0, 57.0), 3: "E"}  # GPS
        options["exif"] = data.tobytes()
    image.save(buffer, format=fmt, **options)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
