# SPDX-License-Identifier: EUPL-1.2
"""Zaakinformatieobjecten through the Zaken API: a document linked to a zaak
(documents.DocumentLink, the row the Documenten API shows as objectinformatieobject)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.events import case_facts
from plus1.cases.models import Case
from plus1.catalog.models import CaseTypeDocumentType
from plus1.documents import links as document_links
from plus1.documents.models import Document, DocumentLink, ObjectType


@transaction.atomic(durable=True)
def zaakinformatieobject_create(
    *, actor: Actor, case: Case, document: Document, data: dict[str, Any]
) -> DocumentLink:
    """Link a document whose informatieobjecttype belongs to the zaak's zaaktype."""
    if not CaseTypeDocumentType.objects.filter(
        case_type=case.case_type, document_type=document.document_type
    ).exists():
        raise ValidationError(
            {
                "nonFieldErrors": ValidationError(
                    "Het informatieobjecttype van het document hoort niet bij het zaaktype.",
                    code="missing-zaaktype-informatieobjecttype-relation",
                )
            }
        )
    link = document_links.document_link_create(
        actor=actor,
        document=document,
        object_type=ObjectType.ZAAK,
        object_uuid=case.uuid,
        data=data,
        subject=case_facts(case, actor),
    )
    return link


@transaction.atomic(durable=True)
def zaakinformatieobject_update(
    *, actor: Actor, case: Case, link: DocumentLink, data: dict[str, Any]
) -> DocumentLink:
    return document_links.document_link_update(
        actor=actor, link=link, data=data, subject=case_facts(case, actor)
    )


@transaction.atomic(durable=True)
def zaakinformatieobject_delete(*, actor: Actor, case: Case, link: DocumentLink) -> None:
    document_links.document_link_delete(actor=actor, link=link, subject=case_facts(case, actor))
