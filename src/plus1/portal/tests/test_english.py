# SPDX-License-Identifier: EUPL-1.2
"""English as the portal's second language: a switch that keeps the page, `lang` set, forms,
messages and case-type texts in English; Dutch stays the default, whatever the browser says."""

import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse

import plus1
from plus1.cases.models import Case
from plus1.common.testing.factories import CaseTypeFactory, ProductFactory, ResidentFactory
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db
LOCALE = Path(plus1.__file__).parent / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture
def world(settings):
    settings.DEMO_MODE = True
    case_type = CaseTypeFactory(
        code="vergunning",
        name="Vergunning",
        name_en="Permit",
        form_schema={
            "type": "object",
            "required": ["onderwerp"],
            "properties": {
                "onderwerp": {"type": "string", "title": "Onderwerp", "x-title-en": "Subject"},
                "aantal": {"type": "integer", "title": "Aantal", "x-title-en": "Number"},
            },
        },
    )
    ProductFactory(slug="vergunning", name="Vergunning", name_en="Permit", case_type=case_type)
    serve_under_activity(case_type)
    anna = ResidentFactory(name="Anna de Boer")
    return anna


def login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def to_english(client, page):
    response = client.post(reverse("set-language"), {"language": "en", "next": page})
    assert response.status_code == 302 and response["Location"] == page  # the same page


def test_dutch_is_the_default_even_for_an_english_browser(client, world):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl">' in page and "Waar kunnen we u mee helpen?" in page
    assert 'lang="en" class="link">English</button>' in page  # the switch, itself in English


def test_the_switch_keeps_the_page_and_the_form_speaks_english(client, world):
    login(client, world)
    url = reverse("portal:request", args=["vergunning"])
    to_english(client, url)
    page = client.get(url).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Permit</h1>" in page and "The municipality decides within 8 weeks" in page
    assert "Subject" in page and "Number (optional)" in page and "Check your answers" in page
    refused = client.post(url, {"stap": 1, "aantal": "twee"})
    text = refused.content.decode()
    assert refused.status_code == 400 and not Case.objects.exists()
    assert "There are 2 things to correct." in text
    assert "Subject: This field is required." in text and "Number: Enter a whole number." in text
    assert 'lang="nl" class="link">Nederlands</button>' in text  # and back


def test_the_english_pages_of_a_sent_request(client, world):
    login(client, world)
    to_english(client, "/")
    url = reverse("portal:request", args=["vergunning"])
    client.post(url, {"stap": 1, "onderwerp": "Dakkapel"})
    check = client.get(reverse("portal:request-check", args=["vergunning"])).content.decode()
    assert "<h1>Check your answers</h1>" in check and "<dt>Subject</dt><dd>Dakkapel</dd>" in check
    sent = client.post(reverse("portal:request-check", args=["vergunning"]))
    received = client.get(sent["Location"]).content.decode()
    assert "We have received your application" in received
    detail = client.get(reverse("portal:case-detail", args=[Case.objects.get().identification]))
    assert (
        "What you filled in" in detail.content.decode()
        and "<h1>Permit</h1>" in detail.content.decode()
    )
    back = client.post(reverse("set-language"), {"language": "nl", "next": "/mijn-zaken/"})
    assert "Uw aanvragen en meldingen" in client.get(back["Location"]).content.decode()


def test_every_message_is_translated_and_the_compiled_catalogue_is_current():
    source = (LOCALE / "django.po").read_text(encoding="utf-8")
    compiled = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))
    entries = re.findall(r'\nmsgid ((?:"[^\n]*"\n)+)(?:msgid_plural [^\n]*\n)?msgstr', source)
    assert len(entries) > 50
    for raw in entries:
        msgid = "".join(part[1:-1] for part in raw.strip().split("\n")).replace('\\"', '"')
        catalogue = compiled._catalog  # type: ignore[attr-defined]
        assert catalogue.get(msgid) or catalogue.get((msgid, 0)), f"not compiled: {msgid}"


def test_an_error_page_does_not_echo_its_address_in_the_switch(client, world):
    page = client.get("/mijn-zaken/ZAAK-2000-7654321/geheim/").content.decode()
    assert "ZAAK-2000-7654321" not in page and 'name="next" value="/"' in page


def test_a_product_page_in_english_shows_the_english_name_and_actions(client, world):
    to_english(client, "/producten/vergunning/")
    page = client.get("/producten/vergunning/").content.decode()
    assert "<title>Permit" in page and "<h1>Permit</h1>" in page and "Apply online" in page
