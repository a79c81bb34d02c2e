# SPDX-License-Identifier: EUPL-1.2
"""The demo's document type for what residents send in answer to an aanvulverzoek: linked as
an incoming document type to every case type that has none yet. Demo data only."""

from __future__ import annotations

import datetime

from plus1.catalog.models import CaseType
from plus1.catalog.type_models import CaseTypeDocumentType, Direction, DocumentType


def answer_document_types_load() -> None:
    document_type = DocumentType.objects.create(
        concept=False,
        description="Aanvulling van de aanvrager",
        confidentiality="zaakvertrouwelijk",
        category="aanvulling",
        valid_from=datetime.date(2026, 1, 1),
    )
    for case_type in CaseType.objects.exclude(document_type_links__direction=Direction.INKOMEND):
        CaseTypeDocumentType.objects.create(
            case_type=case_type, document_type=document_type, order=1, direction=Direction.INKOMEND
        )
