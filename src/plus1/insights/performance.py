# SPDX-License-Identifier: EUPL-1.2
""" "Hoe doen wij het?": the public performance figures, filtered, with their charts.

The public page shows the open data's own protected tables as the last build published
them (`opendata.build.published_rows`): nothing is computed per request, and the page shows
nothing the datasets hide. Staff see the same charts over their own teams' cases,
unprotected (`insights.team_figures`). Requests and first-time-right are shown per wijk;
lead times, on-time rates and repeat contact per product for the whole municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from plus1.insights import statistics
from plus1.insights.disclosure import TOTAL
from plus1.insights.statistics import Row


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
    category: str = ""


@dataclass(frozen=True)
class Performance:
    filters: Filters
    products: list[str]
    wijken: list[tuple[str, str]]
    months: list[str]
    categories: list[str]
    charts: list[Chart]
    problems: list[str]


# The rows of a dataset by its slug: the published snapshot (public page) or a team's own
# figures computed for staff.
Source = Callable[[str], list[Row]]


def performance(raw: dict[str, str], rows: Source) -> Performance:
    requests = rows("zaken-per-product-wijk-maand")
    leads = rows("doorlooptijden-per-product-maand")
    right = rows("goed-in-een-keer-per-product-maand")
    right_by_wijk = rows("goed-in-een-keer-per-wijk-maand")
    repeat = rows("herhaalcontact-per-product-maand")
    questions = rows("herhaalcontact-vragen-per-product-maand")
    resolved = rows("oplostijd-meldingen-per-categorie-maand")
    products = sorted({row["product"] for row in requests + leads + questions} - {TOTAL})
    names = statistics.area_labels()
    codes = sorted({row["wijk"] for row in requests + right_by_wijk} - {TOTAL})
    wijken = [(code, names.get(code, code)) for code in codes]
    months = sorted({row["maand"] for row in requests + leads + resolved + questions})
    categories = sorted({row["categorie"] for row in resolved} - {TOTAL})
    filters, problems = _parse(raw, products, [c for c, _ in wijken], months, categories)
    product, wijk = filters.product or TOTAL, filters.wijk or TOTAL
    category = filters.category or TOTAL

    def in_period(month: str) -> bool:
        return (not filters.start or month >= filters.start) and (
            not filters.end or month <= filters.end
        )

    def of(found: list[Row], column: str, value: str) -> list[Row]:
        return [r for r in found if r[column] == value and in_period(r["maand"])]

    chosen = [r for r in of(requests, "product", product) if r["wijk"] == wijk]
    lead = of(leads, "product", product)
    # First-time-right per wijk is published for all products together.
    if filters.wijk:
        first_time = of(right_by_wijk, "wijk", wijk)
        first_time_title = "Goed in één keer per maand in deze wijk (procent, alle producten)"
    else:
        first_time = of(right, "product", product)
        first_time_title = "Goed in één keer per maand (procent van de afgehandelde aanvragen)"
    again = of(repeat, "product", product)
    asked_again = of(questions, "product", product)
    fixed = of(resolved, "categorie", category)
    start_q, end_q = _quarter_of(filters.start), _quarter_of(filters.end)
    rated = [
        r
        for r in rows("tevredenheid-per-product-kwartaal")
        if r["product"] == product
        and (not start_q or r["kwartaal"] >= start_q)
        and (not end_q or r["kwartaal"] <= end_q)
    ]

    def points(found: list[Row], column: str, period: str = "maand") -> list[Any]:
        return [(r[period], r[column], r["opmerking"]) for r in found]

    charts = [
        chart("aanvragen", "Aantal aanvragen per maand", "aanvragen", points(chosen, "aantal")),
        chart(
            "doorlooptijd",
            "Doorlooptijd per maand (mediaan, in werkdagen)",
            "werkdagen",
            points(lead, "mediaan_werkdagen"),
        ),
        chart(
            "doorlooptijd-p90",
            "Doorlooptijd per maand: 9 van de 10 aanvragen waren klaar binnen (werkdagen)",
            "werkdagen",
            points(lead, "p90_werkdagen"),
        ),
        chart(
            "op-tijd",
            "Op tijd beslist per maand (procent van de afgehandelde aanvragen)",
            "procent",
            points(lead, "percentage_op_tijd"),
        ),
        chart(
            "goed-in-een-keer",
            first_time_title,
            "procent",
            points(first_time, "percentage_goed_in_een_keer"),
        ),
        chart(
            "herhaalcontact",
            "Binnen 30 dagen na het besluit opnieuw contact over dezelfde vraag (procent)",
            "procent",
            points(again, "percentage_herhaalcontact"),
        ),
        chart(
            "herhaalcontact-vragen",
            "Vragen zonder aanvraag: binnen 30 dagen opnieuw contact over hetzelfde (procent)",
            "procent",
            points(asked_again, "percentage_herhaalcontact"),
        ),
        chart(
            "tevredenheid",
            "Hoe tevreden inwoners zijn per kwartaal (gemiddeld cijfer, 1 tot en met 5)",
            "gemiddeld cijfer",
            points(rated, "gemiddeld_cijfer", "kwartaal"),
        ),
        chart(
            "meldingen-oplostijd",
            "Meldingen openbare ruimte: oplostijd per maand (mediaan, in werkdagen)",
            "werkdagen",
            points(fixed, "mediaan_werkdagen"),
        ),
        chart(
            "meldingen-binnen-norm",
            "Meldingen openbare ruimte: binnen de norm opgelost per maand (procent)",
            "procent",
            points(fixed, "percentage_binnen_norm"),
        ),
    ]
    return Performance(filters, products, wijken, months, categories, charts, problems)


def _quarter_of(month: str) -> str:
    """ "2026-05" → "2026-K2"; empty stays empty."""
    if not month:
        return ""
    year, number = month.split("-")
    return f"{year}-K{(int(number) - 1) // 3 + 1}"


def _parse(
    raw: dict[str, str],
    products: list[str],
    wijken: list[str],
    months: list[str],
    categories: list[str],
) -> tuple[Filters, list[str]]:
    """Unknown choices are named, all at once, and ignored (the page still shows)."""
    problems = []
    keys = ("product", "wijk", "van", "tot", "categorie")
    values = {key: (raw.get(key) or "").strip() for key in keys}
    if values["product"] and values["product"] not in products:
        problems.append(f"Het product ‘{values['product']}’ kennen wij niet.")
        values["product"] = ""
    if values["wijk"] and values["wijk"] not in wijken:
        problems.append(f"De wijk ‘{values['wijk']}’ kennen wij niet.")
        values["wijk"] = ""
    if values["categorie"] and values["categorie"] not in categories:
        problems.append(f"De categorie ‘{values['categorie']}’ kennen wij niet.")
        values["categorie"] = ""
    for key, label in (("van", "De maand ‘van’"), ("tot", "De maand ‘tot en met’")):
        if values[key] and values[key] not in months:
            problems.append(f"{label} moet een maand uit de lijst zijn.")
            values[key] = ""
    if values["van"] and values["tot"] and values["van"] > values["tot"]:
        problems.append("De maand ‘van’ ligt na de maand ‘tot en met’.")
        values["van"] = values["tot"] = ""
    filters = Filters(
        values["product"], values["wijk"], values["van"], values["tot"], values["categorie"]
    )
    return filters, problems
