# SPDX-License-Identifier: EUPL-1.2
"""Vastgelopen zaken: open cases that stay in one status longer than its norm (working
days, StatusType.norm_days), cases that loop (the same status reached twice), and cases
whose resident contacted the municipality 3 or more times in 30 days (contact moments on
the case). One queryset with SQL annotations; the reasons are worked out per page only.

The norm in working days becomes a date per distinct norm (few), so the database compares
each case's time in its status with one cutoff: no loop over the cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as SqlCase
from django.db.models.functions import Coalesce
from django.utils import timezone

from plus1.cases.models import Case, CaseStatus
from plus1.catalog.models import StatusType
from plus1.common.legal_clock import is_working_day, working_days_between
from plus1.contact.models import ContactMoment

REPEAT_CONTACTS = 3
CONTACT_WINDOW_DAYS = 30


def over_norm_from(today: dt.date, norm_days: int) -> dt.date:
    """The first day a case may have entered its status and still be within a norm of
    `norm_days` working days on `today` (working days counted after the day of entry, up to
    and including today, as `working_days_between`); earlier is over the norm."""
    day, counted = today, 0  # counted: working days after `day` up to and including today
    while counted <= norm_days:
        counted += is_working_day(day)
        day -= dt.timedelta(days=1)
    return day + dt.timedelta(days=1)  # `day` is the latest entry that is over it


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def stuck_cases(cases: QuerySet[Case], today: dt.date | None = None) -> QuerySet[Case]:
    """Of `cases` (already scoped to the reader's teams): the open ones that are stuck, the
    longest in their status first, annotated with `status_since`, `over_norm`, `loops` and
    `recent_contacts`."""
    today = today or timezone.localdate()
    open_cases = cases.filter(closed_on__isnull=True)
    steps = CaseStatus.objects.filter(case=OuterRef("pk"))
    repeated = steps.order_by().values("status").annotate(times=Count("pk")).filter(times__gt=1)
    window = _start_of(today - dt.timedelta(days=CONTACT_WINDOW_DAYS - 1))
    contacts = (
        ContactMoment.objects.filter(case=OuterRef("pk"), registered_at__gte=window)
        .order_by()
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")
    )
    annotated = open_cases.annotate(
        status_since=Subquery(steps.order_by("-set_at", "-pk").values("set_at")[:1]),
        loops=Exists(repeated),
        recent_contacts=Coalesce(Subquery(contacts, output_field=IntegerField()), 0),
    )
    norms: list[int] = sorted(
        norm
        for norm in StatusType.objects.filter(
            norm_days__isnull=False, pk__in=open_cases.values("status_id")
        )
        .order_by()  # the default ordering would make each status type its own row
        .values_list("norm_days", flat=True)
        .distinct()
        if norm is not None
    )
    # One comparison with the cutoff of the case's norm: the database then reads the
    # status history once for it (an OR per norm repeats the subquery in each term).
    cutoff = SqlCase(
        *(
            When(status__norm_days=norm, then=Value(_start_of(over_norm_from(today, norm))))
            for norm in norms
        ),
        output_field=DateTimeField(),
    )
    annotated = annotated.annotate(
        over_norm=ExpressionWrapper(Q(status_since__lt=cutoff), output_field=BooleanField())
        if norms
        else Value(False, output_field=BooleanField())
    )
    return annotated.filter(
        Q(over_norm=True) | Q(loops=True) | Q(recent_contacts__gte=REPEAT_CONTACTS)
    ).order_by("status_since", "pk")


@dataclass(frozen=True)
class StuckRow:
    case: Case
    reasons: list[str]


def stuck_reasons(page: Sequence[Case], today: dt.date | None = None) -> list[StuckRow]:
    """The reasons, in plain Dutch, for the cases on one page (one query for the loops)."""
    today = today or timezone.localdate()
    looped: dict[int, list[str]] = {}
    repeated = (
        CaseStatus.objects.filter(case__in=[case.pk for case in page])
        .values("case", "status__name", "status__order")
        .annotate(times=Count("pk"))
        .filter(times__gt=1)
        .order_by("case", "status__order")
    )
    for row in repeated:
        looped.setdefault(row["case"], []).append(f"{row['status__name']} ({row['times']}×)")
    rows = []
    for case in page:
        reasons = []
        since = case.status_since  # type: ignore[attr-defined]
        if case.over_norm:  # type: ignore[attr-defined]
            days = working_days_between(timezone.localtime(since).date(), today)
            reasons.append(
                f"Al {days} werkdagen in ‘{case.status.name if case.status else ''}’ "
                f"(norm {case.status.norm_days if case.status else ''} werkdagen)"
            )
        if case.pk in looped:
            reasons.append("Status opnieuw bereikt: " + ", ".join(looped[case.pk]))
        contacts = case.recent_contacts  # type: ignore[attr-defined]
        if contacts >= REPEAT_CONTACTS:
            reasons.append(f"{contacts} keer contact in {CONTACT_WINDOW_DAYS} dagen")
        rows.append(StuckRow(case, reasons))
    return rows
