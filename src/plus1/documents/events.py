# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the documents context, and the facts each event carries."""

from __future__ import annotations

from typing import Any

from plus1.documents.models import Dispatch, Document, DocumentLink, UsageRight

DOCUMENT_CREATED = "documents.document_created"
DOCUMENT_UPDATED = "documents.document_updated"
DOCUMENT_DELETED = "documents.document_deleted"
LINK_CREATED = "documents.link_created"
LINK_UPDATED = "documents.link_updated"
LINK_DELETED = "documents.link_deleted"
USAGE_RIGHT_CREATED = "documents.usage_right_created"
USAGE_RIGHT_UPDATED = "documents.usage_right_updated"
USAGE_RIGHT_DELETED = "documents.usage_right_deleted"
DISPATCH_CREATED = "documents.dispatch_created"
DISPATCH_UPDATED = "documents.dispatch_updated"
DISPATCH_DELETED = "documents.dispatch_deleted"


def document_facts(document: Document, *, partial: bool | None = None) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "document": str(document.uuid),
        "document_type": str(document.document_type.uuid),
        "source_organisation": document.source_organisation,
        "confidentiality": document.confidentiality,
    }
    if partial is not None:
        facts["partial"] = partial
    return facts


def link_facts(
    link: DocumentLink, subject: dict[str, Any] | None, *, with_object: bool = False
) -> dict[str, Any]:
    """subject: the facts of the zaak or besluit as its own context states them (this context
    does not read others); with_object: removed because that object was deleted (said there)."""
    return {
        "link": str(link.uuid),
        "document": str(link.document.uuid),
        "object_type": link.object_type,
        "object_uuid": str(link.object_uuid),
        "subject": subject or {},
        "with_object": with_object,
    }


def usage_right_facts(right: UsageRight) -> dict[str, Any]:
    return {"usage_right": str(right.uuid), **document_facts(right.document)}


def dispatch_facts(dispatch: Dispatch, *, partial: bool | None = None) -> dict[str, Any]:
    return {"dispatch": str(dispatch.uuid), **document_facts(dispatch.document, partial=partial)}
