# SPDX-License-Identifier: EUPL-1.2
"""Booking an appointment in a real browser: from the finder to the .ics, moving and
cancelling, at phone and desktop width, with axe-core checks on every step."""

from pathlib import Path

import pytest
from django.utils import timezone

from plus1.contact.models import Appointment
from plus1.demo.loader import demo_load
from tests.browser.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


@pytest.mark.parametrize("width", [390, 1280])
def test_book_download_move_and_cancel(page, live_server, plusstad, width):
    page.set_viewport_size({"width": width, "height": 900})
    base = live_server.url
    page.goto(base + "/")
    page.get_by_label("Waar kunnen we u mee helpen?").fill("paspoort kwijt")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Afspraak maken").first.click()
    assert "Neem een pasfoto mee" in page.inner_text("main")
    assert_accessible(page)
    page.get_by_label("Stadhuis Plusstad, Markt 1, 9999 AA Plusstad").check()
    page.get_by_role("button", name="Verder").click()
    assert_accessible(page)
    page.get_by_role("button", name="Verder").click()  # the first day with places
    assert_accessible(page)

    page.get_by_role("button", name="Afspraak maken").click()  # no name or e-mail yet
    assert "Vul uw naam in." in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    assert not Appointment.objects.exists()
    page.get_by_label("Uw naam").fill("Anna de Boer")
    page.get_by_label("Uw e-mailadres").fill("anna.deboer@example.nl")
    page.get_by_role("button", name="Afspraak maken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uw afspraak is gemaakt"
    assert_accessible(page)
    appointment = Appointment.objects.get()
    booked_at = appointment.start

    with page.expect_download() as download:
        page.get_by_role("link", name="Zet in uw agenda (.ics)").click()
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert "SUMMARY:Paspoort aanvragen bij Gemeente Plusstad" in ics

    page.get_by_role("link", name="Afspraak verzetten").click()
    assert_accessible(page)
    page.get_by_role("button", name="Verder").click()
    page.locator("input[name=tijd]").nth(3).check()
    page.get_by_role("button", name="Afspraak verzetten").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uw afspraak is verzet"
    appointment.refresh_from_db()
    assert appointment.start != booked_at
    moved_to = page.locator("main dl").inner_text()
    assert timezone.localtime(appointment.start).strftime("%H:%M") in moved_to
    assert_accessible(page)

    page.get_by_role("link", name="Afspraak annuleren").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, annuleer de afspraak").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uw afspraak is geannuleerd"
    assert_accessible(page)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
