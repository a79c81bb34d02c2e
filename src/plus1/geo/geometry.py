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
