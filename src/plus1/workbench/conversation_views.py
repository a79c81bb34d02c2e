# SPDX-License-Identifier: EUPL-1.2
"""The conversation on a case in the workbench: ask for more information (aanvulverzoek),
withdraw it, set an unanswered one aside (Awb 4:5), and write in the thread. Thin views:
parse, call one use case (workbench.conversation_services), redirect to the case page."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases import conversation
from plus1.cases.conversation_selectors import conversation_of, request_of
from plus1.cases.models import Case, InformationRequest
from plus1.common.legal_clock import describe_term
from plus1.common.views import form_outcome
from plus1.documents.selectors import documents_of_case
from plus1.identity.decorators import staff_required
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access
from plus1.workbench.conversation_services import (
    case_message_by_staff,
    information_request_by_staff,
    information_request_set_aside_by_staff,
    information_request_withdraw_by_staff,
)
from plus1.workbench.lookups import case_or_404

DRAFT = "workbench.conversation.draft"


def draft_of(request: HttpRequest, case: Case) -> dict[str, str]:
    """What the staff member typed in a refused aanvulverzoek of this case (shown once)."""
    draft = request.session.pop(DRAFT, None) or {}
    return draft if draft.get("case") == case.identification else {}


def conversation_context(case: Case, draft: dict[str, str] | None = None) -> dict[str, Any]:
    """What workbench/_conversation.html needs; added to the case page's context."""
    today = timezone.localdate()
    thread = conversation_of(case, for_initiator=False)
    sent = [uuid for request in thread.requests for uuid in request.answer_documents]
    return {
        "conversation": thread,
        "answer_documents": documents_of_case(case, sent),
        "reply_due_default": conversation.default_reply_due(case, today),
        "set_aside_status": conversation.set_aside_status(case) if case.status else None,
        "projected_deadline": conversation.projected_deadline(case, today),
        "draft": draft or {},
        "reply_term": describe_term(case.case_type.reply_term),
    }


def _request_or_404(case: Case, request_uuid: uuid.UUID) -> InformationRequest:
    found = request_of(case, request_uuid)
    if found is None:
        raise Http404
    return found


def _back(identification: str) -> HttpResponse:
    return redirect("workbench:case", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def request_create(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
    raw_due = request.POST.get("reply_due", "").strip()
    question = request.POST.get("question", "")
    try:
        reply_due = dt.date.fromisoformat(raw_due) if raw_due else None
    except ValueError:
        reply_due = None
        problem: ValidationError | None = ValidationError(
            {"reply_due": ["Vul de reactiedatum in als dag-maand-jaar, of laat hem leeg."]}
        )
    else:
        problem = None
    try:
        if problem is not None:
            raise problem
        information_request_by_staff(
            staff=request.user, case=case, question=question, reply_due=reply_due
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        request.session[DRAFT] = {"case": identification, "question": question, "due": raw_due}
    else:
        messages.success(request, "Het aanvulverzoek is verstuurd. De termijn staat stil.")
    return _back(identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def request_withdraw(
    request: HttpRequest, identification: str, request_uuid: uuid.UUID
) -> HttpResponse:
    case = case_or_404(request, identification)
    info = _request_or_404(case, request_uuid)
    with form_outcome(request, "Het aanvulverzoek is ingetrokken. De termijn loopt weer."):
        information_request_withdraw_by_staff(
            staff=request.user, request=info, reason=request.POST.get("reason", "")
        )
    return _back(identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def request_set_aside(
    request: HttpRequest, identification: str, request_uuid: uuid.UUID
) -> HttpResponse:
    case = case_or_404(request, identification)
    info = _request_or_404(case, request_uuid)
    with form_outcome(request, "De aanvraag is buiten behandeling gesteld."):
        information_request_set_aside_by_staff(
            staff=request.user, request=info, explanation=request.POST.get("explanation", "")
        )
    return _back(identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def message_post(request: HttpRequest, identification: str) -> HttpResponse:
    case = case_or_404(request, identification)
    internal = request.POST.get("internal") == "on"
    done = "De interne notitie is opgeslagen." if internal else "Uw bericht is verstuurd."
    with form_outcome(request, done):
        case_message_by_staff(
            staff=request.user, case=case, text=request.POST.get("text", ""), internal=internal
        )
    return _back(identification)


@processing_activity(CASE_TYPE)
@staff_required
def case_document(
    request: HttpRequest, identification: str, document_uuid: uuid.UUID
) -> FileResponse:
    """A file the initiator sent with an answer (any document of the case), as a download."""
    case = case_or_404(request, identification)
    document = documents_of_case(case, [str(document_uuid)]).get(str(document_uuid))
    if document is None or document.current is None or not document.current.content:
        raise Http404
    if case.initiator is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=case.initiator,
            case=case,
            action=TrailAction.VIEWED,
            name=f"document ‘{document.current.title}’ van zaak {case.identification} geopend",
        )
    version = document.current
    return FileResponse(
        version.content.open("rb"),
        as_attachment=True,
        filename=version.data.get("bestandsnaam") or version.title,
        content_type=version.data.get("formaat") or "application/octet-stream",
    )
