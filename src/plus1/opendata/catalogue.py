# SPDX-License-Identifier: EUPL-1.2
"""The DCAT-AP-DONL catalogue of the published datasets, as JSON-LD."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from plus1.opendata.datasets import DATASETS
from plus1.opendata.parquet import MEDIA_TYPE as PARQUET

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "parquet": PARQUET}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "locn": "http://www.w3.org/ns/locn#",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY"
CONTINUOUS = "http://publications.europa.eu/resource/authority/frequency/CONT"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
FILE_TYPES = {
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
    "parquet": "http://publications.europa.eu/resource/authority/file-type/PARQUET",
}


def _url(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def publisher() -> dict[str, Any]:
    return {
        "@id": _url("/"),
        "@type": "foaf:Agent",
        "foaf:name": settings.MUNICIPALITY_NAME,
    }


def catalogue(meta: dict[str, dict[str, Any]], built_at: str) -> dict[str, Any]:
    """`meta` is the build's facts per dataset (temporal coverage, file sizes)."""
    return {
        "@context": CONTEXT,
        "@id": _url(reverse("opendata:catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": f"Open data van {settings.MUNICIPALITY_NAME}",
        "dct:description": (
            "Cijfers over de dienstverlening van de gemeente, gemaakt uit de eigen "
            "registratie. Zonder persoonsgegevens; kleine aantallen zijn weggelaten."
        ),
        "dct:publisher": publisher(),
        "dct:language": {"@id": DUTCH},
        "dct:license": {"@id": CC0},
        "dct:modified": {"@value": built_at, "@type": "xsd:dateTime"},
        "foaf:homepage": {"@id": _url(reverse("opendata:index"))},
        "dcat:dataset": [
            *(_dataset(item.slug, meta.get(item.slug, {}), built_at) for item in DATASETS),
            woo_dataset(built_at),
        ],
    }


def _dataset(slug: str, facts: dict[str, Any], built_at: str) -> dict[str, Any]:
    item = next(d for d in DATASETS if d.slug == slug)
    found = _described(
        _url(reverse("opendata:index")) + f"#{slug}",
        title=item.title,
        description=item.description,
        theme=item.theme,
        keywords=list(item.keywords),
        built_at=built_at,
        frequency=DAILY,
    )
    found["dcat:distribution"] = [_distribution(slug, ext, facts) for ext in FILE_TYPES]
    temporal = facts.get("temporal")
    if temporal:
        found["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": temporal[0], "@type": "xsd:date"},
            "dcat:endDate": {"@value": temporal[1], "@type": "xsd:date"},
        }
    return found


def _described(
    identifier: str,
    *,
    title: str,
    description: str,
    theme: str,
    keywords: list[str],
    built_at: str,
    frequency: str,
) -> dict[str, Any]:
    """What every dataset of the catalogue says about itself (DCAT-AP-DONL)."""
    return {
        "@id": identifier,
        "@type": "dcat:Dataset",
        "dct:identifier": identifier,
        "dct:title": title,
        "dct:description": description,
        "dct:language": {"@id": DUTCH},
        "dct:license": {"@id": CC0},
        "dct:publisher": publisher(),
        "overheid:authority": publisher(),
        "dct:accessRights": {"@id": PUBLIC},
        "dct:accrualPeriodicity": {"@id": frequency},
        "dct:modified": {"@value": built_at, "@type": "xsd:dateTime"},
        "dcat:theme": {
            "@id": f"http://standaarden.overheid.nl/owms/terms/{theme.replace(' ', '_')}"
        },
        "dcat:keyword": keywords,
        "dct:spatial": {
            "@type": "dct:Location",
            "locn:geographicName": settings.MUNICIPALITY_NAME,
        },
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": settings.MUNICIPALITY_NAME,
            "vcard:hasTelephone": settings.CONTACT_PHONE,
            "vcard:hasURL": {"@id": _url(reverse("opendata:index"))},
        },
    }


def woo_dataset(built_at: str) -> dict[str, Any]:
    """The Woo publications (docs/woo.md) as a dataset: their DiWoo listing, live."""
    found = _described(
        _url(reverse("woo:list")),
        title="Woo-publicaties",
        description=(
            "Besluiten en documenten die de gemeente openbaar maakt onder de Wet open "
            "overheid, met hun DiWoo-gegevens. Persoonsgegevens zijn weggelakt."
        ),
        theme="Bestuur",
        keywords=["Woo", "openbaarmaking", "besluiten"],
        built_at=built_at,
        frequency=CONTINUOUS,
    )
    url = _url(reverse("woo:listing"))
    found["dcat:distribution"] = [
        {
            "@id": url,
            "@type": "dcat:Distribution",
            "dct:title": "publicaties.json",
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dct:format": {"@id": FILE_TYPES["json"]},
            "dcat:mediaType": MEDIA_TYPES["json"],
            "dct:license": {"@id": CC0},
        }
    ]
    return found


def _distribution(slug: str, ext: str, facts: dict[str, Any]) -> dict[str, Any]:
    url = _url(reverse("opendata:download", args=[slug, ext]))
    found: dict[str, Any] = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"{slug}.{ext}",
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dct:format": {"@id": FILE_TYPES[ext]},
        "dcat:mediaType": MEDIA_TYPES[ext],
        "dct:license": {"@id": CC0},
    }
    size = facts.get("sizes", {}).get(ext)
    if size is not None:
        found["dcat:byteSize"] = {"@value": str(size), "@type": "xsd:nonNegativeInteger"}
    return found
