# SPDX-License-Identifier: EUPL-1.2
"""Reads of besluiten and their documents, joined for fixed-cost lists."""

from __future__ import annotations

from django.db.models import QuerySet

from plus1.cases.models import Case
from plus1.decisions.models import Decision
from plus1.documents.models import DocumentLink, ObjectType
from plus1.documents.selectors import links


def decisions() -> QuerySet[Decision]:
    return Decision.objects.select_related("decision_type", "case").order_by("-pk")


def decisions_of_case(case: Case) -> QuerySet[Decision]:
    """The besluiten of a zaak (the Zaken API shows them as zaakbesluiten)."""
    return decisions().filter(case=case)


def decision_documents() -> QuerySet[DocumentLink]:
    """Besluitinformatieobjecten: document links of object type besluit."""
    return links(ObjectType.BESLUIT)
