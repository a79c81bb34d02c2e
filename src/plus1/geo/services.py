# SPDX-License-Identifier: EUPL-1.2
"""Loading the municipality's geography (a GeoJSON document) into the register."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.geo import audit_actions, geometry
from plus1.geo.models import District, Neighbourhood, Street, street_key

PLUSSTAD_FILE = Path(__file__).with_name("data") / "plusstad.geojson"


@dataclass(frozen=True)
class LoadResult:
    districts: int
    neighbourhoods: int
    streets: int


def read_document(path: Path = PLUSSTAD_FILE) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _features(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in document.get("features", []) if f.get("properties", {}).get("kind") == kind]


def geography_problems(document: dict[str, Any]) -> list[str]:
    """Every reason the document cannot be loaded, all at once."""
    problems = []
    wijken = {f["properties"].get("code") for f in _features(document, "wijk")}
    buurten = {f["properties"].get("code"): f for f in _features(document, "buurt")}
    for feature in _features(document, "wijk") + list(buurten.values()):
        props = feature["properties"]
        prefix = "WK" if props["kind"] == "wijk" else "BU"
        if not str(props.get("code", "")).startswith(prefix) or not props.get("name"):
            problems.append(
                f"{props['kind']} {props.get('code')}: "
                f"code moet met {prefix} beginnen en een naam hebben."
            )
        try:
            geometry.bbox(feature.get("geometry") or {})
        except (ValueError, KeyError, IndexError, TypeError):
            problems.append(f"{props['kind']} {props.get('code')}: geen geldig vlak.")
    for code, feature in buurten.items():
        if feature["properties"].get("wijk") not in wijken:
            problems.append(f"buurt {code}: onbekende wijk ‘{feature['properties'].get('wijk')}’.")
    for street in _features(document, "straat"):
        props = street["properties"]
        if props.get("buurt") not in buurten:
            problems.append(f"straat {props.get('name')}: onbekende buurt ‘{props.get('buurt')}’.")
        if int(props.get("first_number", 0)) < 1 or props.get("last_number", 0) < props.get(
            "first_number", 0
        ):
            problems.append(f"straat {props.get('name')}: ongeldige huisnummers.")
    if not wijken:
        problems.append("Het document bevat geen wijken.")
    return problems


def _area_values(feature: dict[str, Any]) -> dict[str, Any]:
    min_lat, min_lon, max_lat, max_lon = geometry.bbox(feature["geometry"])
    return {
        "name": feature["properties"]["name"],
        "geometry": feature["geometry"],
        "min_latitude": min_lat,
        "min_longitude": min_lon,
        "max_latitude": max_lat,
        "max_longitude": max_lon,
    }


@transaction.atomic
def geo_load(*, actor: Actor, document: dict[str, Any]) -> LoadResult:
    """Replace the register's wijken, buurten and streets with those of the document."""
    problems = geography_problems(document)
    if problems:
        raise ValidationError(problems)
    districts = {}
    for feature in _features(document, "wijk"):
        code = feature["properties"]["code"]
        districts[code], _ = District.objects.update_or_create(
            code=code, defaults=_area_values(feature)
        )
    neighbourhoods = {}
    for feature in _features(document, "buurt"):
        code, props = feature["properties"]["code"], feature["properties"]
        values = {**_area_values(feature), "district": districts[props["wijk"]]}
        neighbourhoods[code], _ = Neighbourhood.objects.update_or_create(code=code, defaults=values)
    Neighbourhood.objects.exclude(code__in=neighbourhoods).delete()
    District.objects.exclude(code__in=districts).delete()
    Street.objects.all().delete()
    Street.objects.bulk_create(_street(f, neighbourhoods) for f in _features(document, "straat"))
    result = LoadResult(len(districts), len(neighbourhoods), Street.objects.count())
    for district in districts.values():
        audit_record(
            actor=actor,
            action=audit_actions.DISTRICT_LOADED,
            obj=district,
            after={"code": district.code, "name": district.name, "totals": result.__dict__},
        )
    return result


def _street(feature: dict[str, Any], neighbourhoods: dict[str, Neighbourhood]) -> Street:
    props = feature["properties"]
    (start_lon, start_lat), (end_lon, end_lat) = feature["geometry"]["coordinates"][:2]
    return Street(
        name=props["name"],
        name_key=street_key(props["name"]),
        postcode=props.get("postcode", ""),
        neighbourhood=neighbourhoods[props["buurt"]],
        first_number=props["first_number"],
        last_number=props["last_number"],
        start_latitude=start_lat,
        start_longitude=start_lon,
        end_latitude=end_lat,
        end_longitude=end_lon,
    )
