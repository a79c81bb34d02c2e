# SPDX-License-Identifier: EUPL-1.2
"""The conversation's domain rules: an aanvulverzoek suspends the legal term and the answer
moves the deadline by the days it was suspended; a closed request takes no answer; the
Awb 4:5 route only after the reply date; internal messages never reach the outbox."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import conversation, events
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.cases.services import case_transition
from plus1.cases.tests.conversation_fixtures import days_ago
from plus1.common import legal_clock

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


def _fresh(case):
    return Case.objects.get(pk=case.pk)


def _ask(case, **extra):
    return conversation.information_request_create(
        actor=ACTOR, case=case, question="Wij missen uw huurcontract.", **extra
    )


def test_a_request_suspends_the_term_and_the_answer_moves_the_deadline(case, recorded):
    original = case.deadline
    request = _ask(case)
    today = timezone.localdate()
    assert _fresh(case).suspended_on == today
    assert request.reply_due == legal_clock.deadline(today, "P2W")  # the case type's term
    [requested] = recorded(events.CASE_INFORMATION_REQUESTED)
    assert requested["request"] == str(request.uuid)
    assert requested["question"] == "Wij missen uw huurcontract."
    assert requested["reply_due"] == request.reply_due.isoformat()
    assert requested["identification"] == case.identification

    days_ago(case, 9)
    conversation.information_request_answer(
        actor=ACTOR, request=request, text="Zie bijlage.", documents=["d1"]
    )

    moved = _fresh(case)
    assert moved.suspended_on is None and moved.was_suspended
    assert moved.deadline == legal_clock.next_working_day(original + dt.timedelta(days=9))
    request.refresh_from_db()
    assert request.state == InformationRequest.State.ANSWERED
    assert (request.deadline_before, request.deadline_after) == (original, moved.deadline)
    [received] = recorded(events.CASE_INFORMATION_RECEIVED)
    assert received["request"] == str(request.uuid) and received["documents"] == ["d1"]


def test_the_term_restarts_only_when_the_last_open_request_closes(case):
    first, second = _ask(case), _ask(case)
    conversation.information_request_answer(actor=ACTOR, request=first, text="a", documents=[])
    assert _fresh(case).suspended_on is not None  # still waiting for the second
    conversation.information_request_withdraw(actor=ACTOR, request=second, reason="Niet nodig")
    assert _fresh(case).suspended_on is None


@pytest.mark.parametrize("close", ["answer", "withdraw"])
def test_an_answered_or_withdrawn_request_takes_no_answer(case, close):
    request = _ask(case)
    if close == "answer":
        conversation.information_request_answer(
            actor=ACTOR, request=request, text="Eerste", documents=[]
        )
    else:
        conversation.information_request_withdraw(actor=ACTOR, request=request)
    entries = AuditEntry.objects.count()

    with pytest.raises(ValidationError) as refused:
        conversation.information_request_answer(
            actor=ACTOR, request=request, text="Tweede", documents=[]
        )

    assert "kan niet meer beantwoord worden" in " ".join(refused.value.messages)
    request.refresh_from_db()
    assert request.answer_text in ("Eerste", "")
    assert AuditEntry.objects.count() == entries


def test_bad_request_input_lists_every_problem_and_writes_nothing(case):
    with pytest.raises(ValidationError) as refused:
        conversation.information_request_create(
            actor=ACTOR, case=case, question="  ", reply_due=timezone.localdate()
        )
    problems = refused.value.message_dict
    assert problems["question"] == ["Schrijf op wat er ontbreekt."]
    assert problems["reply_due"] == ["Kies een reactiedatum na vandaag."]
    assert not InformationRequest.objects.exists()
    assert _fresh(case).suspended_on is None


def test_setting_aside_waits_for_the_reply_date_then_closes_the_case(case):
    busy = case.case_type.statuses.get(code="in-behandeling")
    case_transition(actor=ACTOR, case=case, target=busy)
    request = _ask(_fresh(case))
    with pytest.raises(ValidationError, match="reactietermijn loopt nog"):
        conversation.information_request_set_aside(actor=ACTOR, request=request, explanation="x")
    assert _fresh(case).closed_on is None

    InformationRequest.objects.filter(pk=request.pk).update(
        reply_due=timezone.localdate() - dt.timedelta(days=1)
    )
    conversation.information_request_set_aside(
        actor=ACTOR, request=request, explanation="Geen huurcontract ontvangen."
    )

    closed = _fresh(case)
    assert closed.status.code == "buiten-behandeling" and closed.closed_on is not None
    assert closed.suspended_on is None
    assert closed.history.last().explanation == "Geen huurcontract ontvangen."
    request.refresh_from_db()
    assert request.state == InformationRequest.State.SET_ASIDE


def test_internal_messages_stay_out_of_the_outbox(case, recorded):
    conversation.case_message_post(
        actor=ACTOR, case=case, text="Intern: bellen", author_kind="staff", internal=True
    )
    conversation.case_message_post(
        actor=ACTOR, case=case, text="Wij bellen u morgen.", author_kind="staff"
    )
    assert CaseMessage.objects.count() == 2
    [posted] = recorded(events.CASE_MESSAGE_POSTED)
    assert posted["text"] == "Wij bellen u morgen." and posted["author"] == "staff"


def test_a_request_of_a_closed_case_takes_no_answer_but_can_be_withdrawn(case):
    request = _ask(case)
    Case.objects.filter(pk=case.pk).update(closed_on=timezone.localdate())
    with pytest.raises(ValidationError, match="de zaak is afgesloten"):
        conversation.information_request_answer(
            actor=ACTOR, request=request, text="Te laat", documents=[]
        )
    conversation.information_request_withdraw(actor=ACTOR, request=request)
    assert _fresh(case).suspended_on is None
