# SPDX-License-Identifier: EUPL-1.2
"""The first resident-to-staff journey, walked in a real browser, with axe-core checks."""

import pytest
from django.core import mail

from plus1.cases.models import Case
from plus1.demo.loader import demo_load
from plus1.events.services import outbox_drain
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def test_resident_to_staff_journey(page, live_server, plusstad):
    base = live_server.url
    page.goto(base + "/")
    assert page.get_attribute("html", "lang") == "nl"
    assert_accessible(page)

    login_as_resident(page, base, "Anna de Boer")
    assert_accessible(page)  # Mijn zaken, still empty
    page.goto(base + "/")
    page.get_by_role("link", name="Klacht indienen").click()
    assert_accessible(page)

    # Invalid input: every problem at once, next to the fields, what was typed is kept.
    page.get_by_label("Waar gaat uw klacht over?").fill("Balie")
    page.get_by_label("Wat is er gebeurd?").fill("Kort")
    page.get_by_label("Wanneer gebeurde het? (niet verplicht)").fill("")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    summary = page.get_by_role("alert")
    assert "Controleer uw gegevens" in summary.inner_text()
    assert page.evaluate("document.activeElement.className") == "error-summary"  # focus moved
    assert "Gebruik minstens 10 tekens." in page.locator("#fout-omschrijving").inner_text()
    assert page.get_by_label("Waar gaat uw klacht over?").input_value() == "Balie"
    assert page.get_by_label("Wat is er gebeurd?").input_value() == "Kort"
    assert Case.objects.count() == 0
    assert_accessible(page)

    page.get_by_label("Wat is er gebeurd?").fill("Ik heb een uur aan de balie gewacht.")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Controleer uw antwoorden"
    assert "Ik heb een uur aan de balie gewacht." in page.inner_text("main")
    assert Case.objects.count() == 0  # not sent before the check
    assert_accessible(page)
    page.get_by_role("button", name="Versturen").click()
    confirmation = page.get_by_role("status").inner_text()
    case = Case.objects.get()
    assert case.identification in confirmation
    assert case.deadline.strftime("%Y") in confirmation and "uiterlijk op" in confirmation
    assert_accessible(page)

    page.get_by_role("link", name="Mijn zaken").first.click()
    assert case.identification in page.inner_text("main")
    page.get_by_role("link", name=case.identification).click()
    assert page.locator(".current-status").inner_text() == "Ontvangen"
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    # Staff of the responsible team: inbox, note for the resident, next status.
    login_as_staff(page, base, "behandelaar.juridisch")
    assert case.identification in page.locator("table").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=case.identification).click()
    assert_accessible(page)
    page.get_by_label("Notitie", exact=True).fill("We bellen u deze week.")
    page.get_by_label("Zichtbaar voor de aanvrager").check()
    page.get_by_role("button", name="Notitie opslaan").click()
    assert "De notitie is opgeslagen." in page.inner_text("main")
    page.get_by_label("In behandeling nemen (In behandeling)").check()
    page.get_by_role("button", name="Status wijzigen").click()
    assert page.locator(".current-status").inner_text() == "In behandeling"
    page.get_by_role("button", name="Uitloggen").click()

    # The resident sees the new status and the note; the message was sent.
    login_as_resident(page, base, "Anna de Boer")
    page.goto(f"{base}/mijn-zaken/{case.identification}/")
    assert page.locator(".current-status").inner_text() == "In behandeling"
    assert "We bellen u deze week." in page.inner_text("main")
    outbox_drain()
    assert any(
        case.identification in m.subject and "In behandeling" in m.subject for m in mail.outbox
    )


def test_other_resident_and_other_team_are_refused(page, live_server, plusstad):
    base = live_server.url
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/aanvragen/klacht/")
    page.get_by_label("Waar gaat uw klacht over?").fill("Balie")
    page.get_by_label("Wat is er gebeurd?").fill("Ik heb een uur aan de balie gewacht.")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_role("button", name="Versturen").click()
    identification = Case.objects.get().identification
    page.get_by_role("button", name="Uitloggen").click()

    login_as_resident(page, base, "Mohammed Yilmaz")
    response = page.goto(f"{base}/mijn-zaken/{identification}/")
    assert response.status == 404 and identification not in page.content()
    page.get_by_role("button", name="Uitloggen").click()

    login_as_staff(page, base, "behandelaar.vergunningen")
    assert identification not in page.inner_text("main")
    assert page.goto(f"{base}/werkplek/zaken/{identification}/").status == 404
