# SPDX-License-Identifier: EUPL-1.2
"""Reads for the Catalogi API: querysets joined for rendering, so that a list costs a fixed
number of queries whatever its length."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from plus1.catalog.models import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    DecisionType,
    DocumentType,
    PropertyType,
    ResultType,
    RoleType,
    StatusType,
)
from plus1.zgw.models import Catalogus

_CASE_TYPE = "case_type__zgw__catalogus"


def catalogussen() -> QuerySet[Catalogus]:
    return Catalogus.objects.prefetch_related("zaaktypen__case_type").order_by("pk")


def catalogue_members(catalogues: Iterable[Catalogus]) -> dict[str, dict[str, list[str]]]:
    """Per catalogus UUID: the UUIDs of its besluittypen and informatieobjecttypen (2 queries)."""
    keys = [c.uuid for c in catalogues]
    members: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, model in (("besluittypen", DecisionType), ("informatieobjecttypen", DocumentType)):
        rows = model.objects.filter(catalogue__in=keys).order_by("pk")  # type: ignore[attr-defined]
        for catalogue, key in rows.values_list("catalogue", "uuid"):
            members[str(catalogue)][name].append(str(key))
    return members


def zaaktypen() -> QuerySet[CaseType]:
    return (
        CaseType.objects.select_related("zgw__catalogus", "responsible_team")
        .prefetch_related(
            Prefetch("statuses", queryset=StatusType.objects.order_by("order")),
            Prefetch(
                "document_type_links",
                queryset=CaseTypeDocumentType.objects.select_related("document_type"),
            ),
            "decision_types",
            "sub_case_types",
            "role_types",
            "result_types",
            "property_types",
            "object_types",
            "zgw__trefwoord_rows",
            "zgw__relaties",
        )
        .order_by("pk")
    )


def statustypen() -> QuerySet[StatusType]:
    return (
        StatusType.objects.select_related(_CASE_TYPE, "zgw")
        .prefetch_related("property_types")
        .order_by("case_type", "order")
    )


def document_types() -> QuerySet[DocumentType]:
    return DocumentType.objects.prefetch_related(
        "decision_types",
        Prefetch(
            "case_type_links", queryset=CaseTypeDocumentType.objects.select_related("case_type")
        ),
    ).order_by("pk")


def decision_types() -> QuerySet[DecisionType]:
    return DecisionType.objects.prefetch_related(
        "document_types", "case_types", "result_types"
    ).order_by("pk")


def role_types() -> QuerySet[RoleType]:
    return RoleType.objects.select_related(_CASE_TYPE).order_by("pk")


def result_types() -> QuerySet[ResultType]:
    return (
        ResultType.objects.select_related(_CASE_TYPE)
        .prefetch_related("decision_types", "document_types")
        .order_by("pk")
    )


def property_types() -> QuerySet[PropertyType]:
    return PropertyType.objects.select_related(_CASE_TYPE, "status_type").order_by("pk")


def case_object_types() -> QuerySet[CaseObjectType]:
    return CaseObjectType.objects.select_related(_CASE_TYPE).order_by("pk")


def case_type_documents() -> QuerySet[CaseTypeDocumentType]:
    return CaseTypeDocumentType.objects.select_related(
        _CASE_TYPE, "document_type", "status_type"
    ).order_by("pk")


def valid_on(rows: QuerySet, day: dt.date, prefix: str = "") -> QuerySet:
    """Rows whose validity (begin/einde geldigheid) includes the day."""
    begin, end = f"{prefix}valid_from", f"{prefix}valid_to"
    return rows.filter(Q(**{f"{begin}__lte": day}) | Q(**{f"{begin}__isnull": True})).filter(
        Q(**{f"{end}__gte": day}) | Q(**{f"{end}__isnull": True})
    )


def default_catalogus() -> Catalogus | None:
    """The catalogus of case types made in Plus1 itself (without ZGW data): the oldest one."""
    return Catalogus.objects.order_by("pk").first()
