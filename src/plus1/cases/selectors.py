# SPDX-License-Identifier: EUPL-1.2
"""Reads of cases, each already scoped to who may see them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import BooleanField, ExpressionWrapper, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from plus1.cases.models import Case, CaseNote, CaseObject, CaseProperty, CaseStatus, Role
from plus1.identity.models import Party


def _with_details(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("case_type", "status", "responsible_team", "initiator", "assignee")


def overdue_q(today: dt.date | None = None) -> Q:
    """Case.is_overdue in SQL: open, and the deadline passed before today or before the day
    the case was suspended."""
    today = today or timezone.localdate()
    return Q(closed_on__isnull=True, deadline__lt=Coalesce(F("suspended_on"), Value(today)))


def with_overdue(cases: QuerySet[Case], today: dt.date | None = None) -> QuerySet[Case]:
    """Annotate `overdue` (bool) with the one rule of Case.is_overdue, for lists and filters."""
    return cases.annotate(overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))


def cases_of_party(party: Party) -> QuerySet[Case]:
    return _with_details(Case.objects.filter(initiator=party)).order_by("-registered_on", "-pk")


def case_of_party(party: Party, identification: str) -> Case | None:
    """A resident's own case with its history and public notes; None for anyone else's."""
    return (
        cases_of_party(party)
        .filter(identification=identification)
        .prefetch_related(
            Prefetch("history", queryset=CaseStatus.objects.select_related("status")),
            Prefetch("notes", queryset=CaseNote.objects.filter(visible_to_initiator=True)),
        )
        .first()
    )


def cases_for_staff(user: User | AnonymousUser) -> QuerySet[Case]:
    """Cases of the teams the staff member belongs to."""
    if not (user.is_authenticated and user.is_staff):
        return Case.objects.none()
    return _with_details(Case.objects.filter(responsible_team__members=user))


def cases_of_party_for_purpose(
    user: User | AnonymousUser, party: Party, activity_code: str
) -> QuerySet[Case]:
    """A resident's cases as a staff member may see them outside a case: only those of the
    staff member's teams whose case type serves the purpose they chose."""
    return (
        cases_for_staff(user)
        .filter(initiator=party, case_type__processing__activity__code=activity_code)
        .order_by("-registered_on", "-pk")
    )


def case_for_staff(user: User | AnonymousUser, identification: str) -> Case | None:
    return (
        cases_for_staff(user)
        .filter(identification=identification)
        .prefetch_related(
            Prefetch("history", queryset=CaseStatus.objects.select_related("status", "set_by")),
            Prefetch("notes", queryset=CaseNote.objects.select_related("author")),
        )
        .first()
    )


def cases_with_records() -> QuerySet[Case]:
    """Cases joined with everything the Zaken API renders, in a fixed number of queries:
    one for the cases and one per kind of related record, however many there are."""
    history = CaseStatus.objects.only("pk", "uuid", "case_id", "set_at").order_by("set_at", "pk")
    return (
        Case.objects.select_related("case_type", "parent", "result")
        .prefetch_related(
            Prefetch("history", queryset=history),
            Prefetch("roles", queryset=Role.objects.only("pk", "uuid", "case_id")),
            Prefetch("properties", queryset=CaseProperty.objects.only("pk", "uuid", "case_id")),
            Prefetch("case_objects", queryset=CaseObject.objects.only("pk", "uuid", "case_id")),
            Prefetch("children", queryset=Case.objects.only("pk", "uuid", "parent_id")),
        )
        .order_by("-pk")
    )


def point_in_polygon(x: float, y: float, ring: list[list[float]]) -> bool:
    """Ray casting: is (x, y) inside the closed ring of [x, y] positions?"""
    inside, j = False, len(ring) - 1
    for i, (xi, yi) in enumerate(ring):
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return [coordinates]
    if kind == "MultiPolygon":
        return list(coordinates)
    return []


def _in_area(x: float, y: float, polygons: list[list[list[list[float]]]]) -> bool:
    return any(
        point_in_polygon(x, y, rings[0]) and not any(point_in_polygon(x, y, h) for h in rings[1:])
        for rings in polygons
        if rings
    )


def _is_box(polygons: list[list[list[list[float]]]]) -> bool:
    """One ring without holes whose edges run along the axes: its bounding box is the area
    itself (a map's viewport, the most common search)."""
    if len(polygons) != 1 or len(polygons[0]) != 1:
        return False
    ring = polygons[0][0]
    return len(ring) in (4, 5) and all(
        a[0] == b[0] or a[1] == b[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def cases_within(cases: QuerySet[Case], area: dict[str, Any]) -> QuerySet[Case]:
    """Cases whose point lies within a GeoJSON (Multi)Polygon or on a Point: the indexed
    latitude/longitude columns narrow it to the bounding box, Python does the rest and the
    query names the shorter list (the points inside, or those in the box but outside)."""
    if area.get("type") == "Point":
        lon, lat = area["coordinates"][:2]
        return cases.filter(latitude=lat, longitude=lon)
    polygons = _polygons(area)
    positions = [p for rings in polygons for ring in rings for p in ring]
    if not positions:
        return cases.none()
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    in_box = cases.filter(
        latitude__gte=min(ys), latitude__lte=max(ys), longitude__gte=min(xs), longitude__lte=max(xs)
    )
    if _is_box(polygons):
        return in_box
    inside: list[int] = []
    outside: list[int] = []
    for pk, x, y in in_box.values_list("pk", "longitude", "latitude"):
        if x is not None and y is not None:  # always, within a box
            (inside if _in_area(x, y, polygons) else outside).append(pk)
    if len(outside) < len(inside):
        return in_box.exclude(pk__in=outside)
    return cases.filter(pk__in=inside)
