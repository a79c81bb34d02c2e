# SPDX-License-Identifier: EUPL-1.2
"""The privacy pages, the GDPR request forms and the login pages in English: English text, `lang="en"`, no Dutch left
of the texts the page itself writes (data the municipality holds stays as it is)."""

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.catalog.models import CaseType
from plus1.catalog.services import catalog_import
from plus1.common.testing.factories import TeamFactory
from plus1.demo.loader import CATALOG_FILE
from plus1.privacy.models import CaseTypeActivity, GdprRequest
from plus1.privacy.selectors import gdpr_panel
from plus1.privacy.services.gdpr import CASE_TYPE_OF_RIGHT
from plus1.privacy.tests.conftest import make_activity

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


def _demo_gdpr_case_types() -> None:
    """The GDPR request case types exactly as the demo catalogue writes them."""
    document = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    gdpr = [item for item in document["case_types"] if item["code"] in CASE_TYPE_OF_RIGHT.values()]
    assert len(gdpr) == len(CASE_TYPE_OF_RIGHT)
    TeamFactory(slug=gdpr[0]["team"])
    catalog_import(actor=Actor.system("test"), document={"case_types": gdpr}, publish=True)
    for case_type in CaseType.objects.filter(code__in=CASE_TYPE_OF_RIGHT.values()):
        CaseTypeActivity.objects.create(case_type=case_type, activity=make_activity(case_type.code))


def test_the_gdpr_request_forms_in_english(world):
    _demo_gdpr_case_types()
    client = world.resident_client()
    form = in_english(client, reverse("privacy:gdpr-request") + "?recht=16")
    assert "Which piece of data is wrong?" in form and "What should it be?" in form
    assert "Explanation (optional)" in form
    assert "Welk gegeven klopt niet?" not in form and "Toelichting" not in form
    refused = client.post(reverse("privacy:gdpr-request"), {"recht": "16", "gegeven": "naam"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "What should it be?: " in page
    assert not GdprRequest.objects.exists()
    for right in ("15", "17", "18", "20", "21"):
        assert "Explanation (optional)" in in_english(
            client, reverse("privacy:gdpr-request") + f"?recht={right}"
        )
    started = client.post(
        reverse("privacy:gdpr-request"),
        {"recht": "16", "gegeven": "naam", "nieuwe_waarde": "Anna de Boer-Jansen"},
    )
    case_page = in_english(client, started["Location"])
    assert "<h1>Request for correction (GDPR article 16)</h1>" in case_page
    assert "Verzoek om correctie" not in case_page
    gdpr_types = CaseType.objects.filter(code__in=CASE_TYPE_OF_RIGHT.values())
    english = gdpr_types.exclude(name_en="").exclude(description_en="")
    assert english.count() == len(CASE_TYPE_OF_RIGHT)


def test_the_correction_request_shows_its_choices_by_label_in_dutch_and_english(world):
    _demo_gdpr_case_types()
    client = world.resident_client()
    url = reverse("privacy:gdpr-request") + "?recht=16"
    dutch = client.get(url).content.decode()
    assert '<option value="naam">Naam</option>' in dutch
    assert '<option value="e-mailadres">E-mailadres</option>' in dutch
    assert '<option value="telefoonnummer">Telefoonnummer</option>' in dutch
    english = in_english(client, url)
    assert '<option value="naam">Name</option>' in english
    assert '<option value="e-mailadres">Email address</option>' in english
    assert '<option value="telefoonnummer">Phone number</option>' in english
    refused = client.post(reverse("privacy:gdpr-request"), {"recht": "16", "gegeven": "naam"})
    assert '<option value="naam" selected>Name</option>' in refused.content.decode()
    started = client.post(
        reverse("privacy:gdpr-request"),
        {"recht": "16", "gegeven": "telefoonnummer", "nieuwe_waarde": "0687654321"},
    )
    request = GdprRequest.objects.get()
    assert request.field == "telefoonnummer"  # the stored value stays the code
    case_page = in_english(client, started["Location"])
    assert "<dt>Which piece of data is wrong?</dt><dd>Phone number</dd>" in case_page
    client.post(reverse("set-language"), {"language": "nl", "next": started["Location"]})
    dutch_case = client.get(started["Location"]).content.decode()
    assert "<dt>Welk gegeven klopt niet?</dt><dd>Telefoonnummer</dd>" in dutch_case
    panel = gdpr_panel(request.case)
    assert panel is not None and panel["field_label"] == "Telefoonnummer"  # the staff's table
