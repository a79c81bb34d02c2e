# SPDX-License-Identifier: EUPL-1.2
"""Reads for the ZGW APIs: joined querysets, scoped to what the client may see."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from plus1.cases.models import Case, CaseStatus
from plus1.catalog.models import CaseType, StatusType
from plus1.zgw.auth import ZgwClient
from plus1.zgw.models import Catalogus


def default_catalogus() -> Catalogus | None:
    """The catalogus of case types made in Plus1 itself (without ZGW data): the oldest one."""
    return Catalogus.objects.order_by("pk").first()


def catalogussen() -> QuerySet[Catalogus]:
    return Catalogus.objects.prefetch_related("zaaktypen__case_type").order_by("pk")


def zaaktypen() -> QuerySet[CaseType]:
    return (
        CaseType.objects.select_related("zgw__catalogus", "responsible_team")
        .prefetch_related(Prefetch("statuses", queryset=StatusType.objects.order_by("order")))
        .order_by("pk")
    )


def statustypen() -> QuerySet[StatusType]:
    return StatusType.objects.select_related("case_type__zgw", "zgw").order_by("case_type", "order")


def zaken_for_all() -> QuerySet[Case]:
    """Every zaak, joined for rendering; callers check the client's authorisation per row."""
    history = CaseStatus.objects.only("pk", "case_id", "set_at").order_by("set_at", "pk")
    return (
        Case.objects.select_related("case_type", "zgw")
        .prefetch_related(Prefetch("history", queryset=history))
        .order_by("-pk")
    )


def zaken_for(client: ZgwClient, scope: str = "zaken.lezen") -> QuerySet[Case]:
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
        case__in=Case.objects.filter(client.zaak_filter("zaken.lezen")).values("pk")
    )
