# SPDX-License-Identifier: EUPL-1.2
"""Process insight on 1 million status events: the directly-follows graph and the variants
of one product (`plus1.insights.process`), against a plain COUNT(*) over the same status
table, measured in the same run on the same rows.

Run:  python benchmarks/process_insight.py [cases]          (default 200000 cases × 5 statuses)
      DATABASE_URL=postgres://... python benchmarks/process_insight.py
      BENCH_RUNS=5 python benchmarks/process_insight.py   (runs per query; default 3)

Each database gets its own scratch copy: SQLite a file in a temporary folder; with
DATABASE_URL also PostgreSQL, in the test database Django makes beside it (dropped at the
end). The rows are made by generated SQL (INSERT … SELECT over a recursive series), not by
the ORM: the cases copy one registered case, and every case gets five statuses along one of
four paths, with waits that differ per case (the SQL is built from the model's own table
and column names and numbers; nothing from outside). Reports the load time and, per query, the p50
of three runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# Five statuses per case along four paths (codes of the bench case type's statuses).
PATHS = (
    ("ontvangen", "in-behandeling", "aanvulling", "in-behandeling", "afgehandeld"),
    ("ontvangen", "in-behandeling", "advies", "in-behandeling", "afgehandeld"),
    ("ontvangen", "in-behandeling", "aanvulling", "advies", "afgehandeld"),
    ("ontvangen", "aanvulling", "in-behandeling", "advies", "afgehandeld"),
)


def _setup(postgres: bool) -> Callable[[], None]:
    """Django on a scratch database; returns what removes it afterwards."""
    if not postgres:
        os.environ.pop("DATABASE_URL", None)
        os.environ["PLUS1_DATA_DIR"] = tempfile.mkdtemp(prefix="plus1-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if postgres:
        original = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        return lambda: connection.creation.destroy_test_db(original, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    return lambda: None


def _load(cases: int) -> Any:
    from django.db import connection

    from plus1.audit.services import Actor
    from plus1.cases.models import Case, CaseStatus
    from plus1.cases.services import case_register
    from plus1.catalog.models import StatusType
    from plus1.common.testing.factories import CaseTypeFactory, TeamFactory, UserFactory

    staff = UserFactory(staff=True, username="bench.lead")
    team = TeamFactory(slug="bench", name="Team Bench", members=[staff])
    case_type = CaseTypeFactory(code="bench", name="Benchzaak", responsible_team=team)
    StatusType.objects.create(case_type=case_type, code="aanvulling", name="Aanvulling", order=4)
    StatusType.objects.create(case_type=case_type, code="advies", name="Advies", order=5)
    template = case_register(
        actor=Actor.system("bench"),
        case_type=case_type,
        initiator=None,
        form_data={"onderwerp": "x"},
    )
    CaseStatus.objects.all().delete()
    status_ids = dict(case_type.statuses.values_list("code", "pk"))
    postgres = connection.vendor == "postgresql"
    q = connection.ops.quote_name
    new_uuid = "gen_random_uuid()" if postgres else "lower(hex(randomblob(16)))"
    registered = (
        "DATE '2026-01-01' + CAST(i %% 365 AS INTEGER)"
        if postgres
        else "date('2026-01-01', '+' || (i %% 365) || ' days')"
    )
    replaced = {"uuid": new_uuid, "identification": "'BENCH-' || i", "registered_on": registered}
    columns = [f.column for f in Case._meta.concrete_fields if not f.primary_key]
    values = ", ".join(replaced.get(column, f"t.{q(column)}") for column in columns)
    steps = ", ".join(
        f"({variant}, {step}, {status_ids[code]})"
        for variant, path in enumerate(PATHS)
        for step, code in enumerate(path)
    )
    hours = "(s.step * 100 + (c.id * 7 + s.step * 13) % 90)"  # rising within a case
    set_at = (
        f"CAST(c.registered_on AS TIMESTAMP) + {hours} * INTERVAL '1 hour'"
        if postgres
        else f"datetime(c.registered_on, '+' || {hours} || ' hours')"
    )
    with connection.cursor() as cursor:
        if not postgres:  # a scratch file: no need to wait for the disk while loading
            cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute(
            "WITH RECURSIVE series(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM series "  # noqa: S608
            f"WHERE i < %s) INSERT INTO {q(Case._meta.db_table)} ({', '.join(map(q, columns))}) "
            f"SELECT {values} FROM {q(Case._meta.db_table)} t, series WHERE t.id = %s",
            [cases, template.pk],
        )
        cursor.execute(f"DELETE FROM {q(Case._meta.db_table)} WHERE id = %s", [template.pk])  # noqa: S608
        cursor.execute(
            f"WITH steps(variant, step, status_id) AS (VALUES {steps}) "  # noqa: S608
            f"INSERT INTO {q(CaseStatus._meta.db_table)} (uuid, case_id, status_id, set_at, "
            f"explanation) SELECT {new_uuid}, c.id, s.status_id, {set_at}, '' "
            f"FROM {q(Case._meta.db_table)} c JOIN steps s ON s.variant = c.id % {len(PATHS)}"
        )
        cursor.execute("ANALYZE")
    return staff


def _p50(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """p50 of the wall time and of this process's CPU time (on SQLite the query's own
    work, whatever else the machine is doing; on PostgreSQL only the client's share)."""
    times, cpu, result = [], [], None
    for _ in range(RUNS):
        started, used = time.perf_counter(), time.process_time()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return statistics.median(times), statistics.median(cpu), result


