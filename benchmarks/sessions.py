# SPDX-License-Identifier: EUPL-1.2
"""Logged-in sessions for the page scenarios of zgw_load.py (run in-process against the
benchmark's database, before the load run; use a scratch database: it changes data).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/plus1_bench \
        python benchmarks/sessions.py [--resident-cases 50]

It prints two lines for zgw_load.py: `--staff-session KEY` (a staff member of the team
with the most open zaken, logged in through the workbench's password and app-code steps)
and `--resident-session KEY` (a generated resident given --resident-cases zaken, initiator
role included), plus what they will see.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resident-cases", type=int, default=50)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q
    from django.test import Client

    from plus1.cases.models import Case, Role
    from plus1.identity.models import Party, Team, TeamMembership
    from plus1.identity.testing import TEST_PASSWORD, staff_login

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    team = (
        Team.objects.annotate(open=Count("cases", filter=Q(cases__closed_on__isnull=True)))
        .order_by("-open", "pk")
        .first()
    )
    if team is None:
        raise SystemExit("No team: run `plus1 demo --no-serve` and `plus1 generate` first")
    users = get_user_model()
    staff, made = users.objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    if made:
        staff.set_password(TEST_PASSWORD)
        staff.save()
    TeamMembership.objects.get_or_create(team=team, user=staff)
    staff_session = staff_login(Client(secure=True), staff).cookies[settings.SESSION_COOKIE_NAME]

    resident = (
        Party.objects.filter(kind="resident", user__isnull=True, bsn_index__isnull=False)
        .order_by("pk")
        .first()
    )
    if resident is None:
        raise SystemExit("No generated resident: run `plus1 generate` first")
    resident.user = users.objects.create(username=f"bench-resident-{resident.pk}")
    resident.save(update_fields=["user"])
    cases = list(
        Case.objects.exclude(initiator=resident)
        .order_by("pk")
        .values_list("pk", flat=True)[: max(0, args.resident_cases - resident.cases.count())]
    )
    Case.objects.filter(pk__in=cases).update(initiator=resident)
    Role.objects.filter(case_id__in=cases, is_initiator=True).update(
        party=resident, bsn_encrypted=resident.bsn_encrypted, bsn_index=resident.bsn_index
    )
    browser = Client(secure=True)
    browser.force_login(resident.user)
    resident_session = browser.cookies[settings.SESSION_COOKIE_NAME]
    print(
        f"# team {team.slug}: {team.open} open zaken; resident with {resident.cases.count()} zaken"
    )
    print(f"--staff-session {staff_session.value} --team {team.slug}")
    print(f"--resident-session {resident_session.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
