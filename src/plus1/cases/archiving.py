# SPDX-License-Identifier: EUPL-1.2
"""Archiving rules at closing (ZGW brondatum archiefprocedure): the result type says whether a
closed case is kept or destroyed and from which date (brondatum) its term runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import isodate
from django.core.exceptions import ValidationError

from plus1.cases.models import ArchiveStatus, Case, CaseProperty, Result

# How the brondatum is derived (afleidingswijze) from the case's own data.
AFGEHANDELD, TERMIJN, HOOFDZAAK, EIGENSCHAP = "afgehandeld", "termijn", "hoofdzaak", "eigenschap"


def leaves_not_yet(case: Case, changes: dict[str, Any]) -> bool:
    """Whether the case is (or is being) moved out of `nog_te_archiveren`."""
    return changes.get("archive_status", case.archive_status) != ArchiveStatus.NOT_YET


def refuse_unready(case: Case, changes: dict[str, Any]) -> None:
    """A case leaves `nog_te_archiveren` only with its nominatie and actiedatum set (zrc-022);
    raises every problem at once. That its documents are archived first is checked by the
    layer that sees documents (plus1.zgw.zaken.services), as cases may not import them."""
    if not leaves_not_yet(case, changes):
        return
    problems = {}
    if not changes.get("archive_nomination", case.archive_nomination):
        problems["archiefnominatie"] = ValidationError(
            "Geef de archiefnominatie.", code="archiefnominatie-not-set"
        )
    if not changes.get("archive_action_date", case.archive_action_date):
        problems["archiefactiedatum"] = ValidationError(
            "Geef de archiefactiedatum.", code="archiefactiedatum-not-set"
        )
    if problems:
        raise ValidationError(problems)


def on_close(case: Case, *, source_date: dt.date | None = None) -> list[str]:
    """Set archive nomination and action date (if still empty); the changed field names."""
    result = Result.objects.select_related("result_type").filter(case=case).first()
    if result is None or case.closed_on is None:
        return []
    result_type = result.result_type
    changed = []
    if not case.archive_nomination and result_type.archive_nomination:
        case.archive_nomination = result_type.archive_nomination
        changed.append("archive_nomination")
    source = source_date or brondatum(case, result_type.source_date or {})
    term = result_type.archive_action_term
    if case.archive_action_date is None and source and term:
        case.archive_action_date = source + _duration(term)
        changed.append("archive_action_date")
    return changed


def brondatum(case: Case, rule: dict[str, Any]) -> dt.date | None:
    """The date the archive term starts from, for the rules that need only the case itself."""
    kind = rule.get("afleidingswijze")
    if kind == AFGEHANDELD:
        return case.closed_on
    if kind == TERMIJN and rule.get("procestermijn") and case.closed_on:
        return case.closed_on + _duration(rule["procestermijn"])
    if kind == HOOFDZAAK and case.parent_id:
        return Case.objects.filter(pk=case.parent_id).values_list("closed_on", flat=True).first()
    if kind == EIGENSCHAP and rule.get("datumkenmerk"):
        value = (
            CaseProperty.objects.filter(case=case, property_type__name=rule["datumkenmerk"])
            .values_list("value", flat=True)
            .first()
        )
        return _date(value)
    return None


def _duration(term: str) -> Any:
    return isodate.parse_duration(term)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat((value or "").replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.datetime.strptime(value or "", "%Y%m%d").date()
        except ValueError:
            return None
