# SPDX-License-Identifier: EUPL-1.2
"""The workbench in a real browser: the team lead sees whom the new Evenementenvergunning is
suggested for (skill, area, free hours) and assigns it; that colleague finds it by postcode,
opens it and changes its status; the history reads as Dutch sentences. At phone and desktop
width, with axe-core on every page and no sideways scrolling."""

import datetime as dt

import pytest

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType
from plus1.demo.loader import demo_load
from plus1.identity.models import Party
from tests.browser.helpers import assert_accessible, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


@pytest.fixture
def event_case(plusstad):
    anna = Party.objects.get(name="Anna de Boer")
    return case_register(
        actor=Actor.from_user(anna.user),
        case_type=CaseType.objects.current().get(code="evenementenvergunning"),
        initiator=anna,
        form_data={
            "naam_evenement": "Buurtfeest Lindelaan",
            "datum": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
            "locatie": "Lindelaan",
            "bezoekers": 80,
            "muziek": True,
            "postcode": "9999 AB",
            "huisnummer": "12",
        },
    )


def no_overflow(page):
    """Nothing sticks out sideways, except inside an element that scrolls on its own."""
    extra, wide = page.evaluate(
        """() => {
        const width = window.innerWidth;
        const inside = (e) => e.closest('.table-scroll, table') && e.closest('.table-scroll, table') !== e;
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > width + 1 && !inside(e))
          .slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + e.className + '#' + e.id);
        return [document.documentElement.scrollWidth - width, wide];
        }"""
    )
    assert extra <= 0, f"{page.url}: {extra} px too wide ({wide})"


def check(page):
    assert_accessible(page)
    no_overflow(page)


def logout(page):
    page.locator("form[action$='/uitloggen/'] button").click()


@pytest.mark.parametrize("width", [390, 1280])
def test_lead_assigns_the_suggestion_and_the_colleague_finds_and_works_it(
    page, live_server, event_case, width
):
    page.set_viewport_size({"width": width, "height": 900})
    base = live_server.url
    number = event_case.identification

    login_as_staff(page, base, "teamleider.vergunningen")
    page.goto(base + "/werkplek/")
    assert number in page.inner_text("main")
    check(page)
    page.get_by_role("link", name=number).click()
    suggestion = page.get_by_label("Voorstel: Vera Jansen", exact=False)
    assert suggestion.is_checked()
    assert "heeft de vaardigheid" in page.inner_text("main")
    check(page)
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    assert "Vera Jansen" in page.locator(".assignee").inner_text()
    check(page)
    page.goto(base + "/werkplek/werkverdeling/")
    assert "Vera Jansen" in page.inner_text("main")
    check(page)
    logout(page)

    login_as_staff(page, base, "behandelaar.vergunningen")
    page.goto(base + "/werkplek/zoeken/")
    page.get_by_label("Zaaknummer, naam, postcode", exact=False).fill("9999 AB 12")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    assert "9999" not in page.url or "q=" in page.url  # a postcode is fine in the URL, a BSN never
    check(page)
    page.get_by_role("link", name=number).click()
    main = page.inner_text("main")
    assert "Naam van het evenement" in main and "Buurtfeest Lindelaan" in main
    assert "naam_evenement" not in main
    page.get_by_label("In behandeling nemen (In behandeling)").check()
    page.get_by_label("Toelichting (niet verplicht)").fill("We vragen advies aan de brandweer")
    page.get_by_role("button", name="Status wijzigen").click()
    assert page.locator(".current-status").inner_text() == "In behandeling"
    history = page.locator(".history").inner_text()
    assert "Anna de Boer diende de aanvraag in" in history
    assert "Tessa Lind gaf de zaak aan Vera Jansen" in history
    assert (
        "Vera Jansen wijzigde de status naar In behandeling: We vragen advies aan de brandweer"
        in history
    )
    assert "case." not in history
    check(page)
    page.goto(base + "/werkplek/mijn-werk/")
    assert number in page.inner_text("main")
    check(page)
    assert Case.objects.get(pk=event_case.pk).assignee.username == "behandelaar.vergunningen"
