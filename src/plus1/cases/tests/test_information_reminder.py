# SPDX-License-Identifier: EUPL-1.2
"""The resident is reminded once, three working days before the reply date of an open
information request, on their own channel; not for an answered request, not twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import audit_actions
from plus1.cases.conversation import information_request_create, information_request_withdraw
from plus1.cases.reminders import information_requests_remind, reminder_horizon
from plus1.cases.services import case_register
from plus1.cases.tasks import remind_information_requests
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.conf.celery import app
from plus1.contact.models import Message
from plus1.events.services import outbox_drain

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
MONDAY = dt.date(2027, 3, 1)


@pytest.fixture
def anna():
    return ResidentFactory(name="Anna de Boer", email="anna@example.nl")


def open_request(resident, reply_due):
    case = case_register(
        actor=ACTOR, case_type=CaseTypeFactory(), initiator=resident, form_data={"onderwerp": "x"}
    )
    return information_request_create(
        actor=ACTOR,
        case=case,
        question="Stuur de plattegrond van het terrein.",
        reply_due=reply_due,
    )


def test_the_horizon_counts_working_days():
    assert reminder_horizon(MONDAY) == dt.date(2027, 3, 4)  # Thursday
    assert reminder_horizon(dt.date(2027, 3, 4)) == dt.date(2027, 3, 9)  # over the weekend


def test_a_reminder_goes_once_three_working_days_before(anna):
    request = open_request(anna, reply_due=dt.date.today() + dt.timedelta(days=30))
    request.reply_due = dt.date(2027, 3, 4)  # Thursday; the request was made earlier
    request.save(update_fields=["reply_due"])
    outbox_drain()
    mail.outbox.clear()

    assert information_requests_remind(actor=ACTOR, today=dt.date(2027, 2, 26)) == 0  # Friday
    assert information_requests_remind(actor=ACTOR, today=MONDAY) == 1
    assert information_requests_remind(actor=ACTOR, today=MONDAY) == 0  # once
    outbox_drain()

    [email] = mail.outbox
    assert email.to == ["anna@example.nl"]
    assert email.subject == (
        f"Herinnering: wij wachten op informatie voor zaak {request.case.identification}"
    )
    assert "Stuur de plattegrond van het terrein." in email.body
    assert "vóór 4 maart 2027" in email.body
    assert Message.objects.filter(recipient=anna, subject=email.subject).count() == 1
    assert AuditEntry.objects.filter(action=audit_actions.CASE_INFORMATION_REMINDED).count() == 1


def test_no_reminder_for_a_request_that_is_no_longer_open(anna):
    request = open_request(anna, reply_due=dt.date.today() + dt.timedelta(days=30))
    request.reply_due = dt.date(2027, 3, 4)
    request.save(update_fields=["reply_due"])
    information_request_withdraw(actor=ACTOR, request=request, reason="Niet meer nodig.")
    assert information_requests_remind(actor=ACTOR, today=MONDAY) == 0
    outbox_drain()
    assert not any("Herinnering" in email.subject for email in mail.outbox)


def test_the_worker_runs_the_reminders_every_day():
    [entry] = [
        entry
        for entry in app.conf.beat_schedule.values()
        if entry["task"] == "plus1.cases.remind_information_requests"
    ]
    assert remind_information_requests.name == entry["task"]
