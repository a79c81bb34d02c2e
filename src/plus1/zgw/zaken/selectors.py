# SPDX-License-Identifier: EUPL-1.2
"""Reads for the ZGW APIs: joined querysets, scoped to what the client may see."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from uuid import UUID

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Sum

from plus1.cases.models import Case, CaseObject, CaseProperty, CaseStatus, CaseTally, Role
from plus1.cases.selectors import cases_with_records
from plus1.catalog.models import CaseType
from plus1.zgw.auth import ZgwClient
from plus1.zgw.scopes import ZAKEN_LEZEN, Scope


def zaken_for_all() -> QuerySet[Case]:
    """Every zaak, joined for rendering; callers check the client's authorisation per row."""
    return cases_with_records().select_related("zgw")


def zaken_for(client: ZgwClient, scope: Scope = ZAKEN_LEZEN) -> QuerySet[Case]:
    return zaken_for_all().filter(client.zaak_filter(scope))


def statussen_for_all() -> QuerySet[CaseStatus]:
    later = CaseStatus.objects.filter(case=OuterRef("case")).filter(
        Q(set_at__gt=OuterRef("set_at")) | Q(set_at=OuterRef("set_at"), pk__gt=OuterRef("pk"))
    )
    return (
        CaseStatus.objects.select_related("case__case_type", "status")
        .annotate(is_latest=~Exists(later))
        .order_by("pk")
    )


def statussen_for(client: ZgwClient) -> QuerySet[CaseStatus]:
    return statussen_for_all().filter(
        case__in=Case.objects.filter(client.zaak_filter(ZAKEN_LEZEN)).values("pk")
    )


def zaken_lean(client: ZgwClient | None = None, scope: Scope = ZAKEN_LEZEN) -> QuerySet[Case]:
    """Zaken joined for rendering without prefetching: the page's related records come from
    `records_of` in one query (Django's prefetch machinery cost about half a list request),
    their zaaktypen from `with_case_types`; of the hoofdzaak and the resultaat only their
    UUIDs (`parent_uuid`, `result_uuid`), not whole rows."""
    rows = (
        Case.objects.select_related("zgw")
        .defer("form_data")  # the portal's answers: not shown by the API, decoded per row
        .annotate(parent_uuid=F("parent__uuid"), result_uuid=F("result__uuid"))
        .order_by("-pk")
    )
    return rows.filter(client.zaak_filter(scope)) if client is not None else rows


def zaken_count(by_type: Q) -> int:
    """The number of zaken a filter on zaaktype and confidentiality keeps (the client's
    rights, the zaaktype filters), from cases.CaseTally: at a million zaken an exact
    COUNT(*) of the list took longer than the rest of its page."""
    return CaseTally.objects.filter(by_type).aggregate(n=Sum("n"))["n"] or 0


def with_case_types(cases: list[Case]) -> list[Case]:
    """Each zaak's zaaktype, from one query for the page: joined on every row, the zaaktype's
    form schema was decoded once per zaak (a third of a list request)."""
    types = CaseType.objects.in_bulk({case.case_type_id for case in cases})
    for case in cases:
        Case.case_type.field.set_cached_value(case, types[case.case_type_id])
    return cases


@dataclass
class Records:
    """The UUIDs of a zaak's related records, in the order the Zaken API shows them."""

    history: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    properties: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


# (kind, model, owner column, ordering column): the records a zaak shows by URL
RECORD_PARTS = (
    ("history", CaseStatus, "case_id", "set_at"),
    ("roles", Role, "case_id", None),
    ("properties", CaseProperty, "case_id", None),
    ("objects", CaseObject, "case_id", None),
    ("children", Case, "parent_id", None),
)


@cache
def _records_sql(vendor: str) -> str:
    """One UNION ALL over the record tables, ordered as the API shows them (statuses by the
    moment they were set, the rest as created). Written once per database, not compiled by
    the ORM on every request; the page's keys are one parameter (an array, or JSON)."""
    keys = "= ANY(%s)" if vendor == "postgresql" else "IN (SELECT value FROM json_each(%s))"
    parts = " UNION ALL ".join(
        f"SELECT {owner} AS owner, '{kind}' AS kind, uuid, {at or 'NULL'} AS at, id "  # noqa: S608
        f"FROM {model._meta.db_table} WHERE {owner} {keys}"  # constants only, no input
        for kind, model, owner, at in RECORD_PARTS
    )
    return f"SELECT owner, kind, uuid FROM ({parts}) AS records ORDER BY at IS NULL, at, id"  # noqa: S608


def records_of(case_ids: list[int]) -> dict[int, Records]:
    """{case pk: Records} for a page of zaken, in one query."""
    if not case_ids:
        return {}
    vendor = connection.vendor
    keys = list(case_ids) if vendor == "postgresql" else json.dumps(list(case_ids))
    with connection.cursor() as cursor:
        cursor.execute(_records_sql(vendor), [keys] * len(RECORD_PARTS))
        rows = cursor.fetchall()
    found: dict[int, Records] = {pk: Records() for pk in case_ids}
    for owner, kind, key in rows:  # SQLite keeps a uuid as 32 hex digits
        getattr(found[owner], kind).append(str(key) if vendor == "postgresql" else str(UUID(key)))
    return found
