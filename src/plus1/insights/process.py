# SPDX-License-Identifier: EUPL-1.2
"""Process insight: for one product (case type, all its versions) and a period of
registration, the directly-follows graph of the statuses the cases passed through (how often
one status followed another, and the median time in between) and the most common variants
(the whole ordered sequence of statuses of a case).

Everything is computed in the database with window functions over the status history
(`LAG`/`LEAD` for the neighbours, a running string aggregate for the sequence; the median
by `percentile_cont` on PostgreSQL and `ROW_NUMBER` on SQLite), in one SQL text for both
apart from three expressions; Python only reads the aggregated rows (decision 0026). The
SQL texts are put together only from quoted table names and the ORM's own compiled selection of cases; every
value is a query parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection

from plus1.cases.models import Case, CaseStatus
from plus1.catalog.models import CaseType, StatusType
from plus1.identity.models import Team

VARIANT_LIMIT = 10
SEPARATOR = "\x1f"  # between the status names of a variant; no name contains it


@dataclass(frozen=True)
class Product:
    code: str
    name: str


@dataclass(frozen=True)
class StatusNode:
    name: str
    visits: int  # how often a case reached it
    starts: int  # cases whose history begins here
    ends: int  # cases whose history (so far) ends here


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    count: int
    median_seconds: float

    @property
    def median_wait(self) -> str:
        return wait_label(self.median_seconds)


@dataclass(frozen=True)
class Variant:
    steps: tuple[str, ...]
    cases: int
    share: float  # percentage of all cases in the selection


@dataclass(frozen=True)
class ProcessGraph:
    nodes: list[StatusNode]
    transitions: list[Transition]


@dataclass(frozen=True)
class Variants:
    top: list[Variant]
    cases: int  # cases with at least one status
    distinct: int  # how many different sequences


def wait_label(seconds: float) -> str:
    """‘5,5 uur’ below two days, else ‘3,2 dagen’ (Dutch decimal comma)."""
    hours = seconds / 3600
    text = f"{hours:.1f} uur" if hours < 48 else f"{hours / 24:.1f} dagen"
    return text.replace(".", ",")


def process_products(user: User | AnonymousUser) -> list[Product]:
    """The products of the staff member's teams: one per case type code, named after its
    most recent version, in name order."""
    if not (user.is_authenticated and getattr(user, "is_staff", False)):
        return []
    versions = (
        CaseType.objects.filter(responsible_team__members=user)
        .order_by("code", "-valid_from", "-pk")
        .values_list("code", "name")
    )
    latest: dict[str, str] = {}
    for code, name in versions:
        latest.setdefault(code, name)
    return sorted((Product(code, name) for code, name in latest.items()), key=_by_name)


def _by_name(product: Product) -> tuple[str, str]:
    return product.name.casefold(), product.code


def _case_ids(
    user: User | AnonymousUser, code: str, start: dt.date, end: dt.date
) -> tuple[str, tuple[Any, ...]]:
    """The SQL (and parameters) of the ids of the cases in the selection: of the product's
    versions that belong to the reader's teams, registered from `start` to `end`."""
    teams = (
        Team.objects.filter(members=user).values("pk")
        if isinstance(user, User) and user.is_staff
        else Team.objects.none().values("pk")
    )
    cases = Case.objects.filter(
        case_type__code=code,
        case_type__responsible_team__in=teams,
        registered_on__range=(start, end),
    ).values("pk")
    sql, params = cases.query.sql_with_params()
    return sql, tuple(params)


def _steps(cases_sql: str, with_path: bool) -> str:
    """Every status of the selected cases with the one before and after it (and, for the
    variants, the sequence so far), ordered by time within the case."""
    q = connection.ops.quote_name
    history, statuses = CaseStatus._meta.db_table, StatusType._meta.db_table
    aggregate = "string_agg" if connection.vendor == "postgresql" else "group_concat"
    path = f", {aggregate}(s.name, CAST(%s AS TEXT)) OVER w AS path" if with_path else ""
    return (
        f"SELECT h.case_id AS case_id, s.name AS status, s.{q('order')} AS position, "  # noqa: S608
        f"h.set_at AS set_at, LAG(s.name) OVER w AS previous_status, "
        f"LEAD(s.name) OVER w AS next_status, LEAD(h.set_at) OVER w AS next_at{path} "
        f"FROM {q(history)} h JOIN {q(statuses)} s ON s.id = h.status_id "
        f"WHERE h.case_id IN ({cases_sql}) "
        f"WINDOW w AS (PARTITION BY h.case_id ORDER BY h.set_at, h.id)"
    )


