# SPDX-License-Identifier: EUPL-1.2
"""The publication rules of the Catalogi API (ztc-009 … ztc-013): what may change once a
type is published (concept = false), and that related types share one catalogus."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from plus1.catalog.models import CaseType, DecisionType, DocumentType

#: A published type may still get an end date (eindeGeldigheid), and nothing else.
END_ONLY = frozenset({"valid_to"})


def problem(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def is_concept(row: Any) -> bool:
    """Concept flag of any catalogue type (for case types: catalog.CaseType.concept, the
    draft versions of the admin's form builder and workflow editor included)."""
    return bool(row.concept)


def only_end_date(changed: Iterable[str]) -> bool:
    names = set(changed)
    return bool(names) and names <= END_ONLY


def require_concept(row: Any) -> None:
    if not is_concept(row):
        raise problem(
            "nonFieldErrors",
            "Een gepubliceerd type kan niet meer worden gewijzigd of verwijderd.",
            "non-concept-object",
        )


def require_concept_relations(related: Iterable[Any]) -> None:
    """A new relation by URL needs a concept; one by name (Catalogi 1.3, version-independent:
    plus1.zgw.catalogi.names) may name a published type."""
    if any(not is_concept(row) and not getattr(row, "related_by_name", False) for row in related):
        raise problem(
            "nonFieldErrors",
            "Dit type is gekoppeld aan een gepubliceerd type en kan niet meer veranderen.",
            "non-concept-relation",
        )


def require_concept_case_type(*case_types: CaseType | None) -> None:
    if any(ct is not None and not is_concept(ct) for ct in case_types):
        raise problem(
            "nonFieldErrors",
            "Het zaaktype is gepubliceerd; onderdelen ervan kunnen niet meer veranderen.",
            "non-concept-zaaktype",
        )


def require_published(related: Iterable[Any]) -> None:
    if any(is_concept(row) for row in related):
        raise problem(
            "nonFieldErrors",
            "Publiceer eerst alle gekoppelde typen (besluittypen, informatieobjecttypen, "
            "deelzaaktypen).",
            "concept-relation",
        )


def catalogue_of(row: Any) -> str | None:
    """The UUID (text) of the catalogus a type belongs to."""
    if isinstance(row, CaseType):
        zgw = getattr(row, "zgw", None)
        return str(zgw.catalogus.uuid) if zgw else None
    if isinstance(row, DocumentType | DecisionType):
        return str(row.catalogue) if row.catalogue else None
    return None


def require_same_catalogue(catalogue: str | None, related: Iterable[Any]) -> None:
    if any(catalogue_of(row) != catalogue for row in related):
        raise problem(
            "nonFieldErrors",
            "Gekoppelde typen moeten in dezelfde catalogus staan.",
            "relations-incorrect-catalogus",
        )
