# SPDX-License-Identifier: EUPL-1.2
"""The public report map, a report's page and the messages about the place in English."""

import pytest
from django.test import Client
from django.urls import reverse

from plus1.meldingen.tests.conftest import NORTH_OF_TOWN, submit
from plus1.meldingen.tests.test_report_form import form, nothing_stored

pytestmark = pytest.mark.django_db


def in_english(client: Client, url: str) -> str:
    client.post(reverse("set-language"), {"language": "en", "next": url})
    page = client.get(url).content.decode()
    assert '<html lang="en">' in page
    return page


def test_the_public_map_and_a_report_in_english(world):
    report = submit()
    client = Client()
    page = in_english(client, reverse("meldingen:map"))
    assert "Reports about the public space" in page and "Place (approximate)" in page
    assert report.case.identification in page
    assert "Openstaande meldingen" not in page and "Zelf iets melden" not in page
    detail = in_english(client, reverse("meldingen:detail", args=[report.case.identification]))
    assert "Follow this report" in detail and "Reported on" in detail and "All reports" in detail
    assert "Gemeld op" not in detail and "Deze melding volgen" not in detail


def _report_in_english(client: Client, data: dict[str, str]) -> str:
    client.post(reverse("set-language"), {"language": "en", "next": "/meldingen/nieuw/"})
    page = client.post("/meldingen/nieuw/", data).content.decode()
    assert '<html lang="en">' in page
    return page


def test_the_messages_about_the_place_in_english(world):
    client = Client()
    unknown = _report_in_english(
        client, form(breedtegraad="", lengtegraad="", adres="Nergensweg 3")
    )
    assert "We do not know the address ‘Nergensweg 3’ in Plusstad." in unknown
    assert "kennen wij niet" not in unknown
    number = _report_in_english(
        client, form(breedtegraad="", lengtegraad="", adres="Lindelaan 999")
    )
    assert "The house numbers on Lindelaan are 1 to 120." in number
    outside = _report_in_english(client, form(point=NORTH_OF_TOWN))
    assert "This place is outside the municipality of Plusstad, in Gemeente Noorderveen." in outside
    assert "We have not saved anything." in outside and "Wij hebben niets" not in outside
    nowhere = _report_in_english(client, form(breedtegraad="", lengtegraad=""))
    assert "Tell us where it is: click on the map" in nowhere
    assert nothing_stored()
    clicked = _report_in_english(
        client, {**form(breedtegraad="", lengtegraad=""), "kaart.x": "300", "kaart.y": "300"}
    )
    assert "You have chosen a place in the neighbourhood" in clicked
    assert "U heeft een plek gekozen" not in clicked and nothing_stored()
