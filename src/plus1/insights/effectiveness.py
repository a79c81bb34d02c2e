# SPDX-License-Identifier: EUPL-1.2
"""Effectiveness figures over closed cases (issue 14 §2): lead time and decided on time,
first-time-right and repeat contact per product × month of closing, first-time-right also
per wijk × month, and the time to resolution of meldingen per category × month.

A case is *first-time-right* when it had no aanvulverzoek, never got a status after a final
one (reopened) and no bezwaar against it was upheld (a case of a bezwaar case type, see
`KPI_OBJECTION_*` in the settings, closed with an upheld status and naming this case's
zaaknummer). It had *repeat contact* when its initiator contacted the municipality about
this case or its product within 30 days after it closed.

The four tables of a month publish the same numbers (cases closed per product, in total, and
first-time-right in total), so they are protected together (`disclosure.protect_linked`):
what one hides, none shows. Staff read their own teams' figures unprotected (`protect=False`).
"""

from __future__ import annotations

import datetime as dt
import statistics as stats
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone

from plus1.cases.models import Case, CaseStatus, InformationRequest
from plus1.catalog.models import Product
from plus1.common.legal_clock import working_days_between
from plus1.contact.models import ContactMoment
from plus1.insights.disclosure import (
    TOTAL,
    Protected,
    Table,
    plain_table,
    protect_linked,
    protect_table,
)
from plus1.insights.statistics import UNKNOWN, Row, month_key, percentile, product_labels
from plus1.meldingen.categories import category_choices, service_deadline

ON_TIME, LATE = "op tijd", "te laat"
RIGHT, NOT_RIGHT = "goed in één keer", "niet in één keer"
REPEAT, NO_REPEAT = "met herhaalcontact", "zonder herhaalcontact"
WITHIN_NORM, PAST_NORM = "binnen de norm", "na de norm"
REPEAT_WINDOW = dt.timedelta(days=30)


@dataclass(frozen=True)
class ClosedCase:
    product: str
    month: str
    district: str
    lead: int  # working days from registration to closing
    on_time: bool
    first_time_right: bool
    repeat_contact: bool


def _upheld_objections() -> set[str]:
    """Zaaknummers (upper case) named by a bezwaar that was upheld."""
    field = settings.KPI_OBJECTION_REFERENCE_FIELD
    named = (
        Case.objects.filter(
            case_type__code__in=settings.KPI_OBJECTION_CASE_TYPES,
            status__code__in=settings.KPI_OBJECTION_UPHELD_STATUSES,
            status__is_final=True,
        )
        .annotate(contested=KeyTextTransform(field, "form_data"))
        .values_list("contested", flat=True)
    )
    return {str(value).strip().upper() for value in named if value}


