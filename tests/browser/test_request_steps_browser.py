# SPDX-License-Identifier: EUPL-1.2
"""A move reported on a phone: progress steps, the date rule, saving to go on later, checking
the answers, and the confirmation of a notification (no decision date), with axe-core."""

import datetime as dt

import pytest

from plus1.cases.models import Case
from plus1.common.nl_dates import nl_date
from plus1.demo.loader import demo_load
from tests.browser.helpers import assert_accessible, login_as_resident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def _no_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_reporting_a_move_in_steps_on_a_phone(page, live_server, plusstad):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 800})
    login_as_resident(page, base, "Anna de Boer")
    before = Case.objects.count()
    page.goto(base + "/aanvragen/verhuizing-doorgeven/")
    assert "beslist" not in page.inner_text("main")
    current = page.locator('[aria-current="step"]')
    assert "Stap 1 van 4" in current.inner_text() and "Verhuisdatum" in current.inner_text()
    assert_accessible(page)
    _no_overflow(page)

    page.get_by_label("Verhuisdatum").fill("2020-06-01")
    page.get_by_role("button", name="Verder", exact=True).click()
    summary = page.get_by_role("alert")
    latest = dt.date.today() + dt.timedelta(weeks=4)
    assert f"tot en met {nl_date(latest)}" in summary.inner_text()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert_accessible(page)

    day = dt.date.today() + dt.timedelta(days=7)
    page.get_by_label("Verhuisdatum").fill(day.isoformat())
    page.get_by_role("button", name="Verder", exact=True).click()
    assert "Stap 2 van 4" in page.locator('[aria-current="step"]').inner_text()
    page.get_by_label("Straat").fill("Dorpsstraat")
    page.get_by_role("button", name="Opslaan en later verder").click()
    assert "Uw antwoorden zijn bewaard" in page.get_by_role("status").inner_text()

    page.get_by_role("button", name="Uitloggen").click()
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/mijn-zaken/")
    page.get_by_role("link", name="Verhuizing doorgeven").first.click()
    assert "U gaat verder met de antwoorden" in page.inner_text("main")
    page.goto(base + "/aanvragen/verhuizing-doorgeven/?stap=2")
    assert page.get_by_label("Straat").input_value() == "Dorpsstraat"
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Postcode").fill("1234 AB")
    page.get_by_role("button", name="Verder", exact=True).click()
    page.get_by_label("Aantal personen dat meeverhuist").fill("2")
    page.get_by_role("button", name="Controleer uw antwoorden").click()

    main = page.inner_text("main")
    assert "Controleer uw antwoorden" in main and nl_date(day) in main and "Dorpsstraat" in main
    assert Case.objects.count() == before
    assert_accessible(page)
    _no_overflow(page)
    page.get_by_role("button", name="Versturen").click()
    confirmation = page.get_by_role("status").inner_text()
    assert "Wij hebben uw melding ontvangen" in confirmation and "beslist" not in confirmation
    case = Case.objects.order_by("-pk").first()
    page.goto(f"{base}/mijn-zaken/{case.identification}/")
    main = page.inner_text("main")
    assert "Aantal personen dat meeverhuist" in main and "Uiterlijk besluit" not in main
    assert_accessible(page)
