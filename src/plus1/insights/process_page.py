# SPDX-License-Identifier: EUPL-1.2
"""The staff page "Procesinzicht": its filters (product, van, tot), their problems in plain
Dutch, and the directly-follows graph laid out for a server-rendered SVG."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from plus1.common.nl_dates import nl_date
from plus1.insights.process import (
    ProcessGraph,
    Product,
    Variants,
    process_graph,
    process_products,
    process_variants,
)

DEFAULT_DAYS = 365
NODE_WIDTH, NODE_HEIGHT, ROW = 220, 44, 104
CHAR_WIDTH = 6.6  # an estimate of the width of one character at font size 12


@dataclass(frozen=True)
class Filters:
    product: str
    start: dt.date
    end: dt.date

    @property
    def period(self) -> str:
        return f"{nl_date(self.start)} tot en met {nl_date(self.end)}"


@dataclass(frozen=True)
class Box:
    name: str
    label: str
    visits: int
    x: float
    y: float
    width: int = NODE_WIDTH
    height: int = NODE_HEIGHT

    @property
    def text_x(self) -> float:
        return self.x + self.width / 2

    @property
    def text_y(self) -> float:
        return self.y + self.height / 2 + 5


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    label: str
    path: str
    label_x: float
    label_y: float
    anchor: str
    stroke: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    boxes: list[Box]
    arrows: list[Arrow]


@dataclass(frozen=True)
class ProcessInsight:
    products: list[Product]
    product: Product | None
    raw: dict[str, str]
    filters: Filters | None
    problems: list[str]
    graph: ProcessGraph | None = None
    variants: Variants | None = None
    chart: Chart | None = None


def _date(raw: str, label: str, problems: list[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        problems.append(f"De {label} ‘{raw}’ is geen datum. Schrijf hem als jjjj-mm-dd.")
        return None


def process_insight(
    user: User | AnonymousUser, raw: dict[str, str], today: dt.date
) -> ProcessInsight:
    """Read the filters; with a product and no problems, the graph, variants and chart."""
    products = process_products(user)
    code = raw.get("product", "").strip()
    product = next((item for item in products if item.code == code), None)
    problems: list[str] = []
    if code and product is None:
        problems.append(
            f"Het product ‘{code}’ bestaat niet of hoort niet bij uw teams. "
            "Kies een product uit de lijst."
        )
    start = _date(raw["van"], "begindatum", problems) if raw.get("van") else None
    end = _date(raw["tot"], "einddatum", problems) if raw.get("tot") else None
    if raw.get("van") and raw.get("tot") and start and end and end < start:
        problems.append("De einddatum ligt vóór de begindatum.")
    end = end or today
    start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    shown = {"product": code, "van": raw.get("van") or start.isoformat()}
    shown["tot"] = raw.get("tot") or end.isoformat()
    if problems:
        return ProcessInsight(products, product, shown, None, problems)
    filters = Filters(code, start, end)
    if product is None:
        return ProcessInsight(products, None, shown, filters, [])
    graph = process_graph(user, code, start, end)
    variants = process_variants(user, code, start, end)
    return ProcessInsight(products, product, shown, filters, [], graph, variants, layout(graph))


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def layout(graph: ProcessGraph) -> Chart:
    """Statuses in one column in process order; a transition to the next status is a
    straight arrow down, one further ahead an arc on the right, one back (or to itself) an
    arc on the left. Arrows are thicker the more often the transition happened."""
    row = {node.name: n for n, node in enumerate(graph.nodes)}
    busiest = max((item.count for item in graph.transitions), default=1)
    labels = [f"{item.count}× · {item.median_wait}" for item in graph.transitions]
    widest = max((len(text) for text in labels), default=0) * CHAR_WIDTH
    reach = max((abs(row[t.target] - row[t.source]) for t in graph.transitions), default=1)
    margin = 40 + 28 * max(reach, 1) + widest
    left = margin
    centre = left + NODE_WIDTH / 2
    width = int(left + NODE_WIDTH + margin)
    boxes = [
        Box(node.name, _short(node.name), node.visits, left, 16 + n * ROW)
        for n, node in enumerate(graph.nodes)
    ]
    arrows = []
    for item, label in zip(graph.transitions, labels, strict=True):
        a, b = row[item.source], row[item.target]
        top_a, top_b = 16.0 + a * ROW, 16.0 + b * ROW
        stroke = round(1.5 + 4.5 * item.count / busiest, 1)
        if b == a + 1:
            y1, y2 = top_a + NODE_HEIGHT, top_b - 4
            path = f"M {centre} {y1} L {centre} {y2}"
            arrows.append(
                Arrow(
                    item.source,
                    item.target,
                    label,
                    path,
                    centre + 10,
                    (y1 + y2) / 2 + 4,
                    "start",
                    stroke,
                )
            )
            continue
        forward = b > a
        side = left + NODE_WIDTH if forward else left
        out = (28 * max(abs(b - a), 1) + 12) * (1 if forward else -1)
        y1, y2 = top_a + NODE_HEIGHT / 2 - 6, top_b + NODE_HEIGHT / 2 + 6
        if a == b:
            y1, y2 = top_a + 8.0, top_a + NODE_HEIGHT - 8.0
        tip = side + (4 if forward else -4)
        path = f"M {side} {y1} C {side + out} {y1}, {side + out} {y2}, {tip} {y2}"
        arrows.append(
            Arrow(
                item.source,
                item.target,
                label,
                path,
                side + out * 0.75 + (6 if forward else -6),
                (y1 + y2) / 2 + 4,
                "start" if forward else "end",
                stroke,
            )
        )
    height = 16 + max(len(boxes), 1) * ROW - (ROW - NODE_HEIGHT) + 16
    return Chart(width, int(height), boxes, arrows)
