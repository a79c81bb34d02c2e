# SPDX-License-Identifier: EUPL-1.2
"""A team inbox with many open cases: one page of the paginated inbox against the former
unpaginated inbox (every case on one page, a data-trail record and audit entry per case),
measured in the same run on the same rows.

Run:  python benchmarks/bench_workbench_inbox.py [cases]        (SQLite in a temporary folder)
      DATABASE_URL=postgres://... python benchmarks/bench_workbench_inbox.py 20000
      python benchmarks/bench_workbench_inbox.py 200000 --no-baseline   (the former inbox
      takes minutes per view at that size)

Reports per page: time (p50, p95), SQL queries, HTML size, data-trail records and audit
entries written. The cases come from plus1.common.testing.bulk_cases (bulk_create, no
audit or outbox); `plus1 generate` is the realistic generator for whole-platform runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

BASELINE_TEMPLATE = """{% extends "workbench/base.html" %}{% block content %}
<table><tbody>{% for case in cases %}<tr{% if case.deadline < today %} class="overdue"{% endif %}>
<td><a href="{% url 'workbench:case' case.identification %}">{{ case.identification }}</a></td>
<td>{{ case.case_type.name }}</td><td>{{ case.initiator.name|default:"onbekend" }}</td>
<td>{{ case.status.name }}</td><td>{{ case.deadline|date:"j M Y" }}</td></tr>{% endfor %}
</tbody></table>{% endblock %}"""


def _setup() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["PLUS1_DATA_DIR"] = tempfile.mkdtemp(prefix="plus1-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", interactive=False, verbosity=0)


def _residents(count: int) -> list:
    from plus1.common.bsn import is_valid_bsn
    from plus1.identity.models import Party

    parties = []
    for number in range(999_000_000, 999_999_999):
        if len(parties) == count:
            break
        if is_valid_bsn(str(number)):
            party = Party(kind=Party.Kind.RESIDENT, name=f"Inwoner {len(parties)}")
            party.set_bsn(str(number))
            parties.append(party)
    return Party.objects.bulk_create(parties)


def _load(cases: int):  # type: ignore[no-untyped-def]
    from plus1.common.testing.bulk_cases import bulk_cases
    from plus1.common.testing.factories import CaseTypeFactory, TeamFactory, UserFactory
    from plus1.privacy.testing import serve_under_activity

    staff = UserFactory(staff=True, username="bench.staff", first_name="Bench")
    team = TeamFactory(slug="bench", name="Team Bench", members=[staff])
    case_type = CaseTypeFactory(code="bench", name="Benchzaak", responsible_team=team)
    serve_under_activity(case_type)
    bulk_cases(case_type, _residents(500), cases)
    from django.db import connection

    if connection.vendor == "postgresql":  # what autovacuum does soon after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return staff


def _measure(client, url: str) -> tuple[float, int, int, int, int]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plus1.audit.models import AuditEntry
    from plus1.privacy.models import DataTrailRecord

    trail, audit = DataTrailRecord.objects.count(), AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, response.status_code
    return (
        elapsed,
        len(queries),
        len(response.content),
        DataTrailRecord.objects.count() - trail,
        AuditEntry.objects.count() - audit,
    )


def _baseline_view(request):  # type: ignore[no-untyped-def]
    """The former inbox: every open case of the team, a trail record and entry per case."""
    from django.http import HttpResponse
    from django.template import engines
    from django.utils import timezone

    from plus1.audit.services import Actor
    from plus1.cases.selectors import team_inbox
    from plus1.privacy.services import personal_data_list_access

    cases = list(team_inbox(request.user))
    personal_data_list_access(actor=Actor.from_user(request.user), cases=cases, name="bench")
    template = engines["django"].from_string(BASELINE_TEMPLATE)
    return HttpResponse(template.render({"cases": cases, "today": timezone.localdate()}, request))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 20_000
    baseline = "--no-baseline" not in sys.argv
    _setup()
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import path

    from plus1.conf import urls as project_urls
    from plus1.identity.testing import staff_login

    project_urls.urlpatterns.insert(0, path("bench/oud/", _baseline_view))
    with override_settings(DEBUG=False):
        started = time.perf_counter()
        staff = _load(count)
        print(f"{count} open cases for one team in {time.perf_counter() - started:.1f} s")
        client = staff_login(Client(), staff)
        pages = [_measure(client, f"/werkplek/?pagina={n}") for n in [1, *range(2, 42, 2)]]
        old = [_measure(client, "/bench/oud/") for _ in range(2)] if baseline else []
    results = [("paginated inbox (50 per page)", pages), ("former inbox (all)", old)]
    for label, rows in results[: 2 if baseline else 1]:
        times = sorted(r[0] for r in rows)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(
            f"{label}: p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
            f"{max(r[1] for r in rows)} queries, {max(r[2] for r in rows) / 1024:.0f} KiB, "
            f"{max(r[3] for r in rows)} trail records, {max(r[4] for r in rows)} audit entries"
        )
    if baseline:
        ratio = statistics.median(r[0] for r in old) / statistics.median(r[0] for r in pages)
        print(f"ratio former/paginated (p50): {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
