# SPDX-License-Identifier: EUPL-1.2
"""No double booking, ever: many residents booking the last place at the same moment.

Each thread has its own database connection, so the bookings really run at once. On
PostgreSQL they queue on the slot's row lock. On SQLite they queue on the database's write
lock; the test database lives in memory (shared cache, which refuses instead of waiting), so
for SQLite the race runs on a copy in a file with the settings' own connection options, as
the embedded mode runs.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from django.db.utils import load_backend

from plus1.contact.models import Appointment
from plus1.contact.services import SlotFull, appointment_book
from plus1.contact.tests.conftest import ACTOR, load_agenda

ATTEMPTS = 50


def _on_file_database(path: Path | None) -> Callable[[Callable[[], Any]], Any]:
    """Run a function in this thread on the file copy (SQLite) or as it is (PostgreSQL)."""

    def run(function: Callable[[], Any]) -> Any:
        if path is not None:
            settings_dict = {**connections.settings["default"], "NAME": str(path)}
            wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper
            connections["default"] = wrapper(settings_dict, "default")
        try:
            return function()
        finally:
            connection.close()

    return run


def _file_copy(tmp_path: Path) -> Path | None:
    if connection.vendor != "sqlite":
        return None
    path = tmp_path / "plus1.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


def _race(tmp_path: Path, places_left: int) -> tuple[list[str], int]:
    agenda = load_agenda()
    start = agenda.at(9, 0)
    agenda.places(agenda.stadhuis, agenda.paspoort, 3)
    for n in range(3 - places_left):
        appointment_book(
            actor=ACTOR,
            product=agenda.paspoort,
            location=agenda.stadhuis,
            start=start,
            name=f"Eerder {n}",
            email="eerder@example.nl",
        )
    on_database = _on_file_database(_file_copy(tmp_path))
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(n: int) -> str:
        barrier.wait()
        try:
            appointment_book(
                actor=ACTOR,
                product=agenda.paspoort,
                location=agenda.stadhuis,
                start=start,
                name=f"Inwoner {n}",
                email=f"inwoner{n}@example.nl",
            )
        except SlotFull:
            return "vol"
        return "geboekt"

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        results = list(pool.map(lambda n: on_database(lambda: attempt(n)), range(ATTEMPTS)))
        booked = pool.submit(
            on_database,
            lambda: Appointment.objects.filter(start=start, status="booked").count(),
        ).result()
    return results, booked


@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_for_the_last_place_exactly_one_gets_it(tmp_path: Path) -> None:
    results, booked = _race(tmp_path, places_left=1)
    assert results.count("geboekt") == 1
    assert results.count("vol") == ATTEMPTS - 1
    assert booked == 3  # the two earlier ones and the one winner, never more


@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_for_two_places_exactly_two_get_one(tmp_path: Path) -> None:
    results, booked = _race(tmp_path, places_left=2)
    assert results.count("geboekt") == 2
    assert results.count("vol") == ATTEMPTS - 2
    assert booked == 3
