# SPDX-License-Identifier: EUPL-1.2
"""The appointment pages in English: each step, the error messages, the confirmation, moving
and cancelling show English and `lang="en"`; names of products and locations stay as written."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from plus1.contact.models import Appointment
from plus1.contact.tests.conftest import Agenda


def _english(client: Client) -> Client:
    client.post(reverse("set-language"), {"language": "en", "next": "/afspraak-maken"})
    return client


def _page(response: Any) -> str:
    page = re.sub(r"\s+", " ", response.content.decode())
    assert '<html lang="en">' in page
    return page


def test_the_steps_in_english(agenda: Agenda, client: Client) -> None:
    _english(client)
    first = _page(client.get("/afspraak-maken"))
    assert "What would you like to make an appointment for?" in first
    assert "Paspoort aanvragen (10 minutes)" in first and "Verder" not in first
    second = _page(client.get("/afspraak-maken?product=paspoort"))
    assert "Where would you like to come?" in second and "Duration: 10 minutes." in second
    assert "Waar wilt u langskomen?" not in second
    third = _page(client.get("/afspraak-maken?product=paspoort&locatie=stadhuis"))
    assert "On which day would you like to come?" in third and "Location:" in third
    fourth = _page(
        client.get(f"/afspraak-maken?product=paspoort&locatie=stadhuis&dag={agenda.monday}")
    )
    assert "Choose a time on" in fourth and "09:00 to 09:10" in fourth
    assert "Your email address" in fourth and "Uw naam" not in fourth


def test_every_problem_in_english_and_nothing_booked(agenda: Agenda, client: Client) -> None:
    _english(client)
    response = client.post(
        "/afspraak-maken",
        {
            "product": "paspoort",
            "locatie": "stadhuis",
            "dag": agenda.monday.isoformat(),
            "tijd": agenda.at(9, 5).isoformat(),
            "naam": "",
            "email": "geen-adres",
        },
    )
    page = _page(response)
    assert response.status_code == 400
    assert "Check your details" in page and "Name: Enter your name." in page
    assert "Email address: Enter an email address such as name@example.nl." in page
    assert "Time: Stadhuis Plusstad is not open for Paspoort aanvragen then" in page
    assert "Vul uw naam in." not in page
    assert not Appointment.objects.exists()


def test_confirmation_move_and_cancel_in_english(agenda: Agenda, client: Client) -> None:
    _english(client)
    booked = client.post(
        "/afspraak-maken",
        {
            "product": "paspoort",
            "locatie": "stadhuis",
            "dag": agenda.monday.isoformat(),
            "tijd": agenda.at(9, 30).isoformat(),
            "naam": "Anna de Boer",
            "email": "anna@example.nl",
        },
    )
    confirmation = _page(client.get(booked["Location"]))
    assert "Your appointment has been made" in confirmation
    assert "We have sent a confirmation to anna@example.nl." in confirmation
    assert "09:30 to 09:40" in confirmation and "Add to your calendar (.ics)" in confirmation
    assert "Uw afspraak is gemaakt" not in confirmation
    code = re.search(r"code=([\w-]+)", booked["Location"])[1]  # type: ignore[index]
    base = f"/afspraken/{Appointment.objects.get().uuid}"
    move = _page(client.get(f"{base}/verzetten?code={code}"))
    assert "Move the appointment" in move and "Now: Paspoort aanvragen on" in move
    assert "Back to my appointment" in move and "Afspraak verzetten" not in move
    ask = _page(client.get(f"{base}/annuleren?code={code}"))
    assert "Are you sure you want to cancel the appointment for Paspoort aanvragen" in ask
    assert "Yes, cancel the appointment" in ask and "Ja, annuleer" not in ask
    cancelled = _page(client.post(f"{base}/annuleren", {"code": code}))
    assert "Your appointment has been cancelled" in cancelled
    assert "Make a new appointment" in cancelled
    assert Appointment.objects.get().status == Appointment.Status.CANCELLED
