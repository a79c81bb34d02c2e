# SPDX-License-Identifier: EUPL-1.2
"""Where is it? A point or an address resolved to its buurt and wijk, and area filters."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Max, Min, Model, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from plus1.geo import geometry
from plus1.geo.models import District, Neighbourhood, Street, street_key
from plus1.geo.services import read_document

FAR_AWAY_KM = 15
ADDRESS = re.compile(r"^\s*(?P<street>[^\d,]+?)\s*(?:(?P<number>\d+)\s*[a-zA-Z]?)?\s*(,.*)?$")
M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    neighbourhood_code: str
    neighbourhood_name: str
    district_code: str
    district_name: str
    address: str = ""


class LocationRefused(ValidationError):
    """The place is not in the municipality (or cannot be found)."""


def place_at(latitude: float, longitude: float, address: str = "") -> Place | None:
    """The buurt and wijk a point lies in; None outside the municipality."""
    candidates = Neighbourhood.objects.filter(
        min_latitude__lte=latitude,
        max_latitude__gte=latitude,
        min_longitude__lte=longitude,
        max_longitude__gte=longitude,
    ).select_related("district")
    for buurt in candidates.order_by("code"):
        if geometry.contains(buurt.geometry, latitude, longitude):
            return Place(
                latitude=round(latitude, 7),
                longitude=round(longitude, 7),
                neighbourhood_code=buurt.code,
                neighbourhood_name=buurt.name,
                district_code=buurt.district.code,
                district_name=buurt.district.name,
                address=address,
            )
    return None


def place_in_municipality(latitude: float, longitude: float, address: str = "") -> Place:
    """Like place_at, but a point outside is refused with where to go instead."""
    place = place_at(latitude, longitude, address)
    if place is None:
        raise LocationRefused(outside_advice(latitude, longitude))
    return place


def place_for_address(text: str) -> Place:
    """An address such as ‘Lindelaan 12’ (or only a street) placed on its street."""
    match = ADDRESS.match(text or "")
    streets = Street.objects.filter(name_key=street_key(match["street"])) if match else None
    if not streets:
        raise LocationRefused(
            _(
                "Het adres ‘{address}’ kennen wij niet in Plusstad. Controleer de straatnaam, "
                "of kies de plek op de kaart."
            ).format(address=text.strip())
        )
    number = int(match["number"]) if match and match["number"] else None
    street = _street_with(streets, number)
    if street is None:
        first = min(s.first_number for s in streets)
        last = max(s.last_number for s in streets)
        raise LocationRefused(
            _(
                "Aan de {street} zijn de huisnummers {first} tot en met {last}. "
                "Controleer het huisnummer, of kies de plek op de kaart."
            ).format(street=streets[0].name, first=first, last=last)
        )
    lat, lon = _interpolate(street, number)
    label = f"{street.name} {number}" if number else street.name
    return place_in_municipality(lat, lon, address=label)


def _street_with(streets: QuerySet[Street], number: int | None) -> Street | None:
    for street in streets:
        if number is None or street.first_number <= number <= street.last_number:
            return street
    return None


def _interpolate(street: Street, number: int | None) -> tuple[float, float]:
    span = max(street.last_number - street.first_number, 1)
    share = 0.5 if number is None else (number - street.first_number) / span
    return (
        street.start_latitude + share * (street.end_latitude - street.start_latitude),
        street.start_longitude + share * (street.end_longitude - street.start_longitude),
    )


def municipality_bbox() -> tuple[float, float, float, float] | None:
    """(min_lat, min_lon, max_lat, max_lon) of all wijken; None when none are loaded."""
    box = District.objects.aggregate(
        min_lat=Min("min_latitude"),
        min_lon=Min("min_longitude"),
        max_lat=Max("max_latitude"),
        max_lon=Max("max_longitude"),
    )
    if box["min_lat"] is None:
        return None
    return box["min_lat"], box["min_lon"], box["max_lat"], box["max_lon"]


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, dict[str, Any]]:
    return {n["direction"]: n for n in read_document().get("neighbours", [])}


def outside_advice(latitude: float, longitude: float) -> str:
    """Which organisation to go to for a place outside the municipality, in plain Dutch."""
    far = _(
        "Deze plek ligt niet in de gemeente Plusstad. Meld het bij de gemeente waar de plek "
        "ligt; op www.overheid.nl vindt u welke gemeente dat is. Wij hebben niets opgeslagen."
    )
    box = municipality_bbox()
    if box is None:
        return far
    min_lat, min_lon, max_lat, max_lon = box
    near_lat, near_lon = min(max(latitude, min_lat), max_lat), min(max(longitude, min_lon), max_lon)
    if geometry.distance_m(latitude, longitude, near_lat, near_lon) > FAR_AWAY_KM * 1000:
        return far
    offsets = {
        "noord": geometry.distance_m(latitude, near_lon, max_lat, near_lon)
        if latitude > max_lat
        else 0,
        "zuid": geometry.distance_m(latitude, near_lon, min_lat, near_lon)
        if latitude < min_lat
        else 0,
        "oost": geometry.distance_m(near_lat, longitude, near_lat, max_lon)
        if longitude > max_lon
        else 0,
        "west": geometry.distance_m(near_lat, longitude, near_lat, min_lon)
        if longitude < min_lon
        else 0,
    }
    neighbour = _neighbours().get(max(offsets, key=lambda k: offsets[k]))
    if neighbour is None:
        return far
    return _(
        "Deze plek ligt buiten de gemeente Plusstad, in de {name}. "
        "Meld het daar: {url}. Wij hebben niets opgeslagen."
    ).format(name=neighbour["name"], url=neighbour["url"])


def districts_with_neighbourhoods() -> QuerySet[District]:
    return District.objects.prefetch_related("neighbourhoods").order_by("code")


def area_choices(codes: list[str]) -> list[tuple[str, str]]:
    """(code, label) for the given wijk/buurt codes, each wijk followed by its buurten.
    Empty codes: every wijk of the municipality."""
    wijken = District.objects.filter(code__in=codes) if codes else District.objects.all()
    buurten = Prefetch("neighbourhoods", queryset=Neighbourhood.objects.order_by("code"))
    choices = []
    for wijk in wijken.prefetch_related(buurten).order_by("code"):  # two queries in all
        choices.append((wijk.code, f"Wijk {wijk.name}"))
        choices += [(b.code, f"– Buurt {b.name}") for b in wijk.neighbourhoods.all()]
    covered = {code for code, _ in choices}
    loose = Neighbourhood.objects.filter(code__in=codes).exclude(code__in=covered).order_by("code")
    return choices + [(b.code, f"Buurt {b.name}") for b in loose]


def in_area(queryset: QuerySet[M], code: str, prefix: str = "") -> QuerySet[M]:
    """Narrow a queryset with neighbourhood_code/district_code columns to a wijk or buurt."""
    if code.startswith("WK"):
        return queryset.filter(**{f"{prefix}district_code": code})
    if code.startswith("BU"):
        return queryset.filter(**{f"{prefix}neighbourhood_code": code})
    return queryset


def in_areas(queryset: QuerySet[M], codes: list[str], prefix: str = "") -> QuerySet[M]:
    """Narrow to any of several wijken/buurten (a team's areas)."""
    condition = Q()
    for code in codes:
        condition |= Q(**{f"{prefix}district_code": code}) | Q(
            **{f"{prefix}neighbourhood_code": code}
        )
    return queryset.filter(condition) if codes else queryset


NEAREST_ADDRESS_M = 150.0


def nearest_address(latitude: float, longitude: float, within_m: float = NEAREST_ADDRESS_M) -> str:
    """The street and house number nearest to a point (‘Lindelaan 12’), from the streets
    table: the point is projected on each nearby street stretch and its number read off the
    stretch's number range. Empty when no street lies within `within_m` metres."""
    return nearest_addresses([(latitude, longitude)], within_m)[0]


def nearest_addresses(
    points: list[tuple[float, float]], within_m: float = NEAREST_ADDRESS_M
) -> list[str]:
    """nearest_address for many points with one query (the public list of reports)."""
    if not points:
        return []
    boxes = [geometry.box_around(lat, lon, within_m) for lat, lon in points]
    min_lat, min_lon = min(b[0] for b in boxes), min(b[1] for b in boxes)
    max_lat, max_lon = max(b[2] for b in boxes), max(b[3] for b in boxes)
    streets = list(
        Street.objects.filter(  # stretches whose bounding box meets the points' box
            Q(start_latitude__lte=max_lat) | Q(end_latitude__lte=max_lat),
            Q(start_latitude__gte=min_lat) | Q(end_latitude__gte=min_lat),
            Q(start_longitude__lte=max_lon) | Q(end_longitude__lte=max_lon),
            Q(start_longitude__gte=min_lon) | Q(end_longitude__gte=min_lon),
        )
    )
    return [_nearest(streets, lat, lon, within_m) for lat, lon in points]


def _nearest(streets: list[Street], latitude: float, longitude: float, within_m: float) -> str:
    scale = math.cos(math.radians(latitude))
    best: tuple[float, str] | None = None
    for street in streets:
        share = _share_along(street, latitude, longitude, scale)
        lat = street.start_latitude + share * (street.end_latitude - street.start_latitude)
        lon = street.start_longitude + share * (street.end_longitude - street.start_longitude)
        away = geometry.distance_m(latitude, longitude, lat, lon)
        if away <= within_m and (best is None or away < best[0]):
            number = street.first_number + round(share * (street.last_number - street.first_number))
            best = (away, f"{street.name} {number}")
    return best[1] if best else ""


def _share_along(street: Street, latitude: float, longitude: float, scale: float) -> float:
    """Where (0..1) the point's projection falls on the stretch, in a local flat frame."""
    dx = (street.end_longitude - street.start_longitude) * scale
    dy = street.end_latitude - street.start_latitude
    px = (longitude - street.start_longitude) * scale
    py = latitude - street.start_latitude
    length = dx * dx + dy * dy
    return 0.5 if length == 0 else min(max((px * dx + py * dy) / length, 0.0), 1.0)


def area_names(codes: list[str]) -> dict[str, str]:
    """The names of buurten and wijken by their CBS code (unknown codes are left out)."""
    names = dict(Neighbourhood.objects.filter(code__in=codes).values_list("code", "name"))
    names.update(District.objects.filter(code__in=codes).values_list("code", "name"))
    return names
