# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from plus1.catalog.models import CaseType, Product, StatusType, Transition


def products_published() -> QuerySet[Product]:
    return Product.objects.filter(published=True).select_related("case_type")


def product_requestable(slug: str) -> Product | None:
    return (
        products_published()
        .filter(slug=slug, case_type__isnull=False, case_type__active=True)
        .select_related("case_type__responsible_team")
        .first()
    )


def transitions_from(status: StatusType) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(source=status).select_related("target").order_by("target__order")
    )


def catalog_export() -> dict[str, Any]:
    """The whole catalog as a document that `catalog_import` reads back unchanged."""
    case_types = CaseType.objects.select_related("responsible_team").prefetch_related(
        Prefetch("statuses", queryset=StatusType.objects.order_by("order")),
        Prefetch("transitions", queryset=Transition.objects.select_related("source", "target")),
    )
    return {
        "case_types": [_case_type_document(case_type) for case_type in case_types],
        "products": [
            {
                "slug": product.slug,
                "name": product.name,
                "summary": product.summary,
                "audience": product.audience,
                "case_type": product.case_type.code if product.case_type else None,
                "published": product.published,
            }
            for product in Product.objects.select_related("case_type")
        ],
    }


def _case_type_document(case_type: CaseType) -> dict[str, Any]:
    return {
        "code": case_type.code,
        "name": case_type.name,
        "description": case_type.description,
        "legal_term": case_type.legal_term,
        "team": case_type.responsible_team.slug,
        "confidentiality": case_type.confidentiality,
        "active": case_type.active,
        "statuses": [
            {
                "code": status.code,
                "name": status.name,
                "resident_text": status.resident_text,
                "initial": status.is_initial,
                "final": status.is_final,
            }
            for status in case_type.statuses.all()
        ],
        "transitions": [
            {"from": t.source.code, "to": t.target.code, "label": t.label}
            for t in case_type.transitions.all()
        ],
        "form": case_type.form_schema,
    }
