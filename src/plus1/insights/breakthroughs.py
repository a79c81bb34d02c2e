# SPDX-License-Identifier: EUPL-1.2
"""The public overview of the doorbraak route: how often a rule pinched, per product and
legal basis, from the doorbraak team's decisions. Counts only (the free texts stay
internal), protected like the open data (`disclosure.protect_table`: below 10 hidden, and
the cells that would give a hidden one away)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, NullIf

from plus1.cases.breakthrough_models import Breakthrough
from plus1.insights.disclosure import TOTAL, Protected, protect_table

NO_BASIS = "Geen grondslag genoemd"


@dataclass(frozen=True)
class Cell:
    value: int | None  # None: hidden
    note: str


@dataclass(frozen=True)
class BreakthroughTable:
    columns: list[str]  # legal bases, then the total
    rows: list[tuple[str, list[Cell]]]  # product, then the total row
    decided: int

    @property
    def empty(self) -> bool:
        return self.decided == 0


def rules_that_pinched() -> BreakthroughTable:
    """Decided doorbraken per product (the one chosen, else the case type) × legal basis."""
    counts_rows = (
        Breakthrough.objects.filter(decided_at__isnull=False)
        .annotate(
            product_name=Coalesce(F("product__name"), F("case__case_type__name")),
            basis=Coalesce(NullIf(F("legal_basis"), Value("")), Value(NO_BASIS)),
        )
        .values("product_name", "basis")
        .annotate(n=Count("pk"))
        .order_by("product_name", "basis")
    )
    counts = {(row["product_name"], row["basis"]): row["n"] for row in counts_rows}
    products = sorted({product for product, _basis in counts})
    bases = sorted({basis for _product, basis in counts})
    table = protect_table(products, bases, counts)
    return BreakthroughTable(
        columns=[*bases, TOTAL],
        rows=_rows(table, [*products, TOTAL]),
        decided=sum(counts.values()),
    )


def _rows(table: Protected, labels: list[str]) -> list[tuple[str, list[Cell]]]:
    return [
        (
            label,
            [Cell(table.value(i, j), table.note(i, j)) for j in range(len(table.cols) + 1)],
        )
        for i, label in enumerate(labels)
    ]