def _contacts_since(day: dt.date) -> dict[int, list[tuple[dt.date, int | None, int | None]]]:
    """Per party: (local date, case, case type of the product) of its contact moments."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    found: dict[int, list[tuple[dt.date, int | None, int | None]]] = defaultdict(list)
    moments = ContactMoment.objects.filter(party__isnull=False, registered_at__gte=start)
    for party_id, at, case_id, case_type_id in moments.values_list(
        "party_id", "registered_at", "case_id", "product__case_type_id"
    ).order_by("pk"):
        found[party_id].append((timezone.localtime(at).date(), case_id, case_type_id))
    return found


def closed_cases(cases: QuerySet[Case] | None = None) -> list[ClosedCase]:
    """The facts of every closed case (meldingen excepted) of `cases` (default: all)."""
    base = Case.objects.all() if cases is None else cases
    later = CaseStatus.objects.filter(case=OuterRef("case")).filter(
        Q(set_at__gt=OuterRef("set_at")) | Q(set_at=OuterRef("set_at"), pk__gt=OuterRef("pk"))
    )
    reopened = CaseStatus.objects.filter(case=OuterRef("pk"), status__is_final=True).filter(
        Exists(later)
    )
    rows = list(
        base.filter(closed_on__isnull=False, melding__isnull=True)
        .annotate(
            asked=Exists(InformationRequest.objects.filter(case=OuterRef("pk"))),
            reopened=Exists(reopened),
        )
        .values_list(
            "pk",
            "identification",
            "case_type_id",
            "initiator_id",
            "district_code",
            "registered_on",
            "closed_on",
            "deadline",
            "asked",
            "reopened",
        )
        .order_by("pk")
    )
    if not rows:
        return []
    labels, upheld = product_labels(), _upheld_objections()
    contacts = _contacts_since(min(row[6] for row in rows if row[6] is not None))
    facts = []
    for pk, number, type_id, party, district, registered, closed, deadline, asked, again in rows:
        assert closed is not None  # filtered above
        until = closed + REPEAT_WINDOW
        repeat = any(
            closed < day <= until and (case_id == pk or product_type == type_id)
            for day, case_id, product_type in contacts.get(party, ())
        )
        facts.append(
            ClosedCase(
                product=labels[type_id],
                month=month_key(closed),
                district=district or UNKNOWN,
                lead=working_days_between(registered, closed),
                on_time=closed <= deadline,
                first_time_right=not (asked or again or number.upper() in upheld),
                repeat_contact=repeat,
            )
        )
    return facts


@dataclass(frozen=True)
class Month:
    month: str
    products: list[str]
    districts: list[str]
    lead: Protected
    right: Protected
    repeat: Protected
    right_by_district: Protected
    days: dict[str, list[int]]  # product (or TOTAL) → lead times in working days


def months(facts: list[ClosedCase], protect: bool = True) -> list[Month]:
    """Per month of closing, the four tables (protected together unless `protect` is off)."""
    products = sorted({fact.product for fact in facts})
    districts = sorted({fact.district for fact in facts})
    by_month: dict[str, list[ClosedCase]] = defaultdict(list)
    for fact in facts:
        by_month[fact.month].append(fact)
    found = []
    n, m = len(products), len(districts)
    # Cells that hold one number: each product's total closed (and the grand total) in the
    # three product tables and the wijk table; first-time-right in total in both its tables.
    shared = [[(0, (i, 2)), (1, (i, 2)), (2, (i, 2))] for i in range(n)]
    shared += [[(0, (n, 2)), (1, (n, 2)), (2, (n, 2)), (3, (m, 2))]]
    shared += [[(1, (n, 0)), (3, (m, 0))], [(1, (n, 1)), (3, (m, 1))]]
    for month in sorted(by_month):
        group = by_month[month]
        tables = [
            Table(products, [ON_TIME, LATE], _count(group, "product", "on_time", ON_TIME, LATE)),
            Table(
                products,
                [RIGHT, NOT_RIGHT],
                _count(group, "product", "first_time_right", RIGHT, NOT_RIGHT),
            ),
            Table(
                products,
                [REPEAT, NO_REPEAT],
                _count(group, "product", "repeat_contact", REPEAT, NO_REPEAT),
            ),
            Table(
                districts,
                [RIGHT, NOT_RIGHT],
                _count(group, "district", "first_time_right", RIGHT, NOT_RIGHT),
            ),
        ]
        if protect:
            lead, right, repeat, by_district = protect_linked(tables, shared)
        else:
            lead, right, repeat, by_district = (
                plain_table(t.rows, t.cols, t.counts) for t in tables
            )
        days: dict[str, list[int]] = defaultdict(list)
        for fact in group:
            days[fact.product].append(fact.lead)
            days[TOTAL].append(fact.lead)
        found.append(Month(month, products, districts, lead, right, repeat, by_district, days))
    return found


def _count(
    facts: list[ClosedCase], row: str, flag: str, yes: str, no: str
) -> dict[tuple[Any, Any], int]:
    return dict(Counter((getattr(f, row), yes if getattr(f, flag) else no) for f in facts))


def _share(table: Protected, i: int, names: tuple[str, str, str, str]) -> Row:
    """Total, the two parts and the share of the first (only when all three are shown)."""
    first, second, total = table.value(i, 0), table.value(i, 1), table.value(i, 2)
    share = None
    if first is not None and second is not None and total:
        share = round(100 * first / total, 1)
    notes = {table.note(i, 0), table.note(i, 1), table.note(i, 2)} - {""}
    return {
        names[0]: total,
        names[1]: first,
        names[2]: second,
        names[3]: share,
        "opmerking": "; ".join(sorted(notes)),
    }


def _spread(row: Row, total: int | None, days: list[int]) -> Row:
    show = total is not None and total > 0 and bool(days)
    row["mediaan_werkdagen"] = float(stats.median(days)) if show else None
    row["p90_werkdagen"] = percentile(days, 0.9) if show else None
    return row


LEAD = ("afgehandeld", "op_tijd", "te_laat", "percentage_op_tijd")
RIGHT_NAMES = ("afgehandeld", "goed_in_een_keer", "niet_in_een_keer", "percentage_goed_in_een_keer")
REPEAT_NAMES = (
    "afgehandeld",
    "met_herhaalcontact",
    "zonder_herhaalcontact",
    "percentage_herhaalcontact",
)


def _product_rows(
    tables: list[Month],
    pick: Callable[[Month], Protected],
    names: tuple[str, str, str, str],
    lead_times: bool = False,
) -> list[Row]:
    found = []
    for item in tables:
        table = pick(item)
        for i, product in enumerate([*item.products, TOTAL]):
            row = {"maand": item.month, "product": product, **_share(table, i, names)}
            if lead_times:
                _spread(row, row["afgehandeld"], item.days.get(product, []))
            found.append(row)
    return found


def lead_rows(tables: list[Month]) -> list[Row]:
    """Decided, on time, late, share on time, and median and p90 lead time (working days);
    the lead times only where the number decided is shown."""
    return _product_rows(tables, lambda m: m.lead, LEAD, lead_times=True)


def right_rows(tables: list[Month]) -> list[Row]:
    return _product_rows(tables, lambda m: m.right, RIGHT_NAMES)


def repeat_rows(tables: list[Month]) -> list[Row]:
    return _product_rows(tables, lambda m: m.repeat, REPEAT_NAMES)


def right_by_district_rows(tables: list[Month]) -> list[Row]:
    found = []
    for item in tables:
        for i, district in enumerate([*item.districts, TOTAL]):
            share = _share(item.right_by_district, i, RIGHT_NAMES)
            found.append({"maand": item.month, "wijk": district, **share})
    return found


# The published datasets: all cases, protected.
def lead_times_per_product_month() -> list[Row]:
    return lead_rows(months(closed_cases()))


def first_time_right_per_product_month() -> list[Row]:
    return right_rows(months(closed_cases()))


def repeat_contact_per_product_month() -> list[Row]:
    return repeat_rows(months(closed_cases()))


def first_time_right_per_district_month() -> list[Row]:
    return right_by_district_rows(months(closed_cases()))


RESOLVED = ("opgelost", "binnen_norm", "na_norm", "percentage_binnen_norm")


def melding_resolution_per_category_month(
    cases: QuerySet[Case] | None = None, protect: bool = True
) -> list[Row]:
    """Meldingen resolved per category and month: within the category's service norm or
    after it, and the time to resolution in working days (median, p90)."""
    names = dict(category_choices())
    base = Case.objects.all() if cases is None else cases
    resolved = base.filter(
        closed_on__isnull=False, melding__isnull=False, melding__merged_into__isnull=True
    ).values_list("melding__category", "registered_on", "closed_on")
    counts: dict[str, Counter[tuple[Any, Any]]] = defaultdict(Counter)
    days: dict[tuple[str, str], list[int]] = defaultdict(list)
    for slug, registered, closed in resolved:
        if slug not in names or closed is None:  # a category that no longer exists has no norm
            continue
        month, category = month_key(closed), names[slug]
        within = closed <= service_deadline(slug, registered)
        counts[month][(category, WITHIN_NORM if within else PAST_NORM)] += 1
        lead = working_days_between(registered, closed)
        days[(month, category)].append(lead)
        days[(month, TOTAL)].append(lead)
    categories = sorted({key[0] for per_month in counts.values() for key in per_month})
    found = []
    for month in sorted(counts):
        cells = dict(counts[month])
        table = (
            protect_table(categories, [WITHIN_NORM, PAST_NORM], cells)
            if protect
            else plain_table(categories, [WITHIN_NORM, PAST_NORM], cells)
        )
        for i, category in enumerate([*categories, TOTAL]):
            row = {"maand": month, "categorie": category, **_share(table, i, RESOLVED)}
            found.append(_spread(row, row["opgelost"], days.get((month, category), [])))
    return found


QUESTION_NAMES = (
    "vragen",
    "met_herhaalcontact",
    "zonder_herhaalcontact",
    "percentage_herhaalcontact",
)


def repeat_contact_questions_per_product_month(
    moments: QuerySet[ContactMoment] | None = None, protect: bool = True
) -> list[Row]:
    """Questions about a product asked in a contact moment, not about a case: a party's
    contact about a product opens a question when they had none about it in the 30 days
    before; it had repeat contact when their next one about it came within 30 days. Counted
    by the month the question was opened (a population no other table holds)."""
    base = ContactMoment.objects.all() if moments is None else moments
    names = dict(Product.objects.values_list("pk", "name"))
    found_moments = (
        base.filter(party__isnull=False, product__isnull=False, case__isnull=True)
        .values_list("party_id", "product_id", "registered_at")
        .order_by("party_id", "product_id", "registered_at", "pk")
    )
    days: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
    for party_id, product_id, at in found_moments:
        days[(party_id, product_id)].append(timezone.localtime(at).date())
    counts: dict[str, Counter[tuple[Any, Any]]] = defaultdict(Counter)
    for (_party, product_id), seen in days.items():
        for n, day in enumerate(seen):
            if n and day - seen[n - 1] <= REPEAT_WINDOW:
                continue  # part of the question asked before
            again = n + 1 < len(seen) and seen[n + 1] - day <= REPEAT_WINDOW
            counts[month_key(day)][(names[product_id], REPEAT if again else NO_REPEAT)] += 1
    products = sorted({key[0] for per_month in counts.values() for key in per_month})
    found = []
    for month in sorted(counts):
        build = protect_table if protect else plain_table
        table = build(products, [REPEAT, NO_REPEAT], dict(counts[month]))
        for i, product in enumerate([*products, TOTAL]):
            found.append({"maand": month, "product": product, **_share(table, i, QUESTION_NAMES)})
    return found