def run_one(cases: int, postgres: bool) -> None:
    import datetime as dt

    cleanup = _setup(postgres)
    try:
        from django.db import connection

        from plus1.cases.models import CaseStatus
        from plus1.insights.process import process_graph, process_variants

        started = time.perf_counter()
        staff = _load(cases)
        loaded = time.perf_counter() - started
        events = CaseStatus.objects.count()
        print(f"[{connection.vendor}] {cases} cases, {events} status events in {loaded:.1f} s")
        table = connection.ops.quote_name(CaseStatus._meta.db_table)

        def count() -> int:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                return int(cursor.fetchone()[0])

        start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
        baseline, baseline_cpu, _ = _p50(count)
        graph_ms, graph_cpu, graph = _p50(lambda: process_graph(staff, "bench", start, end))
        variants_ms, variants_cpu, variants = _p50(
            lambda: process_variants(staff, "bench", start, end)
        )
        name = connection.vendor
        print(f"[{name}] COUNT(*) baseline: p50 {baseline:.0f} ms (cpu {baseline_cpu:.0f} ms)")
        print(
            f"[{name}] directly-follows graph: p50 {graph_ms:.0f} ms (cpu {graph_cpu:.0f} ms; "
            f"{len(graph.nodes)} statuses, {len(graph.transitions)} transitions, "
            f"{sum(t.count for t in graph.transitions)} counted; "
            f"{graph_ms / max(baseline, 0.1):.0f}x the COUNT)"
        )
        print(
            f"[{name}] variants (top 10): p50 {variants_ms:.0f} ms (cpu {variants_cpu:.0f} ms; "
            f"{variants.distinct} variants over {variants.cases} cases; "
            f"{variants_ms / max(baseline, 0.1):.0f}x the COUNT)"
        )
    finally:
        cleanup()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cases = int(args[0]) if args else 200_000
    if "--one" in sys.argv:
        run_one(cases, postgres="--postgres" in sys.argv)
        return 0
    backends = [[]] + ([["--postgres"]] if os.environ.get("DATABASE_URL") else [])
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for backend in backends:  # a process per database: Django settles on one at setup
        command = [sys.executable, __file__, str(cases), "--one", *backend]
        subprocess.run(command, check=True)  # noqa: S603 (this script, with its own arguments)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
