# SPDX-License-Identifier: EUPL-1.2
"""Every page fits every screen: no horizontal scrolling at 320, 390, 768 and 1280 px, tap
targets of 44 px, and axe-core (no serious or critical violations) on every page walked."""

import pytest

from plus1.cases.models import Case
from plus1.demo.loader import demo_load
from plus1.meldingen.models import Melding
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768, 1280)
AXE_WIDTH = 390  # axe-core runs once per page, at a phone's width
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
    "/mijn-berichten/",
    "/mijn-gegevens/berichten/",
    "/mijn-gegevens/dataspoor/",
    "/mijn-gegevens/toestemmingen/",
    "/mijn-gegevens/privacyrechten/",
    "/aanvragen/verhuizing-doorgeven/",
    "/aanvragen/verhuizing-doorgeven/?stap=2",
    "/aanvragen/klacht/",
]
# The element a page may scroll inside without widening the page itself.
SCROLLERS = "table, .map-scroll"


def _small_targets(page):
    """Radio buttons, checkboxes (with their label) and buttons smaller than 44 x 44 px."""
    return page.evaluate(
        """() => {
        const small = [];
        const box = (e) => e.getBoundingClientRect();
        for (const input of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
          if (!input.offsetParent) continue;
          const label = input.id && document.querySelector(`label[for="${input.id}"]`);
          const a = box(input), b = label ? box(label) : a;
          const height = Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top);
          const width = Math.max(a.right, b.right) - Math.min(a.left, b.left);
          if (height < 44 || width < 44) small.push(`${input.name}:${Math.round(width)}x${Math.round(height)}`);
        }
        for (const button of document.querySelectorAll('main button, main input[type=submit]')) {
          if (!button.offsetParent) continue;
          const r = box(button);
          if (r.height < 44 || r.width < 44) small.push(`button "${button.textContent.trim()}":${Math.round(r.width)}x${Math.round(r.height)}`);
        }
        return small;
        }"""
    )


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
            small = _small_targets(page)
            if small:
                problems.append(f"{path} at {width} px: tap targets under 44 px: {small}")
            if width == AXE_WIDTH:
                assert_accessible(page)
    return problems


def test_public_pages_fit_every_screen_and_pass_axe(page, live_server, plusstad):
    assert _walk(page, live_server.url, PUBLIC_PAGES) == []


def test_resident_pages_fit_every_screen(page, live_server, plusstad):
    login_as_resident(page, live_server.url, "Anna de Boer")
    case = Case.objects.filter(initiator__name="Anna de Boer").first()
    paths = RESIDENT_PAGES + ([f"/mijn-zaken/{case.identification}/"] if case else [])
    assert _walk(page, live_server.url, paths) == []


def test_report_pages_and_the_workbench_fit_every_screen(page, live_server, plusstad):
    melding = Melding.objects.select_related("case").first()
    paths = [f"/meldingen/{melding.case.identification}/"] if melding else []
    assert _walk(page, live_server.url, paths) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    login_as_staff(page, live_server.url, "behandelaar.burgerzaken")
    case = Case.objects.filter(responsible_team__slug="burgerzaken").first()
    staff_paths = ["/werkplek/", "/werkplek/inwoner/"]
    if case:
        staff_paths.append(f"/werkplek/zaken/{case.identification}/")
    assert _walk(page, live_server.url, staff_paths) == []


def test_a_report_takes_one_press_on_a_phone(page, live_server, plusstad):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base + "/meldingen/nieuw/")
    page.get_by_label("Wat is er aan de hand?").fill("Er ligt een kapotte stoeptegel.")
    page.get_by_label("Categorie").select_option("wegen")
    page.get_by_label("Adres (straat en huisnummer)").fill("Lindelaan 12")
    before = Melding.objects.count()
    page.get_by_role("button", name="Melding versturen").click()  # one press
    assert Melding.objects.count() == before + 1
    melding = Melding.objects.select_related("case").order_by("-pk").first()
    assert melding.case.identification in page.inner_text("main")
    assert _overflow(page)[0] <= 0
    assert_accessible(page)
    assert _walk(page, base, ["/meldingen/", f"/meldingen/{melding.case.identification}/"]) == []


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


def test_the_translated_pages_speak_english_and_fit(page, live_server, plusstad):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 800})
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/mijn-gegevens/")
    page.get_by_role("button", name="English").click()
    headings = {
        "/mijn-gegevens/": "My data",
        "/mijn-gegevens/dataspoor/": "My data trail",
        "/mijn-gegevens/toestemmingen/": "Consents",
        "/mijn-gegevens/privacyrechten/": "Your privacy rights",
        "/privacy/verwerkingen/": "What we do with your data",
        "/meldingen/": "Reports about the public space",
        "/afspraak-maken": "Make an appointment",
        "/afspraak-maken?product=paspoort&locatie=stadhuis": "Make an appointment: Paspoort aanvragen",
        "/mijn-gegevens/privacyrechten/?recht=16": "Your privacy rights",
    }
    for path, heading in headings.items():
        page.goto(base + path)
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert "Make an appointment" in page.locator("footer").inner_text()
    assert _walk(page, base, list(headings)) == []


def test_the_language_switch_keeps_the_page_and_english_pages_fit(page, live_server, plusstad):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 800})
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/aanvragen/verhuizing-doorgeven/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("button", name="English").click()
    assert page.url == base + "/aanvragen/verhuizing-doorgeven/"  # the same page
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Report a change of address"
    assert "Step 1 of 4" in page.locator('[aria-current="step"]').inner_text()
    page.get_by_role("button", name="Next", exact=True).click()
    assert "This field is required." in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    assert _walk(page, base, ["/", "/mijn-zaken/", "/aanvragen/verhuizing-doorgeven/"]) == []
    page.get_by_role("button", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("javascript", [True, False])
def test_a_callback_asked_in_english_shows_under_my_contacts(
    browser, live_server, plusstad, javascript
):
    base = live_server.url
    page = browser.new_context(java_script_enabled=javascript).new_page()
    page.set_default_timeout(15_000)
    page.set_viewport_size({"width": 320, "height": 800})
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/laat-u-terugbellen/parkeervergunning/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Ask us to call you: ")
    page.get_by_label("Your phone number").fill("")
    page.get_by_label("Afternoon (12:00-17:00)").check()
    page.get_by_role("button", name="Call me back").click()
    assert "phone number" in page.get_by_role("alert").inner_text().lower()
    assert page.get_by_label("Afternoon (12:00-17:00)").is_checked()  # what was chosen is kept
    page.get_by_label("Your phone number").fill("06 12345678")
    page.get_by_role("button", name="Call me back").click()
    assert page.get_by_role("heading", level=1).inner_text() == "My contacts with the municipality"
    main = page.inner_text("main")
    assert "06 12345678" in main and "afternoon (12:00-17:00)" in main
    if javascript:  # axe-core and the width checks run in the page's own JavaScript
        paths = ["/mijn-contactmomenten/", "/laat-u-terugbellen/parkeervergunning/"]
        assert _walk(page, base, paths) == []
    page.context.close()
