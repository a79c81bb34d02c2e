# SPDX-License-Identifier: EUPL-1.2
"""Waar lopen mensen vast? Counters of the online request forms without personal data:
per case type and day, forms started and submitted, and per field how often each kind of
validation error occurred (the field's key and the error's kind, never the value, never
who). Written by the portal's form views; read by staff as one table per product."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from plus1.catalog.forms_schema import in_language
from plus1.catalog.models import CaseType, Product
from plus1.insights.models import FormCounter

TOP_FIELDS = 5
KIND_LABELS = {
    "required": "niet ingevuld",
    "format": "verkeerde vorm",
    "pattern": "verkeerde vorm",
    "type": "geen geldig getal",
    "minLength": "te kort",
    "maxLength": "te lang",
    "minimum": "te klein",
    "maximum": "te groot",
    "enum": "geen geldige keuze",
    "iban": "IBAN klopt niet",
    "notInPast": "datum in het verleden",
    "maxDaysAgo": "datum te lang geleden",
    "dateRange": "datum buiten de grenzen",
}


@transaction.atomic
def form_counters_add(
    *,
    case_type_code: str,
    started: bool = False,
    submitted: bool = False,
    errors: dict[str, list[str]] | None = None,
    day: dt.date | None = None,
) -> None:
    """Count one form shown for the first time, sent, and/or its errors (field → kinds).

    Two queries whatever the number of fields: make the missing rows (ignoring those that
    exist), then raise all of them in one UPDATE with F() increments, so concurrent forms
    never lose a count."""
    day = day or timezone.localdate()
    keys = [("", "")] if started or submitted else []
    keys += [(field[:100], kind[:40]) for field, kinds in (errors or {}).items() for kind in kinds]
    if not keys:
        return
    FormCounter.objects.bulk_create(
        [FormCounter(case_type_code=case_type_code, day=day, field=f, kind=k) for f, k in keys],
        ignore_conflicts=True,
    )
    rows = FormCounter.objects.filter(case_type_code=case_type_code, day=day)
    if started or submitted:
        rows.filter(field="", kind="").update(
            started=F("started") + int(started), submitted=F("submitted") + int(submitted)
        )
    error_keys = [Q(field=f, kind=k) for f, k in keys if f]
    if error_keys:
        rows.filter(reduce(or_, error_keys)).update(errors=F("errors") + 1)


@dataclass(frozen=True)
class FieldErrors:
    label: str
    errors: int
    kinds: str  # "niet ingevuld 12, verkeerde vorm 3"


@dataclass(frozen=True)
class FormFriction:
    product: str
    started: int
    submitted: int
    fields: list[FieldErrors]

    @property
    def completion(self) -> int | None:
        """Percentage of started forms that were sent (None when none started)."""
        if not self.started:
            return None
        return round(100 * min(self.submitted, self.started) / self.started)


def form_friction(since: dt.date, until: dt.date) -> list[FormFriction]:
    """Per product: started, submitted and the fields with most errors, in the period
    (both days included). Four queries, whatever the number of rows."""
    period = FormCounter.objects.filter(day__gte=since, day__lte=until)
    totals = {
        row["case_type_code"]: row
        for row in period.filter(field="")
        .values("case_type_code")
        .annotate(started_sum=Sum("started"), submitted_sum=Sum("submitted"))
        .order_by()
    }
    by_field: dict[str, dict[str, dict[str, int]]] = {}
    for row in (
        period.exclude(field="")
        .values("case_type_code", "field", "kind")
        .annotate(n=Sum("errors"))
        .order_by("case_type_code", "field", "kind")
    ):
        by_field.setdefault(row["case_type_code"], {}).setdefault(row["field"], {})[row["kind"]] = (
            row["n"]
        )
    codes = sorted(set(totals) | set(by_field))
    names, labels = _names_and_labels(codes)
    result = []
    for code in codes:
        fields = [
            FieldErrors(
                label=labels.get(code, {}).get(field, field),
                errors=sum(kinds.values()),
                kinds=", ".join(
                    f"{KIND_LABELS.get(kind, kind)} {n}"
                    for kind, n in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
                ),
            )
            for field, kinds in by_field.get(code, {}).items()
        ]
        fields.sort(key=lambda item: (-item.errors, item.label))
        total = totals.get(code, {})
        result.append(
            FormFriction(
                product=names.get(code, code),
                started=total.get("started_sum") or 0,
                submitted=total.get("submitted_sum") or 0,
                fields=fields[:TOP_FIELDS],
            )
        )
    return sorted(result, key=lambda item: item.product)


def _names_and_labels(codes: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The product name residents know for each case type code, and its fields' labels (of
    the newest version of the case type)."""
    names: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    for case_type in CaseType.objects.filter(code__in=codes).order_by("code", "pk"):
        names[case_type.code] = case_type.name
        labels[case_type.code] = {
            name: in_language(prop, "title") or name
            for name, prop in case_type.form_schema.get("properties", {}).items()
        }
    for product in (
        Product.objects.filter(published=True, case_type__code__in=codes)
        .order_by("-pk")
        .select_related("case_type")
    ):
        if product.case_type:
            names[product.case_type.code] = product.name
    return names, labels
