# SPDX-License-Identifier: EUPL-1.2
"""Every write to the conversation on a case: asking the initiator for more information
(aanvulverzoek, Awb 4:5), their answer, withdrawing a request, setting a request that was not
answered in time aside (Awb 4:5: buiten behandeling stellen), and messages in the thread.

An open request suspends the legal term of the case (Awb 4:15) through the case's own clock
(`case_update` with `suspension`, the same machinery the Zaken API uses): the deadline moves
by the days it was suspended when the last open request is answered or withdrawn.

These are domain services (plain `atomic`, so they compose): the use cases that check who
asks and write the data trail are in the workbench and the portal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import audit_actions, events
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.cases.services import case_transition, case_update
from plus1.catalog.models import StatusType
from plus1.common import legal_clock
from plus1.events.services import outbox_put
from plus1.identity.models import Party

QUESTION_MAX = 2000
TEXT_MAX = 5000
SUSPENSION_REASON = "Aanvulverzoek: wacht op informatie van de aanvrager (Awb 4:15)"


def default_reply_due(case: Case, today: dt.date | None = None) -> dt.date:
    """The reply deadline the case type sets (default two weeks), on a working day."""
    return legal_clock.deadline(today or timezone.localdate(), case.case_type.reply_term)


def projected_deadline(case: Case, on: dt.date) -> dt.date:
    """The case's deadline if its suspension ends on `on` (the deadline while suspended)."""
    if case.suspended_on is None:
        return case.deadline
    return legal_clock.resume(case.deadline, case.suspended_on, on)


def _problem(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: [ValidationError(message, code=code)]})


@transaction.atomic
def information_request_create(
    *, actor: Actor, case: Case, question: str, reply_due: dt.date | None = None
) -> InformationRequest:
    """Ask the initiator for what is missing, by `reply_due` (default: the case type's reply
    term), and suspend the legal term from today."""
    today = timezone.localdate()
    question = question.strip()
    reply_due = reply_due or default_reply_due(case, today)
    problems: dict[str, list[str]] = {}
    if not question:
        problems["question"] = ["Schrijf op wat er ontbreekt."]
    elif len(question) > QUESTION_MAX:
        problems["question"] = [f"Gebruik hoogstens {QUESTION_MAX} tekens."]
    if reply_due <= today:
        problems["reply_due"] = ["Kies een reactiedatum na vandaag."]
    if case.closed_on is not None:
        problems["case"] = ["Deze zaak is afgesloten; vraag geen aanvulling meer."]
    elif case.initiator_id is None:
        problems["case"] = ["Deze zaak heeft geen aanvrager aan wie u iets kunt vragen."]
    if problems:
        raise ValidationError(problems)
    deadline_before = case.deadline
    if case.suspended_on is None:
        case = case_update(
            actor=actor,
            case=case,
            changes={"suspension": {"indicatie": True, "reden": SUSPENSION_REASON}},
        )
    request = InformationRequest.objects.create(
        case=case,
        question=question,
        reply_due=reply_due,
        requested_by_id=actor.user_id,
        requested_at=timezone.now(),
        deadline_before=deadline_before,
    )
    facts = {
        "request": str(request.uuid),
        "question": question,
        "reply_due": reply_due.isoformat(),
        # The deadline if the answer comes on the reply date (it moves by the wait).
        "deadline": projected_deadline(case, reply_due).isoformat(),
    }
    audit_record(
        actor=actor, action=audit_actions.CASE_INFORMATION_REQUESTED, obj=case, after=facts
    )
    outbox_put(
        topic=events.CASE_INFORMATION_REQUESTED,
        payload={**events.case_facts(case, actor), **facts},
    )
    return request


def locked_open_request(request: InformationRequest, verb: str) -> InformationRequest:
    """The request, locked; refused unless it is still open (`verb`: "beantwoord", ...).
    A use case that stores files first calls this before it stores them."""
    request = (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("case", "case__case_type", "case__status")
        .get(pk=request.pk)
    )
    if not request.is_open:
        state = request.get_state_display().lower()
        raise _problem(
            "request", f"Dit verzoek kan niet meer {verb} worden: het is {state}.", "not-open"
        )
    if request.case.closed_on is not None and verb == "beantwoord":
        raise _problem(
            "request", f"Dit verzoek kan niet meer {verb} worden: de zaak is afgesloten.", "closed"
        )
    return request


def _resume_clock(actor: Actor, request: InformationRequest) -> Case:
    """Restart the legal term when no other request of the case is open; record the deadline."""
    case = request.case
    still_open = case.information_requests.filter(state=InformationRequest.State.OPEN).exclude(
        pk=request.pk
    )
    if case.suspended_on is not None and not still_open.exists():
        case = case_update(actor=actor, case=case, changes={"suspension": {"indicatie": False}})
    request.deadline_after = case.deadline
    return case


