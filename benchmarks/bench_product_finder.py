# SPDX-License-Identifier: EUPL-1.2
"""Latency of the product finder on the demo catalogue (1,214 UPL products + vocabulary).

Run:  python benchmarks/bench_product_finder.py            (SQLite in a temporary folder)
      DATABASE_URL=postgres://... python benchmarks/bench_product_finder.py

Reported as a ratio against a baseline measured in the same run: a plain
`name__icontains` lookup on the product table (what a naive search box would do).
The cold build of the in-memory index is reported separately. Queries: every evaluation
set (Dutch and English, with typos). Exits non-zero when p95 is above 20 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_P95_MS = 20


def _setup() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["PLUS1_DATA_DIR"] = tempfile.mkdtemp(prefix="plus1-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _load() -> None:
    import yaml

    from plus1.audit.services import Actor
    from plus1.catalog.models import CaseType
    from plus1.catalog.product_services import upl_import, vocabulary_import
    from plus1.catalog.services import catalog_import
    from plus1.catalog.upl import UPL_FILE
    from plus1.catalog.vocabulary import vocabulary_document
    from plus1.demo.loader import CATALOG_FILE, TEAMS
    from plus1.identity.models import Team

    if CaseType.objects.exists():
        return
    actor = Actor.system("benchmark")
    for slug, name, skills, areas in TEAMS:
        Team.objects.get_or_create(
            slug=slug, defaults={"name": name, "skills": skills, "areas": areas}
        )
    catalog_import(actor=actor, document=yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8")))
    upl_import(actor=actor, text=UPL_FILE.read_text(encoding="utf-8"))
    vocabulary_import(actor=actor, document=vocabulary_document())


def _timed(function, queries, rounds=5) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    _setup()
    _load()
    from plus1.catalog import finder
    from plus1.catalog.evaluation import parse_cases
    from plus1.catalog.models import Product
    from plus1.catalog.selectors import products_search

    data = Path(__file__).parents[1] / "src/plus1/catalog/tests/data"
    queries = [
        case.query for path in sorted(data.glob("*.tsv")) for case in parse_cases(path.read_text())
    ]

    finder._cache.clear()
    start = time.perf_counter()
    products_search("paspoort")
    cold = (time.perf_counter() - start) * 1000

    def baseline(query: str) -> None:
        list(Product.objects.filter(published=True, name__icontains=query.split()[-1])[:10])

    base = _timed(baseline, queries)
    search = _timed(lambda q: products_search(q), queries)
    p50 = statistics.median(search)
    p95 = statistics.quantiles(search, n=20)[18]
    vendor = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"database: {vendor}; products: {Product.objects.count()}; queries: {len(search)}")
    print(f"cold index build + first search: {cold:.1f} ms")
    print(f"baseline icontains: median {statistics.median(base):.2f} ms")
    print(f"product finder:     median {p50:.2f} ms, p95 {p95:.2f} ms, max {max(search):.2f} ms")
    print(f"ratio finder/baseline (median): {p50 / statistics.median(base):.1f}x")
    sys.exit(0 if p95 <= TARGET_P95_MS else 1)


if __name__ == "__main__":
    main()
