# SPDX-License-Identifier: EUPL-1.2
"""Catalogi 1.3 relations by name (the historiemodel).

In create and update requests a client may name a related type instead of giving its URL:
`besluittypen` and `BesluitType.informatieobjecttypen` by omschrijving, `deelzaaktypen` and
`gerelateerdeZaaktypen.zaaktype` by zaaktype identificatie, and
`ZaakTypeInformatieObjectType.informatieobjecttype` by omschrijving. A name is resolved
within the catalogus to the version valid on the relevant date (the beginGeldigheid of the
type being written); a published version wins over a concept valid on the same day. A name
that matches none, or several versions the rule cannot choose between, is a 400 naming
the field, the name and the reason; nothing is written.

Responses show, for each relation, the version valid on `datumGeldigheid` (today when the
request gives none): a related version that is not valid that day is shown as the version
of the same name in the same catalogus that is (when there is one)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from plus1.zgw.base import UrlField
from plus1.zgw.catalogi import selectors as sel


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class UrlOrNameField(serializers.CharField):
    """A related type: its URL, or (Catalogi 1.3) its omschrijving or identificatie."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if "://" in value:
            return UrlField().to_internal_value(value)
        return value


def _error(field: str, messages: list[str]) -> serializers.ValidationError:
    return serializers.ValidationError(
        {field: [serializers.ErrorDetail(m, code="invalid-name") for m in messages]}
    )


def one_by_name(
    rows: QuerySet, name_field: str, name: str, day: dt.date, label: str
) -> tuple[Any | None, str | None]:
    """(the version named `name` valid on `day`, None) or (None, the reason there is none)."""
    named = rows.filter(**{name_field: name})
    if not named.exists():
        return None, f"Er is geen {label} '{name}' in deze catalogus."
    valid = list(sel.valid_on(named, day))
    if len(valid) > 1:
        valid = [row for row in valid if not row.concept] or valid
    if not valid:
        return None, f"Geen versie van {label} '{name}' is geldig op {day.isoformat()}."
    if len(valid) > 1:
        return None, (
            f"Meer dan één versie van {label} '{name}' is geldig op {day.isoformat()}; "
            "geef de URL van de bedoelde versie."
        )
    return valid[0], None


def resolve_names(
    values: list[str], rows: QuerySet, name_field: str, day: dt.date, field: str, label: str
) -> dict[str, Any]:
    """{name: row} for every name in `values` (URLs are skipped); every problem at once."""
    found: dict[str, Any] = {}
    problems: list[str] = []
    for value in dict.fromkeys(v for v in values if not is_url(v)):
        row, problem = one_by_name(rows, name_field, value, day, label)
        if problem or row is None:
            problems.append(problem or value)
        else:
            row.related_by_name = True  # version-independent: may be a published type
            found[value] = row
    if problems:
        raise _error(field, problems)
    return found


class Versions:
    """The version of a related type to show on one day: the related row itself when it is
    valid then, else the version of the same name in the same catalogus that is. Loads the
    versions of one kind once per request (catalogues hold hundreds of types, not more)."""

    def __init__(self, day: dt.date) -> None:
        self.day = day
        self._by_name: dict[tuple[str, Any, str], list[Any]] = {}
        self._loaded: set[str] = set()

    @staticmethod
    def _valid(row: Any, day: dt.date) -> bool:
        return (row.valid_from is None or row.valid_from <= day) and (
            row.valid_to is None or row.valid_to >= day
        )

    def shown(self, row: Any, kind: str, rows: QuerySet, catalogue: str, name: str) -> Any:
        if self._valid(row, self.day):
            return row
        if kind not in self._loaded:
            groups: dict[tuple[str, Any, str], list[Any]] = defaultdict(list)
            for other in rows:
                groups[(kind, getattr_path(other, catalogue), getattr_path(other, name))].append(
                    other
                )
            self._by_name.update(groups)
            self._loaded.add(kind)
        key = (kind, getattr_path(row, catalogue), getattr_path(row, name))
        valid = [other for other in self._by_name.get(key, []) if self._valid(other, self.day)]
        valid.sort(key=lambda other: (other.concept, -(other.pk or 0)))
        return valid[0] if valid else row


def getattr_path(row: Any, path: str) -> Any:
    for part in path.split("__"):
        row = getattr(row, part, None)
        if row is None:
            return None
    return row


def related_rows(
    values: list[str],
    *,
    url_name: str,
    rows: QuerySet,
    named_in: QuerySet,
    name_field: str,
    day: dt.date,
    field: str,
    label: str,
) -> list[Any]:
    """The rows `values` name: URLs as before (any catalogus), names within `named_in` at `day`."""
    from plus1.zgw.catalogi.views.base import many_by_url

    by_name = resolve_names(values, named_in, name_field, day, field, label)
    urls = [value for value in values if is_url(value)]
    found = many_by_url(urls, url_name, rows, field) if urls else []
    seen = {row.pk for row in found}
    return found + [row for row in by_name.values() if row.pk not in seen]
