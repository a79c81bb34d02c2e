# SPDX-License-Identifier: EUPL-1.2
"""/prestaties/: what a request costs when the figures are computed per request (as before)
against reading the published build's snapshot (now). Short and bounded: a few hundred cases
in a throwaway SQLite database, 20 requests each.

    PYTHONPATH=src python benchmarks/performance_page.py
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time

os.environ.setdefault("PLUS1_DATA_DIR", tempfile.mkdtemp())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
os.environ.setdefault("PLUS1_ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

CASES, REQUESTS = 400, 20


def main() -> None:
    call_command("migrate", verbosity=0)
    from plus1.cases.models import Case
    from plus1.common.testing.factories import CaseTypeFactory, ProductFactory
    from plus1.insights import performance as perf
    from plus1.insights.team_figures import team_source
    from plus1.opendata.build import opendata_build
    from plus1.opendata.tests.conftest import make_cases

    product = ProductFactory(slug="bench", name="Bench", case_type=CaseTypeFactory())
    start = dt.date(2026, 1, 5)
    for month in range(4):
        day = start + dt.timedelta(days=30 * month)
        make_cases(
            product.case_type,
            CASES // 4,
            registered_on=day,
            closed_on=day + dt.timedelta(days=9),
            deadline=day + dt.timedelta(days=20),
            district_code="WK000101",
        )
    reverse("insights:performance")  # load the URL configuration before timing the build
    t0 = time.perf_counter()
    opendata_build()
    build_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(REQUESTS):
        perf.performance({}, team_source(Case.objects.all()))
    live_ms = (time.perf_counter() - t0) / REQUESTS * 1000

    client = Client()
    assert client.get("/prestaties/").status_code == 200
    t0 = time.perf_counter()
    for _ in range(REQUESTS):
        client.get("/prestaties/")
    page_ms = (time.perf_counter() - t0) / REQUESTS * 1000
    with CaptureQueriesContext(connection) as queries:
        client.get("/prestaties/")
    print(f"cases: {CASES}; build: {build_s:.2f} s")
    print(f"figures computed per request (before): {live_ms:.1f} ms")
    print(f"/prestaties/ from the snapshot (now):  {page_ms:.1f} ms, {len(queries)} queries")


if __name__ == "__main__":
    main()
