# SPDX-License-Identifier: EUPL-1.2
"""What the initiator of a case does in its conversation, one use case per function: answer
an aanvulverzoek (text and files) and send a message ("Vraag over deze zaak").

Each checks that the case is the initiator's own before it writes. The uploaded files are
checked first (plus1.documents.uploads: size, kind by content, virus scan), so a refused file
stores nothing; the accepted ones become documents of the case: the rows the Documenten API
returns as enkelvoudiginformatieobjecten and the Zaken API as zaakinformatieobjecten."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases import conversation
from plus1.cases.events import case_facts
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.catalog.models import CaseType, CaseTypeDocumentType
from plus1.catalog.type_models import Direction, DocumentType
from plus1.documents.links import document_link_create
from plus1.documents.models import Document, ObjectType
from plus1.documents.services import document_create
from plus1.documents.uploads import CheckedFile, Upload, upload_check
from plus1.identity.models import Party
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access


def answer_document_type(case: Case) -> DocumentType | None:
    """The published incoming document type of the case type that answers are filed under."""
    return incoming_document_type(case.case_type)


def incoming_document_type(case_type: CaseType) -> DocumentType | None:
    """The case type's first published incoming document type: what residents send is
    filed under it (answers and the files of a request form)."""
    link = (
        CaseTypeDocumentType.objects.select_related("document_type")
        .filter(case_type=case_type, direction=Direction.INKOMEND, document_type__concept=False)
        .order_by("order", "pk")
        .first()
    )
    return link.document_type if link else None


def _own(party: Party, case: Case) -> None:
    if case.initiator_id != party.pk:
        raise PermissionDenied


@transaction.atomic(durable=True)
def information_request_answer_by_initiator(
    *,
    actor: Actor,
    party: Party,
    request: InformationRequest,
    text: str,
    files: Sequence[Upload],
) -> InformationRequest:
    """The answer with its files, or a ValidationError listing every problem (nothing stored)."""
    case = request.case
    _own(party, case)
    request = conversation.locked_open_request(request, "beantwoord")  # before storing files
    checked, problems = upload_check(files)
    document_type = answer_document_type(case) if files else None
    if files and document_type is None:
        problems.append(
            "Bij deze zaak kunt u geen bestanden sturen. Schrijf uw antwoord in het tekstvak."
        )
    if problems:
        raise ValidationError({"files": problems})
    documents = [
        _file_as_document(actor, party, case, request, document_type, item)
        for item in checked
        if document_type is not None
    ]
    request = conversation.information_request_answer(
        actor=actor, request=request, text=text, documents=documents
    )
    _trail(actor, party, case, f"Aanvulling op zaak {case.identification} ontvangen")
    return request


def _file_as_document(
    actor: Actor,
    party: Party,
    case: Case,
    request: InformationRequest,
    document_type: DocumentType,
    item: CheckedFile,
) -> str:
    document = received_document(
        actor=actor,
        party=party,
        document_type=document_type,
        confidentiality=case.confidentiality,
        item=item,
        description=f"Antwoord op aanvulverzoek bij zaak {case.identification}",
    )
    document_link_create(
        actor=actor,
        document=document,
        object_type=ObjectType.ZAAK,
        object_uuid=case.uuid,
        data={"titel": item.name[:200], "beschrijving": "Aanvulling van de aanvrager"},
        subject=case_facts(case, actor),
    )
    return str(document.uuid)


def received_document(
    *,
    actor: Actor,
    party: Party,
    document_type: DocumentType,
    confidentiality: str,
    item: CheckedFile,
    description: str,
) -> Document:
    """A checked file the resident sent, stored as a document received today."""
    today = timezone.localdate().isoformat()
    return document_create(
        actor=actor,
        document_type=document_type,
        source_organisation=settings.ZGW_RSIN,
        identification="",
        confidentiality=confidentiality,
        title=item.name[:200],
        data={
            "bestandsnaam": item.name,
            "formaat": item.kind.mime,
            "taal": "nld",
            "auteur": party.name[:200] or "aanvrager",
            "creatiedatum": today,
            "ontvangstdatum": today,
            "status": "definitief",
            "beschrijving": description,
            "indicatieGebruiksrecht": False,
        },
        content=item.content,
        size=None,
    )


@transaction.atomic(durable=True)
def case_message_by_initiator(*, actor: Actor, party: Party, case: Case, text: str) -> CaseMessage:
    _own(party, case)
    message = conversation.case_message_post(
        actor=actor,
        case=case,
        text=text,
        author_kind=CaseMessage.AuthorKind.INITIATOR,
        author_party=party,
    )
    _trail(actor, party, case, f"Vraag over zaak {case.identification} ontvangen")
    return message


def _trail(actor: Actor, party: Party, case: Case, name: str) -> None:
    """What the resident sent is personal data the municipality now processes for the case."""
    personal_data_access(
        actor=actor, subject=party, case=case, action=TrailAction.CHANGED, name=name
    )
