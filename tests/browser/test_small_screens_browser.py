# SPDX-License-Identifier: EUPL-1.2
"""Every page fits a phone: no horizontal scrolling at 320, 390 and 768 px, with axe-core."""

import pytest

from plus1.cases.models import Case
from plus1.demo.loader import demo_load
from tests.browser.helpers import assert_accessible, login_as_resident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768)
PUBLIC_PAGES = [
    "/",
    "/zoeken/?zoek=paspoort+kwijt",
    "/zoeken/?zoek=I+lost+my+passport",
    "/zoeken/?zoek=lantaarnpaal+kapot",
    "/zoeken/?zoek=%3F%21",
    "/producten/",
    "/producten/paspoort/",
    "/meldingen/",
    "/meldingen/nieuw/",
    "/privacy/verwerkingen/",
    "/inloggen/",
]
RESIDENT_PAGES = [
    "/mijn-zaken/",
    "/mijn-gegevens/",
    "/mijn-gegevens/dataspoor/",
    "/mijn-gegevens/toestemmingen/",
    "/mijn-gegevens/privacyrechten/",
    "/aanvragen/verhuizing-doorgeven/",
    "/aanvragen/verhuizing-doorgeven/?stap=2",
    "/aanvragen/klacht/",
]
# The element a page may scroll inside without widening the page itself.
SCROLLERS = "table, .map-scroll"


def _overflow(page):
    """How far the page is wider than the viewport, and the elements that stick out."""
    return page.evaluate(
        """(scrollers) => {
        const width = window.innerWidth;
        const inside = (e) => e.closest(scrollers) && e.closest(scrollers) !== e;
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > width + 1 && !inside(e))
          .slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + e.className);
        return [document.documentElement.scrollWidth - width, wide];
        }""",
        SCROLLERS,
    )


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def _walk(page, base, paths):
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(base + path)
            extra, wide = _overflow(page)
            if extra > 0:
                problems.append(f"{path} at {width} px: {extra} px too wide ({wide})")
    return problems


def test_public_pages_fit_every_screen_and_pass_axe(page, live_server, plusstad):
    assert _walk(page, live_server.url, PUBLIC_PAGES) == []
    for path in ("/producten/", "/zoeken/?zoek=I+lost+my+passport", "/zoeken/?zoek=%3F%21"):
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_resident_pages_fit_every_screen(page, live_server, plusstad):
    login_as_resident(page, live_server.url, "Anna de Boer")
    case = Case.objects.filter(initiator__name="Anna de Boer").first()
    paths = RESIDENT_PAGES + ([f"/mijn-zaken/{case.identification}/"] if case else [])
    assert _walk(page, live_server.url, paths) == []


def test_an_english_question_reaches_the_product_in_english(page, live_server, plusstad):
    page.goto(live_server.url + "/")
    page.get_by_label("Waar kunnen we u mee helpen?").fill("I lost my passport")
    page.get_by_role("button", name="Zoeken").click()
    assert page.locator("main [lang=en] h1").inner_text().startswith("What we found")
    assert page.locator("main h2").first.inner_text() == "Passport"
    assert_accessible(page)


def test_a_missed_collection_leads_to_a_melding_with_its_category(page, live_server, plusstad):
    page.goto(live_server.url + "/")
    page.get_by_label("Waar kunnen we u mee helpen?").fill("mijn vuilnis is niet opgehaald")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Melding doen").click()
    assert page.url.startswith(live_server.url + "/meldingen/nieuw/")
    assert page.locator("textarea").first.input_value() == "mijn vuilnis is niet opgehaald"
    assert (
        page.locator("input[name=categorie]:checked, select[name=categorie]").first.evaluate(
            "e => e.value"
        )
        == "afval"
    )
