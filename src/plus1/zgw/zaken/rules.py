# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: the checks on what a zaak refers to (communicatiekanaal, relevante
andere zaken, hoofdzaak, producten of diensten) before anything is written."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions

from plus1.cases.models import Case
from plus1.catalog.models import CaseType
from plus1.zgw.base import resolve_url
from plus1.zgw.zaken.remote import check_remote, invalid, is_local


def validate_references(
    given: dict[str, Any], case_type: CaseType, changes: dict[str, Any], case: Case | None
) -> None:
    """Raise one 400 listing every bad reference; resolve the hoofdzaak URL into `changes`."""
    problems: dict[str, list[exceptions.ErrorDetail]] = {}
    checks = [
        lambda: check_remote(given.get("communicatiekanaal", ""), "communicatiekanaal", ("naam",)),
        lambda: _relevant_cases(given.get("relevanteAndereZaken") or []),
        lambda: _products(given.get("productenOfDiensten"), case_type),
        lambda: _parent(given, changes),
    ]
    for check in checks:
        try:
            check()
        except exceptions.ValidationError as exc:
            assert isinstance(exc.detail, dict)
            problems.update(exc.detail)  # type: ignore[arg-type]
    if problems:
        raise exceptions.ValidationError(problems)


def _relevant_cases(relevant: list[dict[str, Any]]) -> None:
    for index, item in enumerate(relevant):
        url, field = item.get("url", ""), f"relevanteAndereZaken.{index}.url"
        if is_local(url):
            key = resolve_url(url, "zaak-detail")
            if not key or not Case.objects.filter(uuid=key).exists():
                raise invalid(field, "bad-url", "De URL verwijst niet naar een bestaande zaak.")
        else:
            check_remote(url, field, ("url",))


def _products(products: list[str] | None, case_type: CaseType) -> None:
    if not products:
        return
    extension = getattr(case_type, "zgw", None)
    allowed = set(extension.producten_of_diensten if extension else [])
    if not set(products) <= allowed:
        raise invalid(
            "productenOfDiensten",
            "invalid-products-services",
            "Alleen producten of diensten van het zaaktype zijn toegestaan.",
        )


def _parent(given: dict[str, Any], changes: dict[str, Any]) -> None:
    if "hoofdzaak" not in given:
        return
    url = given["hoofdzaak"]
    if not url:
        changes["parent"] = None
        return
    key = resolve_url(url, "zaak-detail")
    parent = Case.objects.filter(uuid=key).first() if key else None
    if parent is None:
        raise invalid("hoofdzaak", "no_match", "De hoofdzaak is geen zaak in dit zaaksysteem.")
    changes["parent"] = parent
