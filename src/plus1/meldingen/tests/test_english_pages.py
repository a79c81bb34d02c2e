# SPDX-License-Identifier: EUPL-1.2
"""The public report map and a report's page in English."""

import pytest
from django.test import Client
from django.urls import reverse

from plus1.meldingen.tests.conftest import submit

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
