# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator edits a template in the admin (placeholders, preview,
refusal of an unknown one); appointments and GDPR requests are confirmed in Mijn berichten."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.catalog.models import CaseType
from plus1.common.testing.factories import ResidentFactory
from plus1.contact.models import Message, MessageTemplate
from plus1.contact.services import appointment_book
from plus1.contact.tests.conftest import Agenda
from plus1.demo.loader import DEMO_PASSWORD, demo_load
from plus1.events.services import outbox_drain
from plus1.identity.testing import staff_login
from plus1.privacy.models import GdprRight
from plus1.privacy.services.gdpr import gdpr_request_start

pytestmark = pytest.mark.django_db


def test_the_administrator_writes_a_case_type_text_with_a_preview_and_a_refusal(client):
    demo_load()
    staff_login(client, get_user_model().objects.get(username="beheerder"), DEMO_PASSWORD)
    add = client.get("/beheer/contact/messagetemplate/add/").content.decode()
    assert "Wij hebben uw aanvraag {zaaknummer} ontvangen" in add  # starts from the default
    assert "{zaaknummer}" in add and "Invulplekken" in add
    case_type = CaseType.objects.get(code="klacht")
    data = {
        "event": "case.registered",
        "case_type": case_type.pk,
        "subject": "Uw klacht {zaaknummer}",
        "body": "Beste {naam},\nWij bellen u op {telefoon}.\n{link}",
        "sms": "",
    }
    refused = client.post("/beheer/contact/messagetemplate/add/", data)
    assert refused.status_code == 200
    assert "Onbekende invulplek: {telefoon}" in refused.content.decode()
    assert not MessageTemplate.objects.exists()

    data["body"] = "Beste {naam},\nWij hebben uw klacht ontvangen.\n{link}"
    assert client.post("/beheer/contact/messagetemplate/add/", data).status_code == 302
    template = MessageTemplate.objects.get()
    assert AuditEntry.objects.filter(object_id=str(template.pk)).exists()
    page = client.get(f"/beheer/contact/messagetemplate/{template.pk}/change/").content.decode()
    assert "Uw klacht ZAAK-2026-0000123" in page and "Beste Anna de Boer" in page  # preview


def test_an_appointment_of_a_logged_in_resident_is_in_mijn_berichten_with_the_ics(
    agenda: Agenda,
) -> None:
    anna = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    appointment_book(
        actor=Actor.from_user(anna.user),
        product=agenda.paspoort,
        location=agenda.stadhuis,
        start=agenda.at(9, 10),
        name="Anna de Boer",
        email="afspraak@example.nl",
        party=anna,
    )
    outbox_drain()
    [email] = mail.outbox
    assert email.to == ["afspraak@example.nl"]  # the address given for the appointment
    assert [name for name, _, _ in email.attachments] == ["afspraak.ics"]
    client = Client()
    client.force_login(anna.user)
    listing = client.get("/mijn-berichten/").content.decode()
    assert "Uw afspraak is gemaakt: Paspoort aanvragen" in listing
    assert Message.objects.get().case is None


def test_a_gdpr_request_gets_a_confirmation(settings) -> None:
    demo_load()
    outbox_drain()
    mail.outbox.clear()
    anna = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    request = gdpr_request_start(
        actor=Actor.from_user(anna.user), party=anna, right=GdprRight.ACCESS, form_data={}
    )
    outbox_drain()
    [message] = Message.objects.filter(recipient=anna)
    assert message.case == request.case and request.case.identification in message.subject
    assert [m.to for m in mail.outbox] == [["anna@example.nl"]]


def test_a_reminder_the_day_before_uses_its_own_text_with_the_ics(agenda: Agenda) -> None:
    """Whoever schedules the reminder queues appointment.confirmation with kind 'reminder'."""
    from django.db import transaction

    from plus1.contact.events import APPOINTMENT_CONFIRMATION
    from plus1.events.services import outbox_put

    appointment, code = appointment_book(
        actor=Actor.system("test"),
        product=agenda.paspoort,
        location=agenda.stadhuis,
        start=agenda.at(9, 10),
        name="Anna de Boer",
        email="anna@example.nl",
    )
    outbox_drain()
    mail.outbox.clear()
    with transaction.atomic():
        outbox_put(
            topic=APPOINTMENT_CONFIRMATION,
            payload={"appointment": str(appointment.uuid), "kind": "reminder", "code": code},
        )
    outbox_drain()
    [email] = mail.outbox
    assert email.subject == "Herinnering: morgen uw afspraak voor Paspoort aanvragen"
    assert "om 09:10 uur" in email.body and f"?code={code}" in email.body
    assert [name for name, _, _ in email.attachments] == ["afspraak.ics"]
