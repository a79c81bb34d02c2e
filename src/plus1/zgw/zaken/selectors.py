# SPDX-License-Identifier: EUPL-1.2
"""Reads for the ZGW APIs: joined querysets, scoped to what the client may see."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from plus1.cases.models import Case, CaseStatus
from plus1.cases.selectors import cases_with_records
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
