# SPDX-License-Identifier: EUPL-1.2
"""The published figures: counts per product × wijk × month, meldingen per category × buurt
× month, lead times and on-time rates per product × month. Read-only aggregate queries over
the cases and meldingen tables; every count goes through `disclosure.protect_table`. The
figures over closed cases (lead times, first-time-right, repeat contact) and the time to
resolution of meldingen are in `effectiveness`.

Each month is its own two-way table with its totals (row `totaal`, column `totaal`); no sum
over months is published, so no cell can be recomputed from another month. Cases that are
meldingen are counted only in the meldingen figures (never twice), so the two datasets
share no cell. Lead times count cases by the month they were decided, a population that no
other table except those of `effectiveness`, which protect it together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from plus1.cases.models import Case
from plus1.catalog.models import CaseType, Product
from plus1.geo.models import District, Neighbourhood
from plus1.insights.disclosure import TOTAL, Protected, plain_table, protect_table
from plus1.meldingen.categories import category_choices
from plus1.meldingen.models import Melding

UNKNOWN = "onbekend"
Row = dict[str, Any]


def month_key(day: dt.date | dt.datetime) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def product_labels() -> dict[int, str]:
    """Case type id → the product's name (the case type's name when it has no product)."""
    labels = dict(CaseType.objects.values_list("pk", "name"))
    for case_type_id, name in Product.objects.filter(case_type__isnull=False).values_list(
        "case_type_id", "name"
    ):
        labels[case_type_id] = name
    return labels


def area_labels() -> dict[str, str]:
    districts = dict(District.objects.values_list("code", "name"))
    return {**districts, **dict(Neighbourhood.objects.values_list("code", "name"))}


def _rows_of(
    table: Protected, month: str, row_name: str, col_name: str, value_name: str
) -> Iterable[Row]:
    rows, cols = [*table.rows, TOTAL], [*table.cols, TOTAL]
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            yield {
                "maand": month,
                row_name: row,
                col_name: col,
                value_name: table.value(i, j),
                "opmerking": table.note(i, j),
            }


def _monthly_tables(
    counts: dict[str, dict[tuple[Hashable, Hashable], int]],
    row_name: str,
    col_name: str,
    protect: bool = True,
) -> list[Row]:
    found: list[Row] = []
    all_rows = sorted({key[0] for per_month in counts.values() for key in per_month}, key=str)
    all_cols = sorted({key[1] for per_month in counts.values() for key in per_month}, key=str)
    for month in sorted(counts):
        table = (protect_table if protect else plain_table)(all_rows, all_cols, counts[month])
        found.extend(_rows_of(table, month, row_name, col_name, "aantal"))
    return found


def cases_per_product_district_month(
    cases: QuerySet[Case] | None = None, protect: bool = True
) -> list[Row]:
    """Requests per product × wijk × month of registration; `cases` and `protect` let staff
    read their own teams' figures unprotected."""
    labels = product_labels()
    grouped = (
        (Case.objects.all() if cases is None else cases)
        .filter(melding__isnull=True)
        .annotate(month=TruncMonth("registered_on"))
        .values("month", "case_type_id", "district_code")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[tuple[Hashable, Hashable], int]] = defaultdict(lambda: defaultdict(int))
    for item in grouped:
        key = (labels[item["case_type_id"]], item["district_code"] or UNKNOWN)
        counts[month_key(item["month"])][key] += item["n"]
    return _monthly_tables(counts, "product", "wijk", protect)


def meldingen_per_category_neighbourhood_month() -> list[Row]:
    names = dict(category_choices())
    grouped = (
        Melding.objects.filter(merged_into__isnull=True)
        .annotate(month=TruncMonth("created_at"))
        .values("month", "category", "case__neighbourhood_code")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[tuple[Hashable, Hashable], int]] = defaultdict(lambda: defaultdict(int))
    for item in grouped:
        key = (
            names.get(item["category"], item["category"]),
            item["case__neighbourhood_code"] or UNKNOWN,
        )
        counts[month_key(item["month"])][key] += item["n"]
    return _monthly_tables(counts, "categorie", "buurt")


def percentile(values: list[int], fraction: float) -> float:
    """Nearest-rank percentile (p90 of 10 values is the 9th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))
    return float(ordered[rank - 1])


SCORE_COLUMNS = tuple(f"cijfer_{n}" for n in range(1, 6))


def quarter_key(day: dt.date | dt.datetime) -> str:
    return f"{day.year:04d}-K{(day.month - 1) // 3 + 1}"


def satisfaction_per_product_quarter(
    cases: QuerySet[Case] | None = None, protect: bool = True
) -> list[Row]:
    """Per product and quarter of answering: how many gave each score (protected, with
    totals), and the average score only when no count of that row is hidden (with the
    number of ratings, an average and the visible counts would give a hidden one away)."""
    from plus1.insights.models import SatisfactionRating

    labels = product_labels()
    counts: dict[str, dict[tuple[Hashable, Hashable], int]] = defaultdict(lambda: defaultdict(int))
    ratings = SatisfactionRating.objects.all()
    if cases is not None:
        ratings = ratings.filter(case__in=cases.values("pk"))
    for case_type_id, score, answered_at in ratings.values_list(
        "case__case_type_id", "score", "answered_at"
    ):
        counts[quarter_key(answered_at)][(labels[case_type_id], SCORE_COLUMNS[score - 1])] += 1
    products = sorted({str(key[0]) for per in counts.values() for key in per})
    found: list[Row] = []
    for quarter in sorted(counts):
        table = (protect_table if protect else plain_table)(
            products, SCORE_COLUMNS, counts[quarter]
        )
        for i, product in enumerate([*products, TOTAL]):
            row: Row = {"kwartaal": quarter, "product": product}
            cells = [table.value(i, j) for j in range(len(SCORE_COLUMNS))]
            total = table.value(i, len(SCORE_COLUMNS))
            row.update(dict(zip(SCORE_COLUMNS, cells, strict=True)))
            row["aantal"] = total
            visible = [c for c in cells if c is not None]
            complete = len(visible) == len(cells) and total
            row["gemiddeld_cijfer"] = (
                round(sum(n * c for n, c in enumerate(visible, start=1)) / total, 2)
                if complete and total
                else None
            )
            notes = {table.note(i, j) for j in range(len(SCORE_COLUMNS) + 1)} - {""}
            row["opmerking"] = "; ".join(sorted(notes))
            found.append(row)
    return found
