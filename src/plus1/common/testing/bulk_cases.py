# SPDX-License-Identifier: EUPL-1.2
"""Many cases for one team at once, for list and scale tests (bulk_create: seconds for
20,000). Not the demo generator: these rows have no audit entries or outbox rows."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from plus1.cases.models import Case, CaseStatus
from plus1.catalog.models import CaseType
from plus1.identity.models import Party


def bulk_cases(
    case_type: CaseType,
    residents: list[Party],
    count: int,
    *,
    prefix: str = "BULK",
    batch: int = 2000,
) -> int:
    """`count` open cases of the case type, spread over the residents and over deadlines from
    30 days ago to 60 days ahead, each with its first status. Returns how many were made."""
    today = timezone.localdate()
    initial = case_type.statuses.get(is_initial=True)
    made = 0
    for start in range(0, count, batch):
        rows = [
            Case(
                identification=f"{prefix}-{today.year}-{n:07d}",
                case_type=case_type,
                initiator=residents[n % len(residents)],
                form_data={"onderwerp": f"Aanvraag {n}"},
                status=initial,
                responsible_team=case_type.responsible_team,
                confidentiality=case_type.confidentiality,
                registered_on=today - dt.timedelta(days=n % 90),
                deadline=today + dt.timedelta(days=(n % 90) - 30),
                postcode=f"{1000 + n % 9000}AB",
                house_number=str(n % 200 + 1),
            )
            for n in range(start, min(start + batch, count))
        ]
        created = Case.objects.bulk_create(rows)
        now = timezone.now()
        CaseStatus.objects.bulk_create(
            [CaseStatus(case=case, status=initial, set_at=now) for case in created]
        )
        made += len(created)
    return made
