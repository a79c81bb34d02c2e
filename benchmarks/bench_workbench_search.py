# SPDX-License-Identifier: EUPL-1.2
"""Free-text search in the workbench with many cases: one results page of /werkplek/zoeken/
(trigram indexes on PostgreSQL, decision 31) against the former unindexed query (an OR of
`icontains` over the case, the initiator's name and the notes), on the same rows.

Run:  DATABASE_URL=postgres://... python benchmarks/bench_workbench_search.py 100000
      python benchmarks/bench_workbench_search.py 20000     (SQLite: both scan)

Reports per query: the page time (p50 of 5) and the former query's count time.
"""

from __future__ import annotations

import statistics
import sys
import time

from bench_workbench_inbox import _load, _measure, _setup

QUERIES = ["Aanvraag 12345", "Inwoner 42", "geluidsoverlast", "Kerkplein"]


def _former_count(user, q: str) -> float:  # type: ignore[no-untyped-def]
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    from plus1.cases.selectors import cases_for_staff

    cases = cases_for_staff(user).annotate(form_text=Cast("form_data", TextField()))
    condition = (
        Q(identification__icontains=q)
        | Q(initiator__name__icontains=q)
        | Q(form_text__icontains=q)
        | Q(pk__in=cases_for_staff(user).filter(notes__text__icontains=q).values("pk"))
    )
    start = time.perf_counter()
    cases.filter(condition).count()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 20_000
    _setup()
    from urllib.parse import quote

    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from plus1.cases.models import Case, CaseNote
    from plus1.identity.testing import staff_login

    with override_settings(DEBUG=False):
        started = time.perf_counter()
        staff = _load(count)
        case = Case.objects.order_by("pk")[count // 2]
        CaseNote.objects.create(case=case, text="Buren klagen over geluidsoverlast.")
        print(f"{count} cases in {time.perf_counter() - started:.1f} s ({connection.vendor})")
        client = staff_login(Client(), staff)
        for q in QUERIES:
            url = f"/werkplek/zoeken/?q={quote(q)}"
            pages = [_measure(client, url) for _ in range(5)]
            former = [_former_count(staff, q) for _ in range(3)]
            print(
                f"{q!r}: page p50 {statistics.median(p[0] for p in pages):.0f} ms "
                f"({max(p[1] for p in pages)} queries); former query p50 "
                f"{statistics.median(former):.0f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
