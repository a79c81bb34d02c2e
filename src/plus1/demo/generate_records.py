# SPDX-License-Identifier: EUPL-1.2
"""Documents (with their PDF files, through the documents storage) and besluiten for the zaken
of `plus1 generate`, in bulk, as the documents and decisions services would have written
them; the caller adds their audit entries to the chain."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from django.conf import settings
from django.utils import timezone
from fpdf import FPDF

from plus1.cases.models import Case
from plus1.catalog.models import CaseType
from plus1.decisions import audit_actions as decision_audit
from plus1.decisions.models import Decision
from plus1.documents import audit_actions as document_audit
from plus1.documents.files import store_content
from plus1.documents.models import Document, DocumentLink, DocumentVersion, ObjectType

DOCUMENT_SHARE = 0.3  # zaken with a document (an application form, a letter)
DECISION_SHARE = 0.5  # closed zaken of a zaaktype with besluittypen that got a besluit
TITLES = ("Aanvraagformulier", "Situatietekening", "Brief aan aanvrager", "Toelichting")

# (action, object, after) of the audit entries the services write for these rows
AuditSpec = tuple[str, Any, dict[str, Any]]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _pdf(title: str, case: Case) -> bytes:
    """A one-page PDF of about 1 kB: the document's title and its zaak."""
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_lang("nl")
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # the same bytes every run
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(text=f"Zaak {case.identification}, geregistreerd {case.registered_on}.")
    return bytes(pdf.output())


def record_types(types: list[CaseType]) -> tuple[dict[int, Any], dict[int, Any]]:
    """Per zaaktype its first document type and first besluittype (None when it has none)."""
    documents, decisions = {}, {}
    for kind in types:
        link = kind.document_type_links.select_related("document_type").order_by("order").first()
        documents[kind.pk] = link.document_type if link else None
        decisions[kind.pk] = kind.decision_types.order_by("pk").first()
    return documents, decisions


def documents_and_decisions(
    cases: list[Case],
    rng: random.Random,
    document_types: dict[int, Any],
    decision_types: dict[int, Any],
    counts: dict[str, int],
) -> list[AuditSpec]:
    organisation, now = settings.ZGW_RSIN, timezone.now()
    documents: list[Document] = []
    versions: list[DocumentVersion] = []
    decisions: list[Decision] = []
    for case in cases:
        document_type = document_types.get(case.case_type_id)
        if document_type is not None and rng.random() < DOCUMENT_SHARE:
            title = rng.choice(TITLES)
            document = Document(
                uuid=_uuid(rng),
                identification=f"DOC-{case.identification}",
                source_organisation=organisation,
                document_type=document_type,
                confidentiality=document_type.confidentiality,
            )
            name = f"{case.identification.lower()}.pdf"
            version = DocumentVersion(
                number=1,
                registered_at=now,
                title=title,
                data={"bestandsnaam": name, "formaat": "application/pdf", "taal": "dut"},
            )
            store_content(version, _pdf(title, case), name)
            documents.append(document)
            versions.append(version)
        decision_type = decision_types.get(case.case_type_id)
        if case.closed_on and decision_type is not None and rng.random() < DECISION_SHARE:
            decisions.append(
                Decision(
                    uuid=_uuid(rng),
                    identification=f"BESLUIT-{case.identification}",
                    responsible_organisation=organisation,
                    decision_type=decision_type,
                    case=case,
                    date=case.closed_on,
                    effective_from=case.closed_on,
                )
            )
    Document.objects.bulk_create(documents)
    for document, version in zip(documents, versions, strict=True):
        version.document = document
    DocumentVersion.objects.bulk_create(versions)
    for document, version in zip(documents, versions, strict=True):
        document.current = version
    Document.objects.bulk_update(documents, ["current"])
    by_identification = {case.identification: case for case in cases}
    links = [
        DocumentLink(
            uuid=_uuid(rng),
            document=document,
            object_type=ObjectType.ZAAK,
            object_uuid=by_identification[document.identification.removeprefix("DOC-")].uuid,
        )
        for document in documents
    ]
    DocumentLink.objects.bulk_create(links)
    Decision.objects.bulk_create(decisions)
    counts["documents"] += len(documents)
    counts["decisions"] += len(decisions)
    return [
        *(
            (document_audit.DOCUMENT_CREATED, d, {"identification": d.identification})
            for d in documents
        ),
        *(
            (document_audit.LINK_CREATED, link, {"document": str(link.document.uuid)})
            for link in links
        ),
        *(
            (decision_audit.DECISION_CREATED, d, {"identification": d.identification})
            for d in decisions
        ),
    ]