@transaction.atomic
def information_request_answer(
    *, actor: Actor, request: InformationRequest, text: str, documents: list[str]
) -> InformationRequest:
    """The initiator's answer: text and/or the UUIDs of the documents they sent. Refused when
    the request was already answered, withdrawn or set aside."""
    request = locked_open_request(request, "beantwoord")
    text = text.strip()
    if not text and not documents:
        raise _problem("text", "Schrijf een antwoord of voeg een bestand toe.", "empty")
    if len(text) > TEXT_MAX:
        raise _problem("text", f"Gebruik hoogstens {TEXT_MAX} tekens.", "too-long")
    case = _resume_clock(actor, request)
    request.state = InformationRequest.State.ANSWERED
    request.answered_at = timezone.now()
    request.answer_text = text
    request.answer_documents = list(documents)
    request.save()
    facts = {"request": str(request.uuid), "documents": list(documents)}
    audit_record(
        actor=actor,
        action=audit_actions.CASE_INFORMATION_RECEIVED,
        obj=case,
        after={**facts, "deadline": case.deadline.isoformat()},
    )
    outbox_put(
        topic=events.CASE_INFORMATION_RECEIVED, payload={**events.case_facts(case, actor), **facts}
    )
    return request


@transaction.atomic
def information_request_withdraw(
    *, actor: Actor, request: InformationRequest, reason: str = ""
) -> InformationRequest:
    """Staff no longer need the information: the request closes and the term restarts."""
    request = locked_open_request(request, "ingetrokken")
    case = _resume_clock(actor, request)
    request.state = InformationRequest.State.WITHDRAWN
    request.withdrawn_at = timezone.now()
    request.closed_reason = reason.strip()[:1000]
    request.save()
    facts = {"request": str(request.uuid), "reason": request.closed_reason}
    audit_record(
        actor=actor,
        action=audit_actions.CASE_INFORMATION_WITHDRAWN,
        obj=case,
        after={**facts, "deadline": case.deadline.isoformat()},
    )
    outbox_put(
        topic=events.CASE_INFORMATION_WITHDRAWN,
        payload={**events.case_facts(case, actor), **facts},
    )
    return request


def set_aside_status(case: Case) -> StatusType | None:
    """The case type's status for Awb 4:5, if its workflow table leads there from here."""
    return (
        StatusType.objects.filter(
            case_type=case.case_type, sets_aside=True, incoming__source=case.status
        )
        .order_by("order")
        .first()
    )


@transaction.atomic
def information_request_set_aside(
    *, actor: Actor, request: InformationRequest, explanation: str
) -> InformationRequest:
    """Awb 4:5: the reply deadline passed without an answer, so the application is not
    considered further. The case moves to its case type's set-aside status through the
    workflow table; the explanation is the message to the resident (in the status event)."""
    request = locked_open_request(request, "buiten behandeling gesteld")
    case = request.case
    if not request.is_overdue():
        raise _problem(
            "request",
            "De reactietermijn loopt nog; u kunt de aanvraag pas daarna buiten behandeling stellen.",
            "not-overdue",
        )
    target = set_aside_status(case)
    if target is None:
        raise _problem(
            "request",
            "Het zaaktype heeft geen status ‘buiten behandeling gesteld’ die vanaf de huidige "
            "status te kiezen is. Vraag functioneel beheer om die in de workflow op te nemen.",
            "no-set-aside-status",
        )
    case = _resume_clock(actor, request)
    request.state = InformationRequest.State.SET_ASIDE
    request.closed_reason = explanation.strip()[:1000]
    request.save()
    audit_record(
        actor=actor,
        action=audit_actions.CASE_INFORMATION_SET_ASIDE,
        obj=case,
        after={"request": str(request.uuid), "status": target.code},
    )
    case_transition(actor=actor, case=case, target=target, explanation=request.closed_reason)
    return request


@transaction.atomic
def case_message_post(
    *,
    actor: Actor,
    case: Case,
    text: str,
    author_kind: str,
    author_party: Party | None = None,
    internal: bool = False,
) -> CaseMessage:
    """A message in the case's thread. Internal messages (staff only) stay internal: they put
    nothing in the outbox, so no message to the resident can be built from them."""
    text = text.strip()
    if not text:
        raise _problem("text", "Schrijf een bericht.", "empty")
    if len(text) > TEXT_MAX:
        raise _problem("text", f"Gebruik hoogstens {TEXT_MAX} tekens.", "too-long")
    if author_kind == CaseMessage.AuthorKind.INITIATOR and internal:
        raise ValueError("an initiator's message is never internal")
    message = CaseMessage.objects.create(
        case=case,
        author_kind=author_kind,
        author_user_id=actor.user_id if author_kind == CaseMessage.AuthorKind.STAFF else None,
        author_party=author_party,
        text=text,
        internal=internal,
        created_at=timezone.now(),
    )
    facts: dict[str, Any] = {"message": str(message.uuid), "author": author_kind, "text": text}
    audit_record(
        actor=actor,
        action=audit_actions.CASE_MESSAGE_POSTED,
        obj=case,
        after={**facts, "internal": internal},
    )
    if not internal:
        outbox_put(
            topic=events.CASE_MESSAGE_POSTED, payload={**events.case_facts(case, actor), **facts}
        )
    return message
