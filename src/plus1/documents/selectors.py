# SPDX-License-Identifier: EUPL-1.2
"""Reads of documents: joined querysets, so that lists cost a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db.models import Prefetch, QuerySet

from plus1.cases.models import Case
from plus1.documents.models import (
    Dispatch,
    Document,
    DocumentLink,
    DocumentPart,
    DocumentVersion,
    ObjectType,
    UsageRight,
)


def documents() -> QuerySet[Document]:
    parts = DocumentPart.objects.order_by("number")
    return (
        Document.objects.select_related("current", "document_type")
        .prefetch_related(Prefetch("current__parts", queryset=parts))
        .order_by("-pk")
    )


def usage_rights() -> QuerySet[UsageRight]:
    return UsageRight.objects.select_related("document__document_type").order_by("pk")


def dispatches() -> QuerySet[Dispatch]:
    return Dispatch.objects.select_related("document__document_type").order_by("pk")


def links(object_type: str | None = None) -> QuerySet[DocumentLink]:
    """Document links (objectinformatieobjecten); the Zaken and Besluiten APIs read these too."""
    rows = DocumentLink.objects.select_related("document__document_type").order_by("pk")
    return rows.filter(object_type=object_type) if object_type else rows


def links_of(object_type: str, object_uuid: uuid.UUID | str) -> QuerySet[DocumentLink]:
    return links(object_type).filter(object_uuid=object_uuid)


def all_archived(object_type: str, object_uuid: uuid.UUID | str) -> bool:
    """Whether every document linked to this zaak or besluit has status `gearchiveerd`."""
    statuses = DocumentLink.objects.filter(
        object_type=object_type, object_uuid=object_uuid
    ).values_list("document__current__data__status", flat=True)
    return all(value == "gearchiveerd" for value in statuses)


def cases_with_initiator(documents: list[Document]) -> QuerySet[Case]:
    """The zaken with a known initiator that these documents belong to: reading such a
    document reads that person's data (data trail under the case type's activity)."""
    linked = DocumentLink.objects.filter(
        document__in=documents, object_type=ObjectType.ZAAK
    ).values("object_uuid")
    return Case.objects.select_related("case_type", "initiator", "responsible_team").filter(
        uuid__in=linked, initiator__isnull=False
    )


def as_of(document: Document, number: int | None, moment: dt.datetime | None) -> DocumentVersion:
    """The version asked for (versie and/or registratieOp), else the current one."""
    if number is None and moment is None:
        assert document.current is not None
        return document.current
    versions = document.versions.order_by("-number")
    if number is not None:
        versions = versions.filter(number=number)
    if moment is not None:
        versions = versions.filter(registered_at__lte=moment)
    version = versions.first()
    if version is None:
        raise DocumentVersion.DoesNotExist
    return version


def case_documents(case_uuids: list[uuid.UUID]) -> QuerySet[DocumentLink]:
    """The documents linked to these zaken, with their current version, oldest first."""
    return (
        DocumentLink.objects.filter(object_type=ObjectType.ZAAK, object_uuid__in=case_uuids)
        .select_related("document__current")
        .order_by("created_at", "pk")
    )


def documents_of_case(case: Case, document_uuids: list[str]) -> dict[str, Document]:
    """The named documents, if linked to the case, by UUID string (one query)."""
    linked = DocumentLink.objects.filter(object_type=ObjectType.ZAAK, object_uuid=case.uuid)
    rows = Document.objects.select_related("current").filter(
        uuid__in=document_uuids, pk__in=linked.values("document_id")
    )
    return {str(row.uuid): row for row in rows}
