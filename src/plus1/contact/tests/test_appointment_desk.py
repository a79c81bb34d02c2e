# SPDX-License-Identifier: EUPL-1.2
"""Appointments, the staff side: the reminder the day before, the day view with check-in,
booking on a resident's behalf from a contact moment, refusals in the data trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import ResidentFactory, TeamFactory, UserFactory
from plus1.contact import events
from plus1.contact.models import Appointment, ContactMoment
from plus1.contact.services import appointment_book, appointment_cancel, appointment_reschedule
from plus1.contact.tests.conftest import ACTOR, Agenda
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain
from plus1.identity.testing import staff_login
from plus1.privacy.models import DataTrailRecord


def book(agenda: Agenda, start: dt.datetime, **extra: Any) -> tuple[Appointment, str]:
    fields = {"name": "Anna de Boer", "email": "anna@example.nl", **extra}
    return appointment_book(
        actor=ACTOR, product=agenda.paspoort, location=agenda.stadhuis, start=start, **fields
    )


def _reminders() -> Any:
    return OutboxMessage.objects.filter(topic=events.APPOINTMENT_REMINDER)


def _make_due() -> None:
    _reminders().update(available_at=timezone.now() - dt.timedelta(seconds=1))


def _reminder_mails() -> list[Any]:
    return [m for m in mail.outbox if m.subject.startswith("Herinnering")]


def test_a_reminder_is_scheduled_for_9_the_day_before_and_sent_by_the_worker(
    agenda: Agenda,
) -> None:
    book(agenda, agenda.at(9, 10))
    [row] = _reminders()
    day_before = agenda.monday - dt.timedelta(days=1)
    assert timezone.localtime(row.available_at) == dt.datetime.combine(
        day_before, dt.time(9, 0), tzinfo=timezone.get_current_timezone()
    )
    outbox_drain()
    assert _reminder_mails() == []  # not yet due
    _make_due()
    outbox_drain()
    [reminder] = _reminder_mails()
    assert reminder.to == ["anna@example.nl"]
    assert "Morgen heeft u een afspraak" in reminder.body and "Neem mee" in reminder.body


def test_no_reminder_for_a_cancelled_appointment_and_only_the_new_time_after_a_move(
    agenda: Agenda,
) -> None:
    cancelled, code = book(agenda, agenda.at(9, 10))
    appointment_cancel(actor=ACTOR, appointment_id=cancelled.uuid, code=code)
    moved, code = book(agenda, agenda.at(10, 0), name="Bram", email="bram@example.nl")
    appointment_reschedule(
        actor=ACTOR, appointment_id=moved.uuid, code=code, start=agenda.at(11, 0)
    )
    assert _reminders().count() == 3
    _make_due()
    outbox_drain()
    [reminder] = _reminder_mails()
    assert reminder.to == ["bram@example.nl"] and "11:00" in reminder.body


def _desk(agenda: Agenda) -> tuple[Client, Any]:
    user = UserFactory(staff=True, first_name="Bas", last_name="Balie")
    TeamFactory(name="Team Publiekszaken", members=[user])
    return staff_login(Client(), user), user


def test_the_day_view_lists_a_location_and_checks_residents_in(agenda: Agenda) -> None:
    resident = ResidentFactory(name="Anna de Boer")
    appointment, _ = book(agenda, agenda.at(9, 10), party=resident)
    book(agenda, agenda.at(9, 30), name="Iemand Anders")
    appointment_book(
        actor=ACTOR,
        product=agenda.paspoort,
        location=agenda.noord,
        start=agenda.at(9, 0, day=agenda.monday + dt.timedelta(days=1)),  # open on Tuesdays
        name="Noord Bewoner",
        email="noord@example.nl",
    )
    client, _ = _desk(agenda)
    url = reverse("contact:day")
    page = client.get(
        url, {"locatie": "stadhuis", "dag": agenda.monday.isoformat()}
    ).content.decode()
    assert page.index("Anna de Boer") < page.index("Iemand Anders")
    assert "Noord Bewoner" not in page
    tuesday = (agenda.monday + dt.timedelta(days=1)).isoformat()
    assert (
        "Noord Bewoner"
        in client.get(url, {"locatie": "wijkpunt-noord", "dag": tuesday}).content.decode()
    )
    assert DataTrailRecord.objects.filter(name__startswith="dagoverzicht").count() == 1

    response = client.post(reverse("contact:check-in", args=[appointment.uuid]))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CHECKED_IN
    assert appointment.checked_in_at is not None
    assert AuditEntry.objects.filter(action="appointment.checked_in").count() == 1
    assert DataTrailRecord.objects.filter(name__startswith="aangemeld aan de balie").count() == 1
    after = client.get(response["Location"]).content.decode()
    assert "Aangemeld" in after

    again = client.post(reverse("contact:check-in", args=[appointment.uuid]))
    assert again.status_code == 302
    assert AuditEntry.objects.filter(action="appointment.checked_in").count() == 1


def test_a_cancelled_appointment_cannot_be_checked_in(agenda: Agenda) -> None:
    appointment, code = book(agenda, agenda.at(9, 10))
    appointment_cancel(actor=ACTOR, appointment_id=appointment.uuid, code=code)
    client, _ = _desk(agenda)
    assert client.post(reverse("contact:check-in", args=[appointment.uuid])).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED


def test_staff_book_on_a_residents_behalf_from_a_contact_moment(agenda: Agenda) -> None:
    resident = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    client, user = _desk(agenda)
    moment = ContactMoment.objects.create(
        channel="telefoon", party=resident, summary="Wil een paspoort", registered_by=user
    )
    url = reverse("contact:book-for-contact", args=[moment.uuid])
    step = client.get(
        url, {"product": "paspoort", "locatie": "stadhuis", "dag": agenda.monday.isoformat()}
    )
    assert "09:10 uur" in step.content.decode()
    response = client.post(
        url,
        {
            "product": "paspoort",
            "locatie": "stadhuis",
            "dag": agenda.monday.isoformat(),
            "tijd": agenda.at(9, 10).isoformat(),
            "email": "anna@example.nl",
        },
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.party == resident and appointment.booked_by == user
    moment.refresh_from_db()
    assert moment.appointment == appointment
    assert DataTrailRecord.objects.filter(name__contains="namens de inwoner").count() == 1


def test_a_refused_booking_of_a_logged_in_resident_is_in_their_trail(agenda: Agenda) -> None:
    resident = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    client = Client()
    client.force_login(resident.user)
    page = client.post(
        "/afspraak-maken",
        {
            "product": "paspoort",
            "locatie": "stadhuis",
            "dag": agenda.monday.isoformat(),
            "naam": "Anna de Boer",
            "email": "geen-adres",
            "tijd": agenda.at(9, 10).isoformat(),
        },
    )
    assert page.status_code == 400
    assert not Appointment.objects.exists()
    record = DataTrailRecord.objects.get()
    assert record.refused and "afspraak maken" in record.name


def test_cancelling_with_a_wrong_code_changes_nothing_and_is_in_the_trail(
    agenda: Agenda,
) -> None:
    resident = ResidentFactory(name="Anna de Boer")
    appointment, _ = book(agenda, agenda.at(9, 10), party=resident)
    response = Client().post(
        reverse("contact:cancel", args=[appointment.uuid]), {"code": "verkeerd"}
    )
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    record = DataTrailRecord.objects.get()
    assert record.refused and "verkeerde code" in record.name
