# SPDX-License-Identifier: EUPL-1.2
"""The DiWoo metadata of a published Woo publication, as JSON (the field names of the
DiWoo metadata standard: publisher, titelcollectie, classificatiecollectie, …)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse

from plus1.catalog.woo_categories import category_name, category_uri
from plus1.opendata.catalogue import DUTCH
from plus1.opendata.models import WooPublication

TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/"


def _url(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def publisher() -> dict[str, str]:
    code = settings.MUNICIPALITY_TOOI_CODE
    resource = TOOI_MUNICIPALITY + code if code else _url("/")
    return {"resource": resource, "label": settings.MUNICIPALITY_NAME}


def diwoo_record(publication: WooPublication) -> dict[str, Any]:
    page = _url(reverse("woo:detail", args=[publication.uuid]))
    return {
        "identifiers": [page],
        "publisher": publisher(),
        "verantwoordelijke": publisher(),
        "titelcollectie": {"officieleTitel": publication.title},
        "classificatiecollectie": {
            "informatiecategorieen": [
                {
                    "resource": category_uri(publication.category),
                    "label": category_name(publication.category),
                }
            ]
        },
        "creatiedatum": publication.document_date.isoformat(),
        "openbaarmakingsdatum": (
            publication.published_at.date().isoformat() if publication.published_at else None
        ),
        "language": {"resource": DUTCH, "label": "Nederlands"},
        "format": {"label": "application/pdf"},
        "weblocatie": page,
        "downloadlocatie": _url(reverse("woo:download", args=[publication.uuid])),
    }


def diwoo_listing(publications: Iterable[WooPublication]) -> dict[str, Any]:
    return {
        "publisher": publisher(),
        "publicaties": [diwoo_record(item) for item in publications],
    }
