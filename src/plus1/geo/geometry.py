# SPDX-License-Identifier: EUPL-1.2
"""Plain-Python geometry on WGS84 coordinates: point in polygon, bounding boxes, distances.

Good enough for a municipality (areas of a few km, distances of metres); no PostGIS needed.
GeoJSON order is (longitude, latitude) throughout.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

EARTH_RADIUS_M = 6_371_008.8
Ring = Sequence[Sequence[float]]


def _polygons(geometry: dict[str, Any]) -> Iterator[list[Ring]]:
    if geometry.get("type") == "Polygon":
        yield geometry["coordinates"]
    elif geometry.get("type") == "MultiPolygon":
        yield from geometry["coordinates"]
    else:
        raise ValueError(f"Geen vlak: {geometry.get('type')}")


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting: count the ring's edges that a ray to the east crosses."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
    return inside


def contains(geometry: dict[str, Any], lat: float, lon: float) -> bool:
    """True when the point lies in the (multi)polygon, outside its holes."""
    for rings in _polygons(geometry):
        outer, holes = rings[0], rings[1:]
        if _in_ring(lon, lat, outer) and not any(_in_ring(lon, lat, hole) for hole in holes):
            return True
    return False


def bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    """(min_lat, min_lon, max_lat, max_lon) of a (multi)polygon."""
    points = [point for rings in _polygons(geometry) for point in rings[0]]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lats), min(lons), max(lats), max(lons)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def box_around(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    """A bounding box (min_lat, min_lon, max_lat, max_lon) that holds the circle."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


def rounded(lat: float, lon: float, grid_m: float = 25.0) -> tuple[float, float]:
    """The point snapped to a grid of about grid_m metres, for publishing without precision."""
    step_lat = math.degrees(grid_m / EARTH_RADIUS_M)
    step_lon = step_lat / math.cos(math.radians(lat))
    return (
        round(round(lat / step_lat) * step_lat, 6),
        round(round(lon / step_lon) * step_lon, 6),
    )


# What each GeoJSON type holds: how deep its positions are nested, and the least number
# of positions in each innermost list (a line has two, a polygon's ring four).
GEOJSON_SHAPES = {
    "Point": (0, 1),
    "MultiPoint": (1, 1),
    "LineString": (1, 2),
    "MultiLineString": (2, 2),
    "Polygon": (2, 4),
    "MultiPolygon": (3, 4),
}


def geojson_problem(value: Any) -> str | None:
    """Why `value` is not a usable GeoJSON geometry in WGS84 (in Dutch), or None when it is."""
    if not isinstance(value, dict) or "type" not in value:
        return "Geef een GeoJSON-geometrie (type en coordinates)."
    kind = value["type"]
    if kind == "GeometryCollection":
        parts = value.get("geometries")
        if not isinstance(parts, list) or not parts:
            return "Een GeometryCollection heeft een lijst ‘geometries’."
        return next((p for p in map(geojson_problem, parts) if p), None)
    if kind not in GEOJSON_SHAPES:
        return f"Onbekend geometrietype ‘{kind}’; gebruik {', '.join(GEOJSON_SHAPES)}."
    if "coordinates" not in value:
        return "Geef een GeoJSON-geometrie (type en coordinates)."
    depth, least = GEOJSON_SHAPES[kind]
    return _coordinates_problem(value["coordinates"], depth, least, kind)


def _coordinates_problem(coordinates: Any, depth: int, least: int, kind: str) -> str | None:
    if depth == 0:
        return _position_problem(coordinates)
    if not isinstance(coordinates, list) or not coordinates:
        return f"De coördinaten van een {kind} zijn niet goed genest."
    if depth == 1 and len(coordinates) < least:
        return f"Een {kind} heeft minstens {least} posities per lijst."
    return next(
        (p for c in coordinates if (p := _coordinates_problem(c, depth - 1, least, kind))), None
    )


def _position_problem(position: Any) -> str | None:
    if (
        not isinstance(position, list)
        or len(position) not in (2, 3)
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in position)
    ):
        return "Een positie is [lengtegraad, breedtegraad] in getallen (WGS84)."
    lon, lat = position[0], position[1]
    if not all(math.isfinite(n) for n in position) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return "Een positie ligt buiten WGS84 (lengtegraad −180…180, breedtegraad −90…90)."
    return None