def _seconds_between(earlier: str, later: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS DOUBLE PRECISION)"
    return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


def _medians() -> str:
    """The CTE `medians`: per transition its count and the median of its waits (the middle
    value, or the mean of the middle two). PostgreSQL has the ordered-set aggregate, which
    sorts each transition's waits on its own; SQLite numbers the rows of each transition."""
    if connection.vendor == "postgresql":
        return (
            "medians AS (SELECT status, next_status, COUNT(*) AS visits, "
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS median_wait "
            "FROM waits GROUP BY status, next_status)"
        )
    return (
        "ranked AS (SELECT status, next_status, wait, "
        "ROW_NUMBER() OVER (PARTITION BY status, next_status ORDER BY wait) AS rn, "
        "COUNT(*) OVER (PARTITION BY status, next_status) AS n FROM waits), "
        "medians AS (SELECT status, next_status, COUNT(*) AS visits, "
        "AVG(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN wait END) AS median_wait "
        "FROM ranked GROUP BY status, next_status)"
    )


def process_graph(
    user: User | AnonymousUser, code: str, start: dt.date, end: dt.date
) -> ProcessGraph:
    """The directly-follows graph: the statuses reached and the transitions between them,
    with their counts and the median wait. One query: the status history is read once (a
    CTE used twice is materialised by both databases) for the nodes and the edges."""
    cases_sql, params = _case_ids(user, code, start, end)
    sql = (
        f"WITH steps AS ({_steps(cases_sql, with_path=False)}), "  # noqa: S608
        f"waits AS (SELECT status, next_status, {_seconds_between('set_at', 'next_at')} AS wait "
        "FROM steps WHERE next_status IS NOT NULL), "
        f"{_medians()}, "
        "nodes AS (SELECT 1 AS kind, status, NULL AS next_status, COUNT(*) AS visits, "
        "SUM(CASE WHEN previous_status IS NULL THEN 1 ELSE 0 END) AS starts, "
        "SUM(CASE WHEN next_status IS NULL THEN 1 ELSE 0 END) AS ends, "
        "CAST(NULL AS DOUBLE PRECISION) AS median_wait, MIN(position) AS sort_key "
        "FROM steps GROUP BY status), "
        "edges AS (SELECT 2 AS kind, status, next_status, visits, 0 AS starts, 0 AS ends, "
        "median_wait, -visits AS sort_key FROM medians) "
        "SELECT kind, status, next_status, visits, starts, ends, median_wait, sort_key "
        "FROM nodes UNION ALL SELECT kind, status, next_status, visits, starts, ends, "
        "median_wait, sort_key FROM edges ORDER BY 1, 8, 2, 3"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    nodes = [StatusNode(row[1], row[3], row[4], row[5]) for row in rows if row[0] == 1]
    transitions = [Transition(row[1], row[2], row[3], float(row[6])) for row in rows if row[0] == 2]
    return ProcessGraph(nodes, transitions)


def process_variants(
    user: User | AnonymousUser,
    code: str,
    start: dt.date,
    end: dt.date,
    limit: int = VARIANT_LIMIT,
) -> Variants:
    """The `limit` most common sequences of statuses, with the number of cases that
    followed each and their share of all selected cases (one query)."""
    cases_sql, params = _case_ids(user, code, start, end)
    sql = (
        f"WITH steps AS ({_steps(cases_sql, with_path=True)}), "  # noqa: S608
        "paths AS (SELECT path FROM steps WHERE next_status IS NULL) "
        "SELECT path, COUNT(*) AS cases, SUM(COUNT(*)) OVER () AS total, "
        "COUNT(*) OVER () AS distinct_paths "
        "FROM paths GROUP BY path ORDER BY COUNT(*) DESC, path LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (SEPARATOR, *params, limit))
        rows = cursor.fetchall()
    total = int(rows[0][2]) if rows else 0
    top = [
        Variant(tuple(path.split(SEPARATOR)), cases, round(100 * cases / total, 1))
        for path, cases, _total, _distinct in rows
    ]
    return Variants(top, total, int(rows[0][3]) if rows else 0)
