# SPDX-License-Identifier: EUPL-1.2
"""The privacy pages and the login pages in English: English text, `lang="en"`, no Dutch left
of the texts the page itself writes (data the municipality holds stays as it is)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def in_english(client: Client, url: str) -> str:
    client.post(reverse("set-language"), {"language": "en", "next": url})
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en">' in page
    return page


@pytest.mark.parametrize(
    ("url", "english", "dutch"),
    [
        (
            "/mijn-gegevens/",
            ["My data", "Profile and contact details", "Citizen service number"],
            ["Profiel en contactgegevens", "Waar komt het vandaan?", "uit de Basisregistratie"],
        ),
        (
            "/mijn-gegevens/dataspoor/",
            ["My data trail", "All purposes", "Up to and including"],
            ["Mijn dataspoor", "Alle doelen", "Filteren"],
        ),
        (
            "/mijn-gegevens/toestemmingen/",
            ["Consents", "Give consent", "Which data may they use?"],
            ["Toestemming geven", "Welke gegevens mogen zij gebruiken?"],
        ),
        (
            "/mijn-gegevens/privacyrechten/",
            ["Your privacy rights", "Access (article 15)"],
            ["Uw privacyrechten", "Inzage (artikel 15)", "Wat wilt u?"],
        ),
        (
            "/privacy/verwerkingen/",
            ["register of processing activities", "Retention period"],
            ["register van verwerkingen", "Bewaartermijn"],
        ),
    ],
)
def test_a_privacy_page_in_english_shows_english(world, url, english, dutch):
    page = in_english(world.resident_client(), url)
    for text in english:
        assert text in page
    for text in dutch:
        assert text not in page


def test_the_footer_gives_the_contact_details_in_english(world, settings):
    settings.CONTACT_HOURS_EN = "Monday to Friday 9.00–17.00"
    page = in_english(world.resident_client(), "/mijn-gegevens/")
    footer = page[page.index('<footer class="site-footer">') :]
    assert "Call" in footer and '<span lang="en">Monday to Friday 9.00–17.00</span>' in footer
    assert "Make an appointment" in footer and settings.CONTACT_ADDRESS in footer
    assert "maandag" not in footer


def test_the_login_page_and_the_demo_login_in_english(db, settings):
    settings.DEMO_MODE = True
    page = in_english(Client(), reverse("portal:login"))
    assert "Demo login: this is not a real DigiD" in page and "Log in (demo)" in page
    assert "Inloggen als" not in page and "géén echte DigiD" not in page
    refused = Client()
    refused.post(reverse("set-language"), {"language": "en", "next": "/"})
    response = refused.post(reverse("portal:login"), {"party": ""})
    assert "Choose one of the people." in response.content.decode()
