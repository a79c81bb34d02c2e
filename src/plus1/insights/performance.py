# SPDX-License-Identifier: EUPL-1.2
""" "Hoe doen wij het?": the public performance figures, filtered, with their charts.

The figures are the open data's own protected tables (`statistics`), so the page shows
nothing the datasets hide. Requests are shown per product and wijk; lead times and
on-time rates per product for the whole municipality (per wijk the numbers would mostly
be too small to show).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plus1.insights import statistics
from plus1.insights.disclosure import TOTAL


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    note: str
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    unit: str
    bars: list[Bar]
    maximum: float
    ticks: list[tuple[float, str]] = field(default_factory=list)
    width: int = 600
    height: int = 260

    @property
    def has_values(self) -> bool:
        return any(bar.value is not None for bar in self.bars)


PLOT_LEFT, PLOT_TOP, PLOT_BOTTOM = 48, 16, 220


def chart(slug: str, title: str, unit: str, points: list[tuple[str, Any, str]]) -> Chart:
    """Bars laid out in a 600 × 260 viewBox; a hidden value leaves a gap, labelled."""
    values = [float(value) for _label, value, _note in points if value is not None]
    top = max(values, default=0.0) or 1.0
    scale = _nice(top)
    plot_width = 600 - PLOT_LEFT - 8
    step = plot_width / max(len(points), 1)
    bars = []
    for n, (label, value, note) in enumerate(points):
        height = 0.0 if value is None else (PLOT_BOTTOM - PLOT_TOP) * float(value) / scale
        bars.append(
            Bar(
                label=label,
                value=None if value is None else float(value),
                note=note,
                x=round(PLOT_LEFT + n * step + step * 0.15, 1),
                y=round(PLOT_BOTTOM - height, 1),
                width=round(step * 0.7, 1),
                height=round(height, 1),
            )
        )
    ticks = [
        (round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * part / 4, 1), _fmt(scale * part / 4))
        for part in range(5)
    ]
    return Chart(slug, title, unit, bars, scale, ticks)


def _nice(value: float) -> float:
    for base in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= base:
            return float(base)
    return float(value)


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class Filters:
    product: str = ""
    wijk: str = ""
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Performance:
    filters: Filters
    products: list[str]
    wijken: list[tuple[str, str]]
    months: list[str]
    charts: list[Chart]
    problems: list[str]


def performance(raw: dict[str, str]) -> Performance:
    requests = statistics.cases_per_product_district_month()
    leads = statistics.lead_times_per_product_month()
    products = sorted({row["product"] for row in requests + leads} - {TOTAL})
    names = statistics.area_labels()
    codes = sorted({row["wijk"] for row in requests} - {TOTAL})
    wijken = [(code, names.get(code, code)) for code in codes]
    months = sorted({row["maand"] for row in requests + leads})
    filters, problems = _parse(raw, products, [code for code, _ in wijken], months)
    product, wijk = filters.product or TOTAL, filters.wijk or TOTAL

    def in_period(month: str) -> bool:
        return (not filters.start or month >= filters.start) and (
            not filters.end or month <= filters.end
        )

    chosen = [
        r
        for r in requests
        if r["product"] == product and r["wijk"] == wijk and in_period(r["maand"])
    ]
    lead = [r for r in leads if r["product"] == product and in_period(r["maand"])]
    start_q, end_q = _quarter_of(filters.start), _quarter_of(filters.end)
    rated = [
        r
        for r in statistics.satisfaction_per_product_quarter()
        if r["product"] == product
        and (not start_q or r["kwartaal"] >= start_q)
        and (not end_q or r["kwartaal"] <= end_q)
    ]
    charts = [
        chart(
            "aanvragen",
            "Aantal aanvragen per maand",
            "aanvragen",
            [(r["maand"], r["aantal"], r["opmerking"]) for r in chosen],
        ),
        chart(
            "doorlooptijd",
            "Doorlooptijd per maand (mediaan, in werkdagen)",
            "werkdagen",
            [(r["maand"], r["mediaan_werkdagen"], r["opmerking"]) for r in lead],
        ),
        chart(
            "doorlooptijd-p90",
            "Doorlooptijd per maand: 9 van de 10 aanvragen waren klaar binnen (werkdagen)",
            "werkdagen",
            [(r["maand"], r["p90_werkdagen"], r["opmerking"]) for r in lead],
        ),
        chart(
            "op-tijd",
            "Op tijd beslist per maand (procent van de afgehandelde aanvragen)",
            "procent",
            [(r["maand"], r["percentage_op_tijd"], r["opmerking"]) for r in lead],
        ),
        chart(
            "tevredenheid",
            "Hoe tevreden inwoners zijn per kwartaal (gemiddeld cijfer, 1 tot en met 5)",
            "gemiddeld cijfer",
            [(r["kwartaal"], r["gemiddeld_cijfer"], r["opmerking"]) for r in rated],
        ),
    ]
    return Performance(filters, products, wijken, months, charts, problems)


def _quarter_of(month: str) -> str:
    """ "2026-05" → "2026-K2"; empty stays empty."""
    if not month:
        return ""
    year, number = month.split("-")
    return f"{year}-K{(int(number) - 1) // 3 + 1}"


def _parse(
    raw: dict[str, str], products: list[str], wijken: list[str], months: list[str]
) -> tuple[Filters, list[str]]:
    """Unknown choices are named, all at once, and ignored (the page still shows)."""
    problems = []
    values = {key: (raw.get(key) or "").strip() for key in ("product", "wijk", "van", "tot")}
    if values["product"] and values["product"] not in products:
        problems.append(f"Het product ‘{values['product']}’ kennen wij niet.")
        values["product"] = ""
    if values["wijk"] and values["wijk"] not in wijken:
        problems.append(f"De wijk ‘{values['wijk']}’ kennen wij niet.")
        values["wijk"] = ""
    for key, label in (("van", "De maand ‘van’"), ("tot", "De maand ‘tot en met’")):
        if values[key] and values[key] not in months:
            problems.append(f"{label} moet een maand uit de lijst zijn.")
            values[key] = ""
    if values["van"] and values["tot"] and values["van"] > values["tot"]:
        problems.append("De maand ‘van’ ligt na de maand ‘tot en met’.")
        values["van"] = values["tot"] = ""
    return Filters(values["product"], values["wijk"], values["van"], values["tot"]), problems
