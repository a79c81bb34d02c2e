# SPDX-License-Identifier: EUPL-1.2
"""What a Woo draft is made of: the text of a besluit (as the decision letter states it),
or the text of a definitive document of the case (plain text, or the text layer of a PDF).
Read through the decisions and documents contexts; nothing is written there."""

from __future__ import annotations

import datetime as dt
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from plus1.cases.models import Case
from plus1.common.nl_dates import nl_date
from plus1.decisions.models import Decision
from plus1.documents.models import DocumentLink
from plus1.documents.selectors import case_documents
from plus1.opendata.models import WooPublication
from plus1.opendata.woo_services import DraftSource

TEXT_FORMATS = ("text/plain", "application/pdf")


def decision_source(decision: Decision) -> DraftSource:
    if decision.case is None:
        raise ValidationError("Een besluit zonder zaak wordt niet onder de Woo gepubliceerd.")
    case = decision.case
    lines = [
        f"{decision.decision_type.description or 'Besluit'} {decision.identification}",
        f"{settings.MUNICIPALITY_NAME}, {nl_date(decision.date)}",
        f"Zaak {case.identification}: {case.case_type.name}",
    ]
    if case.initiator is not None:
        lines.append(f"Aanvrager: {case.initiator.name}")
    if decision.governing_body:
        lines.append(f"Bestuursorgaan: {decision.governing_body}")
    lines.append(f"Dit besluit werkt vanaf {nl_date(decision.effective_from)}.")
    if decision.explanation:
        lines += ["", decision.explanation]
    return DraftSource(
        kind=WooPublication.Source.DECISION,
        uuid=decision.uuid,
        case=case,
        title=f"{case.case_type.name}: besluit {decision.identification}",
        text="\n".join(lines),
        document_date=decision.date,
    )


def publishable_documents(case: Case) -> QuerySet[DocumentLink]:
    """Definitive documents of the case with a readable text, not yet made into a draft."""
    drafted = WooPublication.objects.filter(source=WooPublication.Source.DOCUMENT).values(
        "source_uuid"
    )
    return (
        case_documents([case.uuid])
        .filter(
            document__current__data__status="definitief",
            document__current__data__formaat__in=TEXT_FORMATS,
        )
        .exclude(document__uuid__in=drafted)
    )


def document_source(case: Case, link: DocumentLink) -> DraftSource:
    version = link.document.current
    if version is None or not version.content:
        raise ValidationError("Dit document heeft geen inhoud om te publiceren.")
    with version.content.open("rb") as handle:
        content = handle.read()
    if version.data.get("formaat") == "application/pdf":
        text = _pdf_text(content)
    else:
        text = content.decode("utf-8", errors="replace")
    if not text.strip():
        raise ValidationError("In dit document staat geen leesbare tekst om te publiceren.")
    created = version.data.get("creatiedatum") or version.registered_at.date().isoformat()
    return DraftSource(
        kind=WooPublication.Source.DOCUMENT,
        uuid=link.document.uuid,
        case=case,
        title=version.title,
        text=text,
        document_date=dt.date.fromisoformat(created[:10]),
    )


def _pdf_text(content: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(content))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError:
        raise ValidationError("Dit PDF-bestand is niet te lezen.") from None
