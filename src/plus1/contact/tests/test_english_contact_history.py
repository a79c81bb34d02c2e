# SPDX-License-Identifier: EUPL-1.2
"""Mijn contactmomenten and "Laat u terugbellen" in English: headings, labels, the times of
day, the channel and status texts and the error messages; Dutch stays the default. What the
municipality stores and sends (codes, the Dutch confirmation) does not follow the page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import (
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.contact import audit_actions, events
from plus1.contact.models import Callback, ContactMoment, Coordinator, ProductContactSetting
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain
from plus1.identity.models import Party

pytestmark = pytest.mark.django_db


@dataclass
class Resident:
    party: Party
    client: Client


@pytest.fixture
def anna(db: Any) -> Resident:
    staff = UserFactory(staff=True, first_name="Vera", last_name="Visser")
    TeamFactory(slug="klantcontact", name="Team Klantcontact", members=[staff])
    product = ProductFactory(slug="traplift", name="Traplift", name_en="Stairlift", case_type=None)
    ProductContactSetting.objects.create(product=product, callback_working_days=3)
    party = ResidentFactory(name="Anna de Boer", phone="0612345678", email="anna@example.nl")
    Coordinator.objects.create(
        staff=staff,
        party=party,
        display_name="Vera Visser",
        phone="14020",
        reachable="maandag tot donderdag",
        household=True,
    )
    client = Client()
    client.force_login(party.user)
    return Resident(party, client)


def _english(client: Client) -> None:
    client.post(reverse("set-language"), {"language": "en", "next": "/"})


def _page(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


URL = "/laat-u-terugbellen/traplift/"


def test_the_callback_form_is_dutch_by_default(anna: Resident) -> None:
    page = _page(anna.client.get(URL, HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="nl">' in page and "<h1>Laat u terugbellen: Traplift</h1>" in page
    assert "Wij bellen u binnen 3 werkdagen terug." in page
    assert "Wanneer kunnen wij u het beste bellen?" in page
    assert ">Maakt niet uit</label>" in page and ">Ochtend (9:00-12:00)</label>" in page
    refused = _page(anna.client.post(URL, {"telefoon": "bel me", "moment": "nacht"}))
    assert "Telefoonnummer: Vul een telefoonnummer in, bijvoorbeeld 0612345678." in refused
    assert "Moment van de dag: Kies wanneer wij het beste kunnen bellen." in refused


def test_the_callback_form_in_english_with_its_errors(anna: Resident) -> None:
    _english(anna.client)
    page = _page(anna.client.get(URL))
    assert '<html lang="en">' in page and "<h1>Ask us to call you: Stairlift</h1>" in page
    assert "We will call you back within 3 working days. You will get a confirmation." in page
    assert "Your phone number" in page and "When is the best time for us to call you?" in page
    assert "What is your question about? (optional)" in page and "Call me back" in page
    for label in ("No preference", "Morning (9:00-12:00)", "Afternoon (12:00-17:00)"):
        assert f">{label}</label>" in page
    assert 'value="morning"' in page  # the stored codes stay as they are
    for dutch in ("Laat u terugbellen", "Maakt niet uit", "Ochtend", "werkdagen"):
        assert dutch not in page

    refused = anna.client.post(URL, {"telefoon": "bel me", "moment": "nacht"})
    text = _page(refused)
    assert refused.status_code == 400 and not Callback.objects.exists()
    assert "Check your details" in text
    assert "Phone number: Enter a phone number, for example 0612345678." in text
    assert "Time of day: Choose when it is best for us to call." in text
    assert "Vul een telefoonnummer" not in text
    too_long = _page(
        anna.client.post(URL, {"telefoon": "0612345678", "moment": "any", "vraag": "x" * 1001})
    )
    assert "Your question: Use at most 1000 characters." in too_long


def test_a_callback_asked_in_english_is_stored_and_confirmed_in_dutch(anna: Resident) -> None:
    _english(anna.client)
    response = anna.client.post(URL, {"telefoon": "0201234567", "moment": "afternoon"})
    assert response.status_code == 302
    callback = Callback.objects.get()
    assert callback.preferred_time == "afternoon"
    entry = AuditEntry.objects.get(action=audit_actions.CALLBACK_REQUESTED)
    assert entry.after["preferred_time"] == "afternoon"
    events_sent = OutboxMessage.objects.filter(topic=events.CALLBACK_REQUESTED)
    assert {event.payload["preferred_time"] for event in events_sent} == {"Middag (12:00-17:00)"}
    outbox_drain()
    [confirmation] = [m for m in mail.outbox if m.subject.startswith("Wij bellen u terug")]
    assert "Uw voorkeur: Middag (12:00-17:00)." in confirmation.body


def test_my_contact_moments_in_english_and_in_dutch(anna: Resident) -> None:
    anna.client.post(URL, {"telefoon": "0612345678", "moment": "morning"})
    ContactMoment.objects.create(
        channel="telefoon", party=anna.party, summary="Vraag over de traplift.", answered=False
    )
    ContactMoment.objects.create(
        channel="balie", party=anna.party, summary="Paspoort opgehaald.", answered=True
    )
    dutch = _page(anna.client.get("/mijn-contactmomenten/?terugbellen=1"))
    assert "<h1>Mijn contactmomenten</h1>" in dutch and "<h2>Terugbelverzoeken</h2>" in dutch
    assert "Gevraagd op" in dutch and "(ochtend (9:00-12:00))" in dutch
    assert " · Telefoon</p>" in dutch and " · Balie</p>" in dutch
    assert "Vera Visser</strong>, casemanager voor uw huishouden" in dutch

    _english(anna.client)
    page = _page(anna.client.get("/mijn-contactmomenten/?terugbellen=1"))
    assert '<html lang="en">' in page
    assert "<h1>My contacts with the municipality</h1>" in page
    assert "<h2>We will call you back</h2>" in page
    assert "<h2>Your contact person</h2>" in page
    assert "Vera Visser</strong>, case manager for your household" in page
    assert "<dt>Phone</dt>" in page and "<dt>Available</dt>" in page
    assert "<h2>Requests to call you back</h2>" in page and "Requested on" in page
    assert "Stairlift" in page and "Traplift" not in page
    assert "<strong>Open:</strong> we will call you back on 0612345678 by 17:00 on" in page
    assert "(morning (9:00-12:00))" in page
    assert "<h2>Contact with the municipality</h2>" in page
    assert " · Phone</p>" in page and " · Counter</p>" in page
    assert "Your question has not been fully answered yet." in page
    assert "Your question has been answered." in page
    for dutch in ("Terugbelverzoeken", "Gevraagd op", "wij bellen u", "Telefoon", "Balie"):
        assert dutch not in page


def test_a_done_callback_reads_called_back_in_english(anna: Resident) -> None:
    anna.client.post(URL, {"telefoon": "0612345678", "moment": "any"})
    Callback.objects.update(status=Callback.Status.DONE, done_at=Callback.objects.get().due_at)
    _english(anna.client)
    page = _page(anna.client.get("/mijn-contactmomenten/"))
    assert "<strong>Called back</strong> on" in page and "Open:" not in page
