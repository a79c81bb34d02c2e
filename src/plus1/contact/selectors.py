# SPDX-License-Identifier: EUPL-1.2
"""Reads of the contact context: locations, appointment products and free time slots."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from collections import Counter as Tally
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from plus1.contact.models import Appointment, AppointmentProduct, Counter, Location

ACTIVE = [Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN]
MAX_RANGE_DAYS = 62


@dataclass(frozen=True)
class TimeSlot:
    start: dt.datetime
    end: dt.datetime
    available: int


def locations_list() -> QuerySet[Location]:
    return Location.objects.prefetch_related("hours", "closures")


def appointment_products_list() -> QuerySet[AppointmentProduct]:
    return AppointmentProduct.objects.select_related("product").prefetch_related(
        "counters__location"
    )


def counter_of(product: AppointmentProduct, location: Location) -> Counter | None:
    return Counter.objects.filter(product=product, location=location).first()


def cancel_code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def appointment_by_code(appointment_id: uuid.UUID | str, code: str) -> Appointment | None:
    """The appointment when the cancel code matches, otherwise None (no hint which was wrong)."""
    try:
        appointment = Appointment.objects.select_related("product", "location").get(
            uuid=appointment_id
        )
    except (Appointment.DoesNotExist, ValueError, TypeError):
        return None
    if not hmac.compare_digest(appointment.cancel_code_hash, cancel_code_hash(code or "")):
        return None
    return appointment


def slot_starts(product: AppointmentProduct, location: Location, day: dt.date) -> list[dt.datetime]:
    """The starts the location offers for this product on this day (none when closed)."""
    if any(closure.date == day for closure in location.closures.all()):
        return []
    step = dt.timedelta(minutes=product.duration_minutes)
    zone = timezone.get_current_timezone()
    starts = []
    for period in location.hours.all():
        if period.weekday != day.weekday():
            continue
        start = dt.datetime.combine(day, period.opens, tzinfo=zone)
        closes = dt.datetime.combine(day, period.closes, tzinfo=zone)
        while start + step <= closes:
            starts.append(start)
            start += step
    return sorted(starts)


def location_closed_on(location: Location, day: dt.date) -> bool:
    return location.closures.filter(date=day).exists()


def time_slots(
    product: AppointmentProduct, location: Location, first: dt.date, last: dt.date
) -> list[TimeSlot]:
    """Every future slot from first to last (inclusive) with the places left; full ones too."""
    counter = counter_of(product, location)
    if counter is None:
        return []
    location = locations_list().get(pk=location.pk)
    step = dt.timedelta(minutes=product.duration_minutes)
    zone = timezone.get_current_timezone()
    taken = Tally(
        Appointment.objects.filter(
            product=product,
            location=location,
            status__in=ACTIVE,
            start__gte=dt.datetime.combine(first, dt.time.min, tzinfo=zone),
            start__lt=dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
        ).values_list("start", flat=True)
    )
    now, slots = timezone.now(), []
    day = first
    while day <= last:
        for start in slot_starts(product, location, day):
            if start > now:
                left = max(counter.places - taken[start], 0)
                slots.append(TimeSlot(start=start, end=start + step, available=left))
        day += dt.timedelta(days=1)
    return slots


def appointments_of_day(location: Location, day: dt.date) -> QuerySet[Appointment]:
    zone = timezone.get_current_timezone()
    begin = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    return (
        Appointment.objects.filter(
            location=location, start__gte=begin, start__lt=begin + dt.timedelta(days=1)
        )
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("product")
    )
