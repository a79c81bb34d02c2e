# SPDX-License-Identifier: EUPL-1.2
"""Reads of reports: routing, nearby open reports, and the public view without personal data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from plus1.cases.models import CaseStatus
from plus1.cases.selectors import cases_for_staff
from plus1.geo import geometry
from plus1.geo.selectors import Place, area_names, nearest_addresses
from plus1.identity.models import Team
from plus1.identity.selectors import teams_of
from plus1.meldingen.categories import category_name
from plus1.meldingen.models import Melding, RoutingRule

DUPLICATE_RADIUS_M = 50
PUBLIC_GRID_M = 25
PUBLIC_LIMIT = 500


def route_team(category: str, place: Place, at: dt.datetime) -> Team | None:
    """The team of the most specific active rule that matches; None: the case type's team."""
    rules = RoutingRule.objects.filter(active=True).select_related("team")
    matching = [rule for rule in rules if _matches(rule, category, place, at)]
    if not matching:
        return None
    return max(matching, key=_specificity).team


def _matches(rule: RoutingRule, category: str, place: Place, at: dt.datetime) -> bool:
    if rule.category and rule.category != category:
        return False
    if rule.area_code and rule.area_code not in {place.neighbourhood_code, place.district_code}:
        return False
    if rule.weekdays and at.isoweekday() not in rule.weekdays:
        return False
    if rule.start_time is not None and rule.end_time is not None:
        now, start, end = at.time(), rule.start_time, rule.end_time
        inside = start <= now < end if start <= end else (now >= start or now < end)
        if not inside:
            return False
    return True


def _specificity(rule: RoutingRule) -> tuple[int, int, int, int]:
    area = 2 if rule.area_code.startswith("BU") else 1 if rule.area_code else 0
    window = int(rule.start_time is not None) + int(bool(rule.weekdays))
    return (int(bool(rule.category)), area, window, -rule.pk)


def _open(meldingen: QuerySet[Melding]) -> QuerySet[Melding]:
    return meldingen.filter(case__closed_on__isnull=True, merged_into__isnull=True)


def _with_case(meldingen: QuerySet[Melding]) -> QuerySet[Melding]:
    return meldingen.select_related("case", "case__status")


@dataclass(frozen=True)
class Nearby:
    melding: Melding
    distance_m: int


def nearby_open(
    category: str, latitude: float, longitude: float, radius_m: float = DUPLICATE_RADIUS_M
) -> list[Nearby]:
    """Open reports of the category within radius_m metres, nearest first."""
    min_lat, min_lon, max_lat, max_lon = geometry.box_around(latitude, longitude, radius_m)
    candidates = _with_case(_open(Melding.objects.filter(category=category))).filter(
        case__latitude__range=(min_lat, max_lat), case__longitude__range=(min_lon, max_lon)
    )
    found = []
    for melding in candidates:
        lat, lon = melding.case.latitude, melding.case.longitude
        assert lat is not None and lon is not None  # the range filter excludes NULL
        distance = geometry.distance_m(latitude, longitude, lat, lon)
        if distance <= radius_m:
            found.append(Nearby(melding, round(distance)))
    return sorted(found, key=lambda near: near.distance_m)


@dataclass(frozen=True)
class PublicMelding:
    """What anyone may see of a report: no reporter, no description unless published."""

    identification: str
    category: str
    category_name: str
    status: str
    is_open: bool
    reported_on: dt.date
    latitude: float
    longitude: float
    neighbourhood_code: str
    description: str
    near_address: str = ""  # the address nearest to the rounded point, e.g. ‘Lindelaan 12’
    neighbourhood_name: str = ""

    @property
    def place_label(self) -> str:
        """The place in words: ‘bij Lindelaan 12, buurt Centrum’ (or the buurt alone)."""
        parts = [f"bij {self.near_address}" if self.near_address else ""]
        parts.append(f"buurt {self.neighbourhood_name}" if self.neighbourhood_name else "")
        return ", ".join(part for part in parts if part) or "plek op de kaart"

    def feature(self) -> dict[str, Any]:
        """As a GeoJSON Feature."""
        return {
            "type": "Feature",
            "id": self.identification,
            "geometry": {"type": "Point", "coordinates": [self.longitude, self.latitude]},
            "properties": {
                "zaaknummer": self.identification,
                "categorie": self.category,
                "categorieNaam": self.category_name,
                "status": self.status,
                "open": self.is_open,
                "datum": self.reported_on.isoformat(),
                "buurtcode": self.neighbourhood_code,
                "omschrijving": self.description or None,
            },
        }


