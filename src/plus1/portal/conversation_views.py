# SPDX-License-Identifier: EUPL-1.2
"""The conversation on a case in the portal: answer an aanvulverzoek with text and files,
and ask a question about the case. Plain forms (multipart), so they work without JavaScript;
on a refusal the case page is shown again with every problem and what was typed."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from plus1.cases import conversation
from plus1.cases.conversation_selectors import conversation_of, request_of
from plus1.cases.models import Case
from plus1.cases.selectors import case_of_party
from plus1.identity.decorators import resident_required
from plus1.identity.login.session import portal_actor
from plus1.identity.models import Party
from plus1.portal.conversation_services import (
    answer_document_type,
    case_message_by_initiator,
    information_request_answer_by_initiator,
)
from plus1.privacy.declarations import own_data


def conversation_context(case: Case, **form: Any) -> dict[str, Any]:
    """What portal/_case_conversation.html needs; added to the case page's context."""
    return {
        "conversation": conversation_of(case, for_initiator=True),
        "accepts_files": answer_document_type(case) is not None,
        "upload_max_mb": max(1, int(settings.UPLOAD_MAX_BYTES) // (1024 * 1024)),
        "projected_deadline": conversation.projected_deadline(case, timezone.localdate()),
        "form": form,
    }


def _case_or_404(party: Party, identification: str) -> Case:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    return case


def _case_page(request: HttpRequest, case: Case, status: int = 200, **form: Any) -> HttpResponse:
    context = {"case": case, **conversation_context(case, **form)}
    return render(request, "portal/case_detail.html", context, status=status)


@own_data
@resident_required
@require_POST
def answer(
    request: HttpRequest, party: Party, identification: str, request_uuid: uuid.UUID
) -> HttpResponse:
    case = _case_or_404(party, identification)
    info = request_of(case, request_uuid)
    if info is None:
        raise Http404
    text = request.POST.get("text", "")
    try:
        information_request_answer_by_initiator(
            actor=portal_actor(request),
            party=party,
            request=info,
            text=text,
            files=request.FILES.getlist("files"),
        )
    except ValidationError as exc:
        problems = [message for messages in exc.message_dict.values() for message in messages]
        return _case_page(
            request,
            case,
            400,
            answer_for=str(info.uuid),
            answer_open=info.is_open,
            answer_text=text,
            problems=problems,
        )
    return redirect(f"{_url(identification)}?beantwoord=1#gesprek")


@own_data
@resident_required
@require_POST
def question(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = _case_or_404(party, identification)
    text = request.POST.get("text", "")
    try:
        case_message_by_initiator(actor=portal_actor(request), party=party, case=case, text=text)
    except ValidationError as exc:
        problems = [message for messages in exc.message_dict.values() for message in messages]
        return _case_page(request, case, 400, question_text=text, question_problems=problems)
    return redirect(f"{_url(identification)}?verstuurd=1#gesprek")


def _url(identification: str) -> str:
    return reverse("portal:case-detail", args=[identification])
