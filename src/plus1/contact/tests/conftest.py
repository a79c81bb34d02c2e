# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for appointment tests: the demo's locations and products, and a free day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from django.core.cache import cache
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.contact.models import AppointmentProduct, Counter, Location
from plus1.contact.setup import appointment_setup_import
from plus1.demo.loader import APPOINTMENTS_FILE

ACTOR = Actor(kind="anonymous", id="test", label="Inwoner zonder DigiD")


@dataclass
class Agenda:
    stadhuis: Location
    noord: Location
    paspoort: AppointmentProduct
    trouwen: AppointmentProduct
    monday: dt.date  # a Monday at least a week ahead, not a closure

    def at(self, hour: int, minute: int = 0, day: dt.date | None = None) -> dt.datetime:
        return dt.datetime.combine(
            day or self.monday, dt.time(hour, minute), tzinfo=timezone.get_current_timezone()
        )

    def places(self, location: Location, product: AppointmentProduct, places: int) -> None:
        Counter.objects.filter(location=location, product=product).update(places=places)


def next_monday(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=7)
    while day.weekday() != 0 or (day.month == 12 and day.day > 20) or day.month == 1:
        day += dt.timedelta(days=1)
    return day


def load_agenda() -> Agenda:
    document = yaml.safe_load(APPOINTMENTS_FILE.read_text(encoding="utf-8"))
    appointment_setup_import(actor=Actor.system("test"), document=document)
    return Agenda(
        stadhuis=Location.objects.get(slug="stadhuis"),
        noord=Location.objects.get(slug="wijkpunt-noord"),
        paspoort=AppointmentProduct.objects.get(slug="paspoort"),
        trouwen=AppointmentProduct.objects.get(slug="trouwen"),
        monday=next_monday(timezone.localdate()),
    )


@pytest.fixture
def agenda(db: Any) -> Agenda:
    cache.clear()
    return load_agenda()