def public_view(melding: Melding) -> PublicMelding:
    return public_views([melding])[0]


def public_views(meldingen: list[Melding]) -> list[PublicMelding]:
    """The public view of reports, with the nearest address and the buurt's name (two
    queries for the whole list)."""
    points = [
        geometry.rounded(m.case.latitude or 0.0, m.case.longitude or 0.0, PUBLIC_GRID_M)
        for m in meldingen
    ]
    addresses = nearest_addresses(points)
    names = area_names(sorted({m.case.neighbourhood_code for m in meldingen}))
    return [
        replace(
            _public_view(melding, lat, lon),
            near_address=address,
            neighbourhood_name=names.get(melding.case.neighbourhood_code, ""),
        )
        for melding, (lat, lon), address in zip(meldingen, points, addresses, strict=True)
    ]


def _public_view(melding: Melding, lat: float, lon: float) -> PublicMelding:
    case = melding.case
    return PublicMelding(
        identification=case.identification,
        category=melding.category,
        category_name=category_name(melding.category),
        status=case.status.name if case.status else "",
        is_open=case.closed_on is None and melding.merged_into_id is None,
        reported_on=case.registered_on,
        latitude=lat,
        longitude=lon,
        neighbourhood_code=case.neighbourhood_code,
        description=melding.public_description,
    )


def public_open(
    bbox: tuple[float, float, float, float] | None = None,
    category: str = "",
    in_words: bool = True,
) -> list[PublicMelding]:
    """Open reports for the public map, newest first.
    bbox is (min_lat, min_lon, max_lat, max_lon); in_words adds the nearest address and the
    buurt's name (two more queries)."""
    meldingen = _with_case(_open(Melding.objects.filter(case__latitude__isnull=False)))
    if bbox is not None:
        min_lat, min_lon, max_lat, max_lon = bbox
        meldingen = meldingen.filter(
            case__latitude__range=(min_lat, max_lat), case__longitude__range=(min_lon, max_lon)
        )
    if category:
        meldingen = meldingen.filter(category=category)
    newest = meldingen.order_by("-case__registered_on", "-pk")[:PUBLIC_LIMIT]
    if not in_words:
        return [
            _public_view(
                m, *geometry.rounded(m.case.latitude or 0.0, m.case.longitude or 0.0, PUBLIC_GRID_M)
            )
            for m in newest
        ]
    return public_views(list(newest))


def public_melding(identification: str) -> tuple[PublicMelding, list[CaseStatus]] | None:
    """One report as the public may see it, with the dates and names of its statuses."""
    melding = (
        _with_case(Melding.objects.filter(case__identification=identification))
        .prefetch_related(
            Prefetch("case__history", queryset=CaseStatus.objects.select_related("status"))
        )
        .first()
    )
    if melding is None:
        return None
    return public_view(melding), list(melding.case.history.all())


def melding_by_identification(identification: str) -> Melding | None:
    return _with_case(Melding.objects.filter(case__identification=identification)).first()


def melding_for_staff(user: User | AnonymousUser, identification: str) -> Melding | None:
    """A report whose case the staff member's teams handle."""
    cases = cases_for_staff(user).filter(identification=identification)
    return (
        _with_case(Melding.objects.filter(case__in=cases))
        .select_related(
            "merged_into__case", "case__initiator", "case__case_type", "case__responsible_team"
        )
        .prefetch_related("photos")
        .first()
    )


def merge_candidates(
    melding: Melding, user: User | AnonymousUser, radius_m: float = 250
) -> list[Nearby]:
    """Open reports of the same category nearby that this one may duplicate, of the staff
    member's own teams (only those can be merge targets)."""
    case = melding.case
    if case.latitude is None or case.longitude is None:
        return []
    near = nearby_open(melding.category, case.latitude, case.longitude, radius_m)
    teams = set(teams_of(user).values_list("pk", flat=True))
    return [
        n
        for n in near
        if n.melding.pk != melding.pk and n.melding.case.responsible_team_id in teams
    ]
