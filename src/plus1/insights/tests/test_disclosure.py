# SPDX-License-Identifier: EUPL-1.2
"""Suppression of small counts, proved: no published value is 1–9, and no hidden cell can
be recomputed from the published cells and totals (checked by linear algebra)."""

import random

import numpy as np
import pytest

from plus1.insights.disclosure import NOTE_SMALL, is_small, protect_table


def recomputable(table):
    """The hidden cells whose value follows from the published ones: a cell is determined
    when its unit vector lies in the row space of the equations over the hidden cells."""
    r_n, c_n = len(table.rows), len(table.cols)
    unknown = sorted(table.hidden)
    if not unknown:
        return []
    index = {key: n for n, key in enumerate(unknown)}
    equations = []
    for i in range(r_n + 1):  # row i: cells minus its total
        eq = np.zeros(len(unknown))
        for j in range(c_n + 1):
            if (i, j) in index:
                eq[index[(i, j)]] = -1 if j == c_n else 1
        equations.append(eq)
    for j in range(c_n + 1):
        eq = np.zeros(len(unknown))
        for i in range(r_n + 1):
            if (i, j) in index:
                eq[index[(i, j)]] = -1 if i == r_n else 1
        equations.append(eq)
    matrix = np.array(equations)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for key, n in index.items():
        unit = np.zeros(len(unknown))
        unit[n] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found


def published(table):
    r_n, c_n = len(table.rows), len(table.cols)
    return [table.value(i, j) for i in range(r_n + 1) for j in range(c_n + 1)]


def test_a_single_small_cell_hides_a_partner_in_its_row_and_column():
    table = protect_table(
        ["a", "b"], ["x", "y"], {("a", "x"): 3, ("a", "y"): 40, ("b", "x"): 25, ("b", "y"): 50}
    )
    assert table.value(0, 0) is None and table.note(0, 0) == NOTE_SMALL
    assert len(table.hidden) >= 4  # a cycle: at least four cells
    assert recomputable(table) == []
    assert table.value(2, 2) == 118  # the grand total is large and stays


def test_small_totals_are_hidden_too():
    table = protect_table(["a"], ["x", "y"], {("a", "x"): 2, ("a", "y"): 3})
    assert all(value is None or not is_small(value) for value in published(table))
    assert recomputable(table) == []


def test_nothing_is_hidden_when_every_count_is_large_or_zero():
    table = protect_table(["a", "b"], ["x", "y"], {("a", "x"): 12, ("b", "y"): 30})
    assert table.hidden == {}


@pytest.mark.parametrize("seed", range(60))
def test_random_tables_publish_no_small_count_and_no_recomputable_cell(seed):
    rng = random.Random(seed)
    rows = [f"r{n}" for n in range(rng.randint(1, 6))]
    cols = [f"c{n}" for n in range(rng.randint(1, 6))]
    counts = {
        (r, c): rng.choice([0, 0, 1, 2, 5, 9, 10, 11, 14, 30, 80]) for r in rows for c in cols
    }
    table = protect_table(rows, cols, counts)
    assert all(value is None or not is_small(value) for value in published(table))
    assert recomputable(table) == []


def recomputable_linked(tables, shared):
    """Like `recomputable`, over several tables at once: a cell that `shared` names in more
    than one table is one unknown in all of them."""
    names = {}
    for group in shared:
        for member in group[1:]:
            names[member] = group[0]
    unknown = sorted(
        {names.get((n, key), (n, key)) for n, table in enumerate(tables) for key in table.hidden}
    )
    if not unknown:
        return []
    index = {key: n for n, key in enumerate(unknown)}
    equations = []
    for n, table in enumerate(tables):
        r_n, c_n = len(table.rows), len(table.cols)
        lines = [[((i, j), j == c_n) for j in range(c_n + 1)] for i in range(r_n + 1)]
        lines += [[((i, j), i == r_n) for i in range(r_n + 1)] for j in range(c_n + 1)]
        for line in lines:
            eq = np.zeros(len(unknown))
            for cell, is_total in line:
                if cell in table.hidden:
                    eq[index[names.get((n, cell), (n, cell))]] += -1 if is_total else 1
            equations.append(eq)
    matrix = np.array(equations)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for key, n in index.items():
        unit = np.zeros(len(unknown))
        unit[n] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found


@pytest.mark.parametrize("seed", range(60))
def test_linked_tables_together_give_no_hidden_cell_away(seed):
    """The four monthly tables over decided cases, from random cases: no small count shown,
    a shared number hidden in all its tables or none, and no hidden cell follows from all
    the published numbers together."""
    from plus1.insights.effectiveness import ClosedCase, months

    rng = random.Random(seed)
    facts = [
        ClosedCase(
            product=rng.choice("ABCD"),
            month="2026-01",
            district=rng.choice(["W1", "W2", "W3"]),
            lead=1,
            on_time=rng.random() < 0.8,
            first_time_right=rng.random() < 0.7,
            repeat_contact=rng.random() < 0.15,
        )
        for _ in range(rng.randint(10, 45))
    ]
    [month] = months(facts)
    tables = [month.lead, month.right, month.repeat, month.right_by_district]
    n, m = len(month.products), len(month.districts)
    shared = [[(0, (i, 2)), (1, (i, 2)), (2, (i, 2))] for i in range(n)]
    shared += [[(0, (n, 2)), (1, (n, 2)), (2, (n, 2)), (3, (m, 2))]]
    shared += [[(1, (n, 0)), (3, (m, 0))], [(1, (n, 1)), (3, (m, 1))]]
    for table in tables:
        assert all(value is None or not is_small(value) for value in published(table))
    for group in shared:
        assert len({cell in tables[t].hidden for t, cell in group}) == 1, group
    assert recomputable_linked(tables, shared) == []
