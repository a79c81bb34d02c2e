# SPDX-License-Identifier: EUPL-1.2
"""Mijn berichten in a real browser: the confirmation and the status message with their
delivery status, the e-mail's link opening the case, choosing sms with a code, and the
staff view of a case's messages; axe-core checks at phone and desktop width."""

import re

import pytest
from django.core import mail

from plus1.cases.models import Case
from plus1.contact.models import ChannelPreference
from plus1.demo.loader import demo_load
from plus1.events.services import outbox_drain
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff
from tests.browser.test_small_screens_browser import _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings, live_server, tmp_path):
    settings.DEMO_MODE = True
    settings.BASE_URL = live_server.url
    settings.SMS_FILE_PATH = tmp_path / "sms"
    demo_load()


def test_mijn_berichten_lists_the_journey_with_its_delivery_status(page, live_server, plusstad):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 900})
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/aanvragen/klacht/")
    page.get_by_label("Waar gaat uw klacht over?").fill("Balie")
    page.get_by_label("Wat is er gebeurd?").fill("Ik heb een uur aan de balie gewacht.")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_role("button", name="Versturen").click()
    case = Case.objects.latest("pk")
    outbox_drain()
    [email] = [m for m in mail.outbox if case.identification in m.subject]

    link = re.search(re.escape(base) + r"\S+", email.body).group(0)
    page.goto(link)
    assert case.identification in page.inner_text("main")

    page.get_by_role("link", name=re.compile("^Mijn berichten")).first.click()
    main = page.inner_text("main")
    assert email.subject in main and "Verstuurd per e-mail" in main and "Nieuw:" in main
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(re.escape(email.subject))).click()
    assert "Het zaaknummer is" in page.inner_text("main")
    assert_accessible(page)

    page.goto(base + "/mijn-gegevens/berichten/")
    assert_accessible(page)
    page.get_by_role("radio", name="Sms").check()
    page.get_by_label("Mobiel nummer (voor sms)").fill("12")
    page.get_by_role("button", name="Opslaan").click()
    assert "Vul een mobiel nummer in" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Mobiel nummer (voor sms)").input_value() == "12"  # kept
    assert page.get_by_role("radio", name="Sms").is_checked()
    assert_accessible(page)
    page.get_by_label("Mobiel nummer (voor sms)").fill("06 12345678")
    page.get_by_role("button", name="Opslaan").click()
    outbox_drain()
    preference = ChannelPreference.objects.get()
    assert preference.pending_channel == "sms"
    [sms] = preference.party.messages.filter(event="contact.verification")
    code = re.search(r"\b(\d{6})\b", sms.body).group(1)
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    assert "Gelukt" in page.inner_text("main")
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "/mijn-berichten/")
    assert_accessible(page)
    message_page = page.get_by_role(
        "link", name=re.compile(re.escape(email.subject))
    ).get_attribute("href")
    for width in (320, 390, 768):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/mijn-berichten/", message_page, "/mijn-gegevens/berichten/"):
            page.goto(base + path)
            extra, wide = _overflow(page)
            assert extra <= 0, f"{path} at {width} px: {extra} px too wide ({wide})"
    page.get_by_role("button", name="Uitloggen").click()

    login_as_staff(page, base, "behandelaar.juridisch")
    page.goto(f"{base}/werkplek/zaken/{case.identification}/")
    section = page.get_by_role("region", name="Berichten aan de inwoner").inner_text()
    assert email.subject in section and "Verstuurd per e-mail" in section
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    extra, wide = _overflow(page)
    assert extra <= 0, f"the workbench case page is {extra} px too wide at 390 px ({wide})"
