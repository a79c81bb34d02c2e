# SPDX-License-Identifier: EUPL-1.2
"""Measuring the product finder against a file of resident phrasings and the right products."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

from plus1.catalog.selectors import products_search
from plus1.catalog.upl import term_of


@dataclass
class Case:
    query: str
    expected: set[str]  # UPL terms (last part of the URI), any of them is right


@dataclass
class Evaluation:
    total: int = 0
    top1: int = 0
    top3: int = 0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # the time of each search

    def latency_ms(self, percentile: float) -> float:
        """The search time below which `percentile` % of the questions were answered."""
        if not self.seconds:
            return 0.0
        ordered = sorted(self.seconds)
        index = min(len(ordered) - 1, max(0, math.ceil(percentile / 100 * len(ordered)) - 1))
        return ordered[index] * 1000

    @property
    def top1_accuracy(self) -> float:
        return self.top1 / self.total if self.total else 0.0

    @property
    def top3_accuracy(self) -> float:
        return self.top3 / self.total if self.total else 0.0


def parse_cases(text: str) -> list[Case]:
    """Tab-separated: query, expected UPL terms separated by |, (layer); # starts a comment."""
    cases = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 2:
            raise ValueError(f"Expected query<TAB>terms, got: {line!r}")
        cases.append(Case(columns[0].strip(), {t.strip() for t in columns[1].split("|")}))
    return cases


def finder_evaluate(cases: list[Case]) -> Evaluation:
    """Top-1/top-3 against the expected products, and the time of each search (after one
    warm-up search that builds the finder's in-memory index)."""
    result = Evaluation()
    list(products_search("paspoort", limit=3))
    for case in cases:
        started = time.perf_counter()
        products = list(products_search(case.query, limit=3))
        result.seconds.append(time.perf_counter() - started)
        found = [term_of(p.upl_uri or "") for p in products]
        result.total += 1
        result.top1 += bool(found[:1] and found[0] in case.expected)
        if case.expected & set(found):
            result.top3 += 1
        else:
            result.misses.append((case.query, found))
    return result
