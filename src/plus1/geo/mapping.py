# SPDX-License-Identifier: EUPL-1.2
"""A simple map without JavaScript: the wijken as an SVG in Web Mercator pixels.

Because the projection is the same as that of web map tiles, an optional tile layer
(PLUS1_MAP_TILE_URL) lines up underneath; with no tiles reachable the outlines remain.
The same projection turns a click on the map image (x, y) back into a point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ZOOM = 13
TILE = 256
MARGIN_PX = 24


def _world(lat: float, lon: float) -> tuple[float, float]:
    size = TILE * 2**ZOOM
    x = (lon + 180) / 360 * size
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * size
    return x, y


def _unworld(x: float, y: float) -> tuple[float, float]:
    size = TILE * 2**ZOOM
    lon = x / size * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))
    return lat, lon


@dataclass(frozen=True)
class Projection:
    """Maps WGS84 points into an SVG viewBox that frames a bounding box."""

    origin_x: float
    origin_y: float
    width: float
    height: float

    @classmethod
    def framing(cls, bbox: tuple[float, float, float, float]) -> Projection:
        min_lat, min_lon, max_lat, max_lon = bbox
        left, top = _world(max_lat, min_lon)
        right, bottom = _world(min_lat, max_lon)
        return cls(
            origin_x=left - MARGIN_PX,
            origin_y=top - MARGIN_PX,
            width=right - left + 2 * MARGIN_PX,
            height=bottom - top + 2 * MARGIN_PX,
        )

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = _world(lat, lon)
        return round(x - self.origin_x, 1), round(y - self.origin_y, 1)

    def point_at(self, x: float, y: float, shown_width: float) -> tuple[float, float]:
        """The (lat, lon) of a click at (x, y) on the map shown shown_width pixels wide."""
        scale = self.width / shown_width
        return _unworld(self.origin_x + x * scale, self.origin_y + y * scale)

    def path(self, geometry: dict) -> str:  # type: ignore[type-arg]
        """An SVG path for a GeoJSON (multi)polygon."""
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        parts = []
        for rings in polygons:
            for ring in rings:
                points = [self.xy(lat, lon) for lon, lat in ring]
                parts.append("M" + " L".join(f"{x},{y}" for x, y in points) + " Z")
        return " ".join(parts)

    def tiles(self, url_template: str) -> list[tuple[str, float, float]]:
        """(url, x, y) of the tiles under the map, for a {z}/{x}/{y} URL template."""
        if not url_template:
            return []
        first_x, first_y = int(self.origin_x // TILE), int(self.origin_y // TILE)
        last_x = int((self.origin_x + self.width) // TILE)
        last_y = int((self.origin_y + self.height) // TILE)
        return [
            (
                url_template.replace("{z}", str(ZOOM))
                .replace("{x}", str(tx))
                .replace("{y}", str(ty)),
                round(tx * TILE - self.origin_x, 1),
                round(ty * TILE - self.origin_y, 1),
            )
            for tx in range(first_x, last_x + 1)
            for ty in range(first_y, last_y + 1)
        ]


@dataclass(frozen=True)
class Dot:
    latitude: float
    longitude: float
    label: str
    css_class: str = ""


def svg_context(
    bbox: tuple[float, float, float, float] | None,
    districts: list[tuple[str, str, dict]],  # type: ignore[type-arg]
    dots: list[Dot] = (),  # type: ignore[assignment]
    tile_url: str = "",
    neighbourhoods: list[tuple[str, str, dict]] = (),  # type: ignore[type-arg, assignment]
) -> dict[str, object]:
    """Everything the template geo/map.svg needs; areas are (code, name, geometry)."""
    if bbox is None:
        return {"available": False}
    projection = Projection.framing(bbox)
    return {
        "available": True,
        "width": round(projection.width),
        "height": round(projection.height),
        "areas": [
            {
                "code": code,
                "name": name,
                "d": projection.path(geometry),
                "label": projection.xy(*_label_point(geometry)),
            }
            for code, name, geometry in districts
        ],
        "subareas": [
            {"code": code, "name": name, "d": projection.path(geometry)}
            for code, name, geometry in neighbourhoods
        ],
        "dots": [
            {"xy": projection.xy(d.latitude, d.longitude), "label": d.label, "css": d.css_class}
            for d in dots
        ],
        "tiles": [{"url": u, "x": x, "y": y} for u, x, y in projection.tiles(tile_url)],
        "tile_size": TILE,
    }


def _label_point(geometry: dict) -> tuple[float, float]:  # type: ignore[type-arg]
    ring = (
        geometry["coordinates"][0]
        if geometry["type"] == "Polygon"
        else geometry["coordinates"][0][0]
    )
    lats, lons = [p[1] for p in ring[:-1]], [p[0] for p in ring[:-1]]
    return sum(lats) / len(lats), sum(lons) / len(lons)


def leaflet_context(
    bbox: tuple[float, float, float, float] | None,
    dots: list[Dot],
    tile_url: str,
    attribution: str,
) -> dict[str, object] | None:
    """What geo/_leaflet.html needs for a real map over the tiles (PDOK BRT-Achtergrondkaart
    in production); None without tiles, so the schematic map stays the only map."""
    if bbox is None or not tile_url:
        return None
    return {
        "tiles": tile_url,
        "attribution": attribution,
        "bounds": [[bbox[0], bbox[1]], [bbox[2], bbox[3]]],
        "points": [
            {"lat": d.latitude, "lon": d.longitude, "label": d.label, "marker": d.css_class}
            for d in dots
        ],
    }
