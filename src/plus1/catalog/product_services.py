# SPDX-License-Identifier: EUPL-1.2
"""Writes to the product catalogue: the national UPL list and the local vocabulary per product.

The UPL owns a product's UPL name, layers, kinds and legal bases; a re-import overwrites only
those. Everything the municipality adds (name, texts, resident words, channels, provider,
case type, audience after creation) is never touched by a re-import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from plus1.audit.services import Actor, audit_record
from plus1.catalog import audit_actions
from plus1.catalog.models import CaseType, Channel, Layer, LegalBasis, Organisation, Product
from plus1.catalog.plain_texts import plain_summary, plain_title
from plus1.catalog.upl import PLACEHOLDER_URI, UplEntry, UplProblems, upl_parse

UPL_PREFIX = "http://standaarden.overheid.nl/owms/terms/"
UPL_OWNED = ["upl_name", "layers", "kinds", "updated_at"]
DERIVED = ["name", "summary"]  # derived from the UPL until an editor reviews them


def upl_uri(term_or_uri: str) -> str:
    """A full UPL URI from either the URI itself or its last part (`paspoort`)."""
    value = term_or_uri.strip()
    return value if value.startswith("http") else UPL_PREFIX + value


@dataclass
class UplImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_list: int = 0


@transaction.atomic
def upl_import(*, actor: Actor, text: str) -> UplImportResult:
    """Create or update one product per UPL entry; all or nothing."""
    try:
        entries = upl_parse(text)
    except UplProblems as exc:
        raise ValidationError(exc.problems) from exc
    existing = {
        p.upl_uri: p
        for p in Product.objects.filter(upl_uri__isnull=False).prefetch_related("legal_bases")
    }
    result = UplImportResult()
    taken = set(Product.objects.values_list("slug", flat=True))
    for entry in entries:
        product = existing.get(entry.uri)
        if product is None:
            product = _upl_create(entry, taken)
            result.created.append(entry.uri)
        elif _upl_changed(product, entry):
            _upl_update(product, entry)
            result.updated.append(entry.uri)
        else:
            result.unchanged += 1
            continue
        audit_record(
            actor=actor,
            action=audit_actions.PRODUCT_UPL_IMPORTED,
            obj=product,
            after={"upl": entry.uri, "layers": entry.layers, "kinds": entry.kinds},
        )
    result.not_in_list = len(set(existing) - {entry.uri for entry in entries})
    return result


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:44] or "product"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _upl_create(entry: UplEntry, taken: set[str]) -> Product:
    product = Product.objects.create(
        slug=_unique_slug(entry.name, taken),
        **_derived_texts(entry),
        audience=entry.audience,
        published=entry.uri != PLACEHOLDER_URI,
        upl_uri=entry.uri,
        upl_name=entry.name,
        layers=entry.layers,
        kinds=entry.kinds,
    )
    _replace_bases(product, entry)
    return product


def _derived_texts(entry: UplEntry) -> dict[str, str]:
    label = entry.bases[0][1] if entry.bases else ""
    return {
        "name": plain_title(entry.name),
        "summary": plain_summary(kinds=entry.kinds, layers=entry.layers, basis_label=label),
    }


def _bases_of(product: Product) -> list[tuple[str, str, str]]:
    return [(b.uri, b.label, b.url) for b in product.legal_bases.all()]


def _upl_changed(product: Product, entry: UplEntry) -> bool:
    return (
        product.upl_name != entry.name
        or product.layers != entry.layers
        or product.kinds != entry.kinds
        or sorted(_bases_of(product)) != sorted(entry.bases)
    )


def _upl_update(product: Product, entry: UplEntry) -> None:
    product.upl_name, product.layers, product.kinds = entry.name, entry.layers, entry.kinds
    product.updated_at = timezone.now()
    fields = UPL_OWNED
    if not product.text_reviewed and not product.summary:  # texts of its own are kept
        for name, value in _derived_texts(entry).items():
            setattr(product, name, value)
        fields = UPL_OWNED + DERIVED
    product.save(update_fields=fields)
    _replace_bases(product, entry)


def _replace_bases(product: Product, entry: UplEntry) -> None:
    product.legal_bases.all().delete()
    LegalBasis.objects.bulk_create(
        LegalBasis(product=product, uri=uri, label=label, url=url)
        for uri, label, url in entry.bases
    )


# --- local vocabulary -------------------------------------------------------------------

LOCAL_CHANNELS = [c for c in Channel.values if c != Channel.ONLINE]


def vocabulary_problems(document: dict[str, Any]) -> list[str]:
    """Every reason the vocabulary document cannot be applied, all at once."""
    problems: list[str] = []
    organisations = {item.get("slug") for item in document.get("organisations", [])}
    organisations |= set(Organisation.objects.values_list("slug", flat=True))
    for index, item in enumerate(document.get("organisations", []), start=1):
        where = f"organisatie {item.get('slug') or index}"
        problems += [
            f"{where}: ‘{key}’ ontbreekt." for key in ("slug", "name") if not item.get(key)
        ]
        if item.get("layer") not in Layer.values:
            problems.append(f"{where}: bestuurslaag moet een van {Layer.values} zijn.")
    uris = [upl_uri(item.get("upl") or "") for item in document.get("products", [])]
    known = set(Product.objects.filter(upl_uri__in=uris).values_list("upl_uri", flat=True))
    case_types = set(CaseType.objects.values_list("code", flat=True))
    for index, item in enumerate(document.get("products", []), start=1):
        where = f"product {item.get('upl') or index}"
        if not item.get("upl"):
            problems.append(f"{where}: ‘upl’ ontbreekt.")
        elif upl_uri(item["upl"]) not in known:
            problems.append(f"{where}: staat niet in de UPL; importeer eerst de UPL.")
        if item.get("provider") and item["provider"] not in organisations:
            problems.append(f"{where}: onbekende aanbieder ‘{item['provider']}’.")
        if item.get("case_type") and item["case_type"] not in case_types:
            problems.append(f"{where}: onbekend zaaktype ‘{item['case_type']}’.")
        for channel in item.get("channels", []):
            if channel not in LOCAL_CHANNELS:
                problems.append(f"{where}: kanaal ‘{channel}’ moet een van {LOCAL_CHANNELS} zijn.")
    return problems


@transaction.atomic
def vocabulary_import(*, actor: Actor, document: dict[str, Any]) -> int:
    """Apply organisations and the local additions per product; returns products changed."""
    problems = vocabulary_problems(document)
    if problems:
        raise ValidationError(problems)
    for item in document.get("organisations", []):
        organisation, _ = Organisation.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "layer": item["layer"],
                "url": item.get("url", ""),
                "phone": item.get("phone", ""),
                "how_to_reach": item.get("how_to_reach", ""),
            },
        )
        audit_record(
            actor=actor, action=audit_actions.ORGANISATION_IMPORTED, obj=organisation, after=item
        )
    for item in document.get("products", []):
        product = Product.objects.get(upl_uri=upl_uri(item["upl"]))
        _apply_vocabulary(product, item)
        audit_record(
            actor=actor, action=audit_actions.PRODUCT_VOCABULARY_IMPORTED, obj=product, after=item
        )
    return len(document.get("products", []))


def _apply_vocabulary(product: Product, item: dict[str, Any]) -> None:
    if item.get("name"):
        product.name = item["name"]
    if item.get("summary"):
        product.summary = item["summary"]
    product.text_reviewed = product.text_reviewed or bool(item.get("name") or item.get("summary"))
    product.name_en = item.get("name_en", product.name_en)
    product.summary_en = item.get("summary_en", product.summary_en)
    product.description = item.get("description", product.description)
    product.resident_words = "\n".join(item.get("words", [])) or product.resident_words
    product.channels = item.get("channels", product.channels)
    if "provider" in item:
        product.provider = (
            Organisation.objects.get(slug=item["provider"]) if item["provider"] else None
        )
    if "case_type" in item:
        product.case_type = CaseType.objects.current().filter(code=item["case_type"] or "").first()
    product.save()
