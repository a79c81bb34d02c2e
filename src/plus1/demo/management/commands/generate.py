# SPDX-License-Identifier: EUPL-1.2
"""`plus1 generate --zaken N --seed S`: case history for load tests (plus1.demo.generate)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from plus1.demo.generate import generate


class Command(BaseCommand):
    help = (
        "Generate N zaken with status history, initiators (residents with valid BSNs), other "
        "roles, properties, results, documents with PDF files, besluiten, a point in a buurt, "
        "the past data trail, audit entries in the hash chain and delivered outbox rows, with "
        "bulk inserts, then refresh the planner's statistics. Deterministic for a --seed. "
        "Needs a catalogue (plus1 demo)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--zaken", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["zaken"] < 1:
            raise CommandError("--zaken moet minstens 1 zijn.")
        started = time.monotonic()

        def progress(done: int) -> None:
            rate = done / max(time.monotonic() - started, 0.001)
            self.stdout.write(f"{done} zaken ({rate:.0f}/s)")

        try:
            counts = generate(zaken=options["zaken"], seed=options["seed"], progress=progress)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner: a bulk load leaves it guessing (a page's
            # records read by sequential scans, five times slower) until autovacuum comes.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seconds = time.monotonic() - started
        summary = ", ".join(f"{name} {value}" for name, value in counts.items())
        self.stdout.write(f"Klaar in {seconds:.1f} s: {summary}.")
