# SPDX-License-Identifier: EUPL-1.2
"""What a staff member does in the conversation on a case, one use case per function: ask
for more information (aanvulverzoek), withdraw it, set an unanswered one aside (Awb 4:5),
and write in the thread. Each checks that the case is one of the staff member's teams'
cases before it writes, and writes the change and the resident's data trail together."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from plus1.cases import conversation
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.workbench.services import _may_handle, _trail_change


@transaction.atomic(durable=True)
def information_request_by_staff(
    *, staff: User | AnonymousUser, case: Case, question: str, reply_due: dt.date | None
) -> InformationRequest:
    actor = _may_handle(staff, case)
    request = conversation.information_request_create(
        actor=actor, case=case, question=question, reply_due=reply_due
    )
    _trail_change(actor, case, "aanvulling gevraagd bij uw zaak")
    return request


@transaction.atomic(durable=True)
def information_request_withdraw_by_staff(
    *, staff: User | AnonymousUser, request: InformationRequest, reason: str
) -> InformationRequest:
    actor = _may_handle(staff, request.case)
    request = conversation.information_request_withdraw(actor=actor, request=request, reason=reason)
    _trail_change(actor, request.case, "aanvulverzoek bij uw zaak ingetrokken")
    return request


@transaction.atomic(durable=True)
def information_request_set_aside_by_staff(
    *, staff: User | AnonymousUser, request: InformationRequest, explanation: str
) -> InformationRequest:
    actor = _may_handle(staff, request.case)
    request = conversation.information_request_set_aside(
        actor=actor, request=request, explanation=explanation
    )
    _trail_change(actor, request.case, "uw aanvraag buiten behandeling gesteld")
    return request


@transaction.atomic(durable=True)
def case_message_by_staff(
    *, staff: User | AnonymousUser, case: Case, text: str, internal: bool
) -> CaseMessage:
    actor = _may_handle(staff, case)
    message = conversation.case_message_post(
        actor=actor,
        case=case,
        text=text,
        author_kind=CaseMessage.AuthorKind.STAFF,
        internal=internal,
    )
    _trail_change(actor, case, "interne notitie bij uw zaak" if internal else "bericht aan u")
    return message
