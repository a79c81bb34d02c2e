# SPDX-License-Identifier: EUPL-1.2
"""Latency of the team lead's stuck-cases list (insights.stuck) on one team's cases.

Run:  python benchmarks/bench_stuck_cases.py            (SQLite in a temporary folder)
      DATABASE_URL=postgres://... python benchmarks/bench_stuck_cases.py
      BENCH_CASES=50000 python benchmarks/bench_stuck_cases.py

Loads BENCH_CASES open cases (default 20,000) with three status steps each, a norm on one
status, every 7th case looping and every 11th with 3 contact moments; then times what the
page does: the count and the first page of 50 keys, and the reasons for those 50.
Reports p50/p95 of 15 runs; exits non-zero when p95 is above 1,000 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time

TARGET_P95_MS = 1000
RUNS = 15


def _setup() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["PLUS1_DATA_DIR"] = tempfile.mkdtemp(prefix="plus1-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _load(count: int) -> None:
    from django.utils import timezone

    from plus1.cases.models import Case, CaseStatus
    from plus1.catalog.models import CaseType, StatusType
    from plus1.contact.models import ContactChannel, ContactMoment
    from plus1.identity.models import Team

    team = Team.objects.create(slug="bench-stuck", name="Team Bench")
    case_type = CaseType.objects.create(
        code="bench-stuck", name="Bench", legal_term="P8W", responsible_team=team
    )
    received, busy = (
        StatusType.objects.create(
            case_type=case_type, code=code, name=code, order=order, is_initial=order == 1
        )
        for order, code in ((1, "ontvangen"), (2, "in-behandeling"))
    )
    StatusType.objects.filter(pk=busy.pk).update(norm_days=10)
    today, now = timezone.localdate(), timezone.now()
    cases = Case.objects.bulk_create(
        Case(
            identification=f"BENCH-{index:07d}",
            case_type=case_type,
            status=received if index % 7 == 0 else busy,
            responsible_team=team,
            confidentiality="openbaar",
            registered_on=today,
            deadline=today + dt.timedelta(days=56),
        )
        for index in range(count)
    )
    steps = []
    for index, case in enumerate(cases):
        entered = now - dt.timedelta(days=index % 40)
        steps += [
            CaseStatus(case=case, status=received, set_at=entered - dt.timedelta(days=3)),
            CaseStatus(case=case, status=busy, set_at=entered - dt.timedelta(days=2)),
        ]
        if index % 7 == 0:
            steps.append(CaseStatus(case=case, status=received, set_at=entered))
    CaseStatus.objects.bulk_create(steps, batch_size=5000)
    ContactMoment.objects.bulk_create(
        (
            ContactMoment(
                channel=ContactChannel.PHONE, case=case, summary="Vraag", registered_at=now
            )
            for case in cases[::11]
            for _ in range(3)
        ),
        batch_size=5000,
    )


def main() -> int:
    _setup()
    from django.core.paginator import Paginator

    from plus1.cases.models import Case
    from plus1.insights.stuck import stuck_cases, stuck_reasons

    count = int(os.environ.get("BENCH_CASES", "20000"))
    started = time.perf_counter()
    _load(count)
    print(f"loaded {count} cases in {time.perf_counter() - started:.1f} s")
    scoped = Case.objects.filter(responsible_team__slug="bench-stuck")
    timings, found = [], 0
    for _ in range(RUNS):
        begin = time.perf_counter()
        stuck = stuck_cases(scoped)
        page = Paginator(stuck.values_list("pk", flat=True), 50).get_page(1)
        keys = list(page.object_list)
        rows = stuck_reasons(list(stuck.filter(pk__in=keys).select_related("status")))
        timings.append((time.perf_counter() - begin) * 1000)
        found = page.paginator.count
    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"stuck cases: {found} of {count}; first page {len(rows)} rows")
    print(f"p50 {p50:.0f} ms, p95 {p95:.0f} ms (target p95 ≤ {TARGET_P95_MS} ms)")
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
