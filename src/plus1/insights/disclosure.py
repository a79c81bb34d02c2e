# SPDX-License-Identifier: EUPL-1.2
"""Statistical disclosure control for every published count (open data and /prestaties/).

Primary suppression: a count from 1 to 9 is not published (shown empty, with a note).
Complementary suppression: a two-way table is published with its row totals, column totals
and grand total, so a single hidden cell in a row could be recomputed from the row total.
Read the table, totals included, as a bipartite graph (rows and columns are nodes, every
hidden cell an edge): with the totals' signs flipped every row and column sums to zero, so
the values of the hidden cells that fit the published ones differ by a combination of
cycles. A hidden cell can therefore be recomputed exactly when its edge lies on no cycle
(a bridge). We hide further cells, the smallest first, until no hidden cell is a bridge.

Pure functions, no database; tests prove the result by linear algebra.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

THRESHOLD = 10
TOTAL = "totaal"
NOTE_SMALL = "minder dan 10"
NOTE_COMPLEMENTARY = "verborgen om een kleine waarde te beschermen"

Key = tuple[int, int]


@dataclass(frozen=True)
class Protected:
    """A table with totals: `value(row, col)` is None where hidden; index len(rows) is the
    column-total row, len(cols) the row-total column."""

    rows: tuple[Hashable, ...]
    cols: tuple[Hashable, ...]
    values: dict[Key, int]
    hidden: dict[Key, str]  # cell → note (why it is hidden)

    def value(self, row: int, col: int) -> int | None:
        return None if (row, col) in self.hidden else self.values[(row, col)]

    def note(self, row: int, col: int) -> str:
        return self.hidden.get((row, col), "")


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def protect_table(
    rows: Sequence[Hashable],
    cols: Sequence[Hashable],
    counts: dict[tuple[Hashable, Hashable], int],
    force: Iterable[Key] = (),
) -> Protected:
    """Add totals to the counts (missing combinations are 0) and hide what must be hidden;
    `force` names cells to hide as well (a total another table hides, see protect_linked)."""
    r_n, c_n = len(rows), len(cols)
    values = _with_totals(rows, cols, counts)
    hidden = {key: NOTE_SMALL for key, value in values.items() if is_small(value)}
    for key in force:
        hidden.setdefault(key, NOTE_COMPLEMENTARY)
    _complement(values, hidden, r_n + 1, c_n + 1)
    return Protected(tuple(rows), tuple(cols), values, hidden)


def plain_table(
    rows: Sequence[Hashable], cols: Sequence[Hashable], counts: dict[tuple[Hashable, Hashable], int]
) -> Protected:
    """The same table with its totals and nothing hidden: for staff reading their own
    teams' figures, never for publication."""
    return Protected(tuple(rows), tuple(cols), _with_totals(rows, cols, counts), {})


def _with_totals(
    rows: Sequence[Hashable], cols: Sequence[Hashable], counts: dict[tuple[Hashable, Hashable], int]
) -> dict[Key, int]:
    r_n, c_n = len(rows), len(cols)
    values: dict[Key, int] = {}
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            values[(i, j)] = counts.get((row, col), 0)
    for i in range(r_n):
        values[(i, c_n)] = sum(values[(i, j)] for j in range(c_n))
    for j in range(c_n + 1):
        values[(r_n, j)] = sum(values[(i, j)] for i in range(r_n))
    return values


def _complement(values: dict[Key, int], hidden: dict[Key, str], r_n: int, c_n: int) -> None:
    while True:
        bridge = next((key for key in sorted(hidden) if _is_bridge(key, hidden)), None)
        if bridge is None:
            return
        row, col = bridge
        order = _smallest_first(values)
        closing = _closing_cells(bridge, values, hidden)
        if closing:  # one more cell puts the bridge on a cycle: hide the smallest such cell
            hidden[min(closing, key=order)] = NOTE_COMPLEMENTARY
            continue
        row_degree = sum(1 for key in hidden if key[0] == row)
        if row_degree == 1:
            line = [(row, j) for j in range(c_n)]
        else:  # the column end is alone, or the cell joins two groups: open another cycle
            line = [(i, col) for i in range(r_n)]
            if sum(1 for key in hidden if key[1] == col) > 1:
                line = [(row, j) for j in range(c_n)] + line
        candidates = [key for key in line if key not in hidden]
        if not candidates:  # cannot happen with a total row and column; be safe anyway
            line = [key for key in values if key not in hidden]
            candidates = line
        if not candidates:
            return
        choice = min(candidates, key=order)
        hidden[choice] = NOTE_COMPLEMENTARY


def _smallest_first(values: dict[Key, int]) -> Callable[[Key], tuple[bool, int, Key]]:
    return lambda key: (values[key] == 0, values[key], key)


def _closing_cells(bridge: Key, values: dict[Key, int], hidden: dict[Key, str]) -> list[Key]:
    """Visible cells that, hidden too, put `bridge` on a cycle: they join the part of the
    graph on the bridge's row side to the part on its column side."""
    others = [key for key in hidden if key != bridge]
    row_side = _reach(("r", bridge[0]), others)
    col_side = _reach(("c", bridge[1]), others)
    return [
        (r, c)
        for r, c in values
        if (r, c) not in hidden
        and (
            (("r", r) in row_side and ("c", c) in col_side)
            or (("r", r) in col_side and ("c", c) in row_side)
        )
    ]


def _reach(start: tuple[str, int], edges: list[Key]) -> set[tuple[str, int]]:
    """The nodes connected to `start` by hidden cells (rows and columns as nodes)."""
    links: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for row, col in edges:
        links.setdefault(("r", row), []).append(("c", col))
        links.setdefault(("c", col), []).append(("r", row))
    seen, todo = {start}, [start]
    while todo:
        for nxt in links.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _is_bridge(edge: Key, hidden: dict[Key, str]) -> bool:
    """Whether row and column of `edge` are disconnected once the edge is removed."""
    others = [key for key in hidden if key != edge]
    start, goal = ("r", edge[0]), ("c", edge[1])
    seen, todo = {start}, [start]
    while todo:
        kind, index = todo.pop()
        for row, col in others:
            if kind == "r" and row == index:
                nxt = ("c", col)
            elif kind == "c" and col == index:
                nxt = ("r", row)
            else:
                continue
            if nxt == goal:
                return False
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return True


@dataclass(frozen=True)
class Table:
    rows: Sequence[Hashable]
    cols: Sequence[Hashable]
    counts: dict[tuple[Hashable, Hashable], int]


def protect_linked(
    tables: Sequence[Table], shared: Sequence[Sequence[tuple[int, Key]]]
) -> list[Protected]:
    """Protect tables that publish some of the same numbers (e.g. the same row totals):
    `shared` lists groups of (table index, cell) that hold one number. A number hidden in one
    table is hidden in every table that shows it, and each table is protected again until
    nothing changes, so no table gives away what another hides."""
    force: list[set[Key]] = [set() for _ in tables]
    while True:
        found = [protect_table(t.rows, t.cols, t.counts, force[n]) for n, t in enumerate(tables)]
        grown = False
        for group in shared:
            if any(cell in found[n].hidden for n, cell in group):
                for n, cell in group:
                    if cell not in force[n] and cell not in found[n].hidden:
                        force[n].add(cell)
                        grown = True
        if not grown:
            return found
