# SPDX-License-Identifier: EUPL-1.2
"""Booking, moving and cancelling through the services: what is written, and what is not."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from plus1.audit.models import AuditEntry
from plus1.contact.models import Appointment, Closure
from plus1.contact.selectors import time_slots
from plus1.contact.services import (
    AppointmentNotFound,
    SlotFull,
    appointment_book,
    appointment_cancel,
    appointment_reschedule,
)
from plus1.contact.tests.conftest import ACTOR, Agenda
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain


def book(agenda: Agenda, start: dt.datetime, **extra: object) -> tuple[Appointment, str]:
    fields = {"name": "Anna de Boer", "email": "anna@example.nl", **extra}
    return appointment_book(
        actor=ACTOR, product=agenda.paspoort, location=agenda.stadhuis, start=start, **fields
    )


def test_booking_writes_the_appointment_audit_and_a_confirmation(
    agenda: Agenda, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        appointment, code = book(agenda, agenda.at(9, 10))
    assert appointment.end == agenda.at(9, 20)  # paspoort: 10 minutes
    assert appointment.cancel_code_hash != code and len(code) >= 16
    assert AuditEntry.objects.filter(action="appointment.booked").count() == 1
    assert OutboxMessage.objects.filter(topic="appointment.confirmation").count() == 1
    outbox_drain()
    [message] = mail.outbox
    assert message.to == ["anna@example.nl"]
    assert "Neem een pasfoto mee" in message.body
    assert f"?code={code}" in message.body
    [(filename, ics, mimetype)] = message.attachments
    assert filename == "afspraak.ics" and mimetype == "text/calendar"
    assert "SUMMARY:Paspoort aanvragen bij Gemeente Plusstad" in ics


def test_every_problem_at_once_and_nothing_written(agenda: Agenda) -> None:
    with pytest.raises(ValidationError) as refused:
        appointment_book(
            actor=ACTOR,
            product=agenda.paspoort,
            location=agenda.stadhuis,
            start=agenda.at(7, 0),
            name=" ",
            email="anna@",
        )
    problems = refused.value.message_dict
    assert problems["naam"] == ["Vul uw naam in."]
    assert problems["email"] == ["Vul een e-mailadres in zoals naam@voorbeeld.nl."]
    assert "niet open" in problems["start"][0]
    assert not Appointment.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_past_and_closed_days_are_refused(agenda: Agenda) -> None:
    with pytest.raises(ValidationError) as past:
        book(agenda, agenda.at(9, 0, day=agenda.monday - dt.timedelta(days=14)))
    assert "al voorbij" in past.value.message_dict["start"][0]
    Closure.objects.create(location=agenda.stadhuis, date=agenda.monday, reason="Verhuizing")
    with pytest.raises(ValidationError) as closed:
        book(agenda, agenda.at(9, 0))
    assert "gesloten" in closed.value.message_dict["start"][0]
    assert time_slots(agenda.paspoort, agenda.stadhuis, agenda.monday, agenda.monday) == []
    assert not Appointment.objects.exists()


def test_a_product_not_offered_at_a_location_is_refused(agenda: Agenda) -> None:
    with pytest.raises(ValidationError) as refused:
        appointment_book(
            actor=ACTOR,
            product=agenda.trouwen,
            location=agenda.noord,
            start=agenda.at(9, 0, day=agenda.monday + dt.timedelta(days=1)),
            name="Anna",
            email="anna@example.nl",
        )
    assert "kunt u niet terecht bij Wijkpunt Noord" in refused.value.message_dict["start"][0]


def test_a_full_slot_refuses_the_next_booking_and_writes_nothing(agenda: Agenda) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 2)
    book(agenda, agenda.at(10, 0))
    book(agenda, agenda.at(10, 0))
    with pytest.raises(SlotFull):
        book(agenda, agenda.at(10, 0), name="Derde")
    assert Appointment.objects.count() == 2
    assert not Appointment.objects.filter(name="Derde").exists()
    [slot] = [
        s
        for s in time_slots(agenda.paspoort, agenda.stadhuis, agenda.monday, agenda.monday)
        if s.start == agenda.at(10, 0)
    ]
    assert slot.available == 0


def test_cancel_frees_the_place_and_a_wrong_code_changes_nothing(agenda: Agenda) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 1)
    appointment, code = book(agenda, agenda.at(11, 0))
    with pytest.raises(AppointmentNotFound):
        appointment_cancel(actor=ACTOR, appointment_id=appointment.uuid, code=code + "x")
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    appointment_cancel(actor=ACTOR, appointment_id=appointment.uuid, code=code)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    book(agenda, agenda.at(11, 0), name="Volgende")  # the place is free again
    with pytest.raises(AppointmentNotFound):  # cancelling twice
        appointment_cancel(actor=ACTOR, appointment_id=appointment.uuid, code=code)


def test_reschedule_moves_to_a_free_slot_only(agenda: Agenda) -> None:
    agenda.places(agenda.stadhuis, agenda.paspoort, 1)
    appointment, code = book(agenda, agenda.at(9, 0))
    book(agenda, agenda.at(9, 30), name="Bezet")
    with pytest.raises(SlotFull):
        appointment_reschedule(
            actor=ACTOR, appointment_id=appointment.uuid, code=code, start=agenda.at(9, 30)
        )
    appointment.refresh_from_db()
    assert appointment.start == agenda.at(9, 0)
    appointment_reschedule(
        actor=ACTOR, appointment_id=appointment.uuid, code=code, start=agenda.at(14, 0)
    )
    appointment.refresh_from_db()
    assert (appointment.start, appointment.end) == (agenda.at(14, 0), agenda.at(14, 10))
    book(agenda, agenda.at(9, 0), name="Nieuw")  # the old place is free again
