# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from plus1.catalog import forms_schema
from plus1.catalog.finder import STOPWORDS, finder_index
from plus1.catalog.finder_query import understand
from plus1.catalog.models import CaseType, Channel, Layer, Product, StatusType, Transition


def products_published() -> QuerySet[Product]:
    return Product.objects.filter(published=True).select_related("case_type")


@dataclass(frozen=True)
class FinderAnswer:
    """What the finder made of a question: its language, the products, and whether it is
    really a report about the public space (then `dutch` is the question in Dutch words)."""

    language: str
    products: list[Product]
    is_report: bool
    dutch: str
    understood: bool  # False when nothing in the question was a word the finder knows


def finder_answer(text: str, audience: str | None = None, limit: int = 10) -> FinderAnswer:
    query = understand(text, STOPWORDS)
    ids = finder_index().rank_query(query, audience=audience, limit=limit)
    found = products_published().select_related("provider").prefetch_related("legal_bases")
    by_id = {product.pk: product for product in found.filter(pk__in=ids)}
    dutch = " ".join(" ".join([slot.word, *slot.alternatives]) for slot in query.slots)
    return FinderAnswer(
        language=query.language,
        products=[by_id[pk] for pk in ids if pk in by_id],
        is_report=query.is_report,
        dutch=dutch,
        understood=bool(query.slots),
    )


def products_search(text: str, audience: str | None = None, limit: int = 10) -> list[Product]:
    """Published products that best answer what a resident typed, best first."""
    return finder_answer(text, audience=audience, limit=limit).products


def products_az(*, audience: str | None = None, layer: str | None = None) -> QuerySet[Product]:
    """Every published product, A to Z, for residents or businesses and by government layer."""
    rows = Product.objects.filter(published=True)
    if audience == "residents":
        rows = rows.exclude(audience=Product.Audience.BUSINESSES)
    elif audience == "businesses":
        rows = rows.exclude(audience=Product.Audience.RESIDENTS)
    if layer in Layer.values:
        rows = rows.filter(layers__icontains=f'"{layer}"')  # a JSON list, on every database
    return rows.only("slug", "name", "name_en", "summary", "layers", "audience").order_by("name")


@dataclass(frozen=True)
class Provider:
    """Who provides a product and how a resident reaches them."""

    name: str
    layer: str
    local: bool
    url: str = ""
    phone: str = ""
    how_to_reach: str = ""


LAYER_FALLBACK = {
    Layer.RIJK: "Rijksoverheid",
    Layer.PROVINCIE: "De provincie",
    Layer.WATERSCHAP: "Het waterschap",
}


def product_provider(product: Product) -> Provider:
    """The municipality itself, the named organisation, or else the layer that provides it."""
    if product.offered_locally:
        return Provider(name=settings.MUNICIPALITY_NAME, layer=Layer.GEMEENTE, local=True)
    if product.provider is not None:
        org = product.provider
        return Provider(org.name, org.layer, False, org.url, org.phone, org.how_to_reach)
    layer = next((lay for lay in product.layers if lay in LAYER_FALLBACK), Layer.RIJK)
    return Provider(name=LAYER_FALLBACK[Layer(layer)], layer=layer, local=False)


def product_channels(product: Product) -> list[str]:
    """What a resident can do now: online (through the case type) first, then the others."""
    online = product.case_type is not None and product.case_type.active
    return ([Channel.ONLINE.value] if online else []) + [
        c for c in product.channels if c != Channel.ONLINE
    ]


def product_by_slug(slug: str) -> Product | None:
    return (
        products_published()
        .select_related("provider")
        .prefetch_related("legal_bases")
        .filter(slug=slug)
        .first()
    )


def case_type_by_code(code: str) -> CaseType | None:
    return (
        CaseType.objects.current()
        .filter(code=code, active=True)
        .select_related("responsible_team")
        .first()
    )


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
        Prefetch(
            "transitions",
            queryset=Transition.objects.select_related("source", "target").order_by(
                "source__order", "target__order", "label"
            ),
        ),
    )
    return {
        "case_types": [case_type_document(case_type) for case_type in case_types],
        "products": [
            {
                "slug": product.slug,
                "name": product.name,
                "summary": product.summary,
                "audience": product.audience,
                "case_type": product.case_type.code if product.case_type else None,
                "published": product.published,
                **({"upl": product.upl_uri} if product.upl_uri else {}),
            }
            # by name, then slug: derived titles can repeat, and the export must be stable
            for product in Product.objects.select_related("case_type").order_by("name", "slug")
        ],
    }


def case_type_document(case_type: CaseType) -> dict[str, Any]:
    """One case type as the export writes it and the import reads it."""
    return {
        "code": case_type.code,
        "name": case_type.name,
        "description": case_type.description,
        **({"name_en": case_type.name_en} if case_type.name_en else {}),
        **({"description_en": case_type.description_en} if case_type.description_en else {}),
        "kind": case_type.kind,
        "legal_term": case_type.legal_term,
        "reply_term": case_type.reply_term,
        "team": case_type.responsible_team.slug,
        "confidentiality": case_type.confidentiality,
        "active": case_type.active,
        "penalty_applies": case_type.penalty_applies,
        **({"woo_publish": True} if case_type.woo_publish else {}),
        **({"woo_category": case_type.woo_category} if case_type.woo_category else {}),
        "statuses": [
            {
                "code": status.code,
                "name": status.name,
                "resident_text": status.resident_text,
                "initial": status.is_initial,
                "final": status.is_final,
                **({"sets_aside": True} if status.sets_aside else {}),
                **({"norm_days": status.norm_days} if status.norm_days is not None else {}),
            }
            for status in case_type.statuses.all()
        ],
        "transitions": [
            {"from": t.source.code, "to": t.target.code, "label": t.label}
            for t in case_type.transitions.all()
        ],
        "form": _form_for_export(case_type.form_schema),
    }


def _form_for_export(schema: dict[str, Any]) -> dict[str, Any]:
    """The form as written: its fields in order, without the stored `x-order`."""
    if not schema or not isinstance(schema.get("properties"), dict):
        return schema
    rest = {key: value for key, value in schema.items() if key not in {"x-order", "properties"}}
    return {**rest, "properties": dict(forms_schema.properties_in_order(schema))}
