# SPDX-License-Identifier: EUPL-1.2
"""The contact centre in a real browser: an employee finds the resident (purpose chosen, trail
written), registers a phone call with a callback in under 30 seconds, the team that owns the
product calls back, and the resident sees both under Mijn contactmomenten. At phone and desktop
width, with axe-core on every step and no sideways scrolling."""

import time

import pytest

from plus1.contact.models import Callback, ContactMoment
from plus1.demo.loader import demo_load
from plus1.privacy.models import DataTrailRecord
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANNA_BSN = "999990007"


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def assert_fits(page, width):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than {width}px"


@pytest.mark.parametrize("width", [390, 1280])
def test_find_register_call_back_and_the_resident_sees_it(
    page, browser, live_server, plusstad, width
):
    page.set_viewport_size({"width": width, "height": 900})
    base = live_server.url
    login_as_staff(page, base, "medewerker.klantcontact")
    page.goto(base + "/werkplek/contact/")
    assert_accessible(page)
    assert_fits(page, width)

    started = time.monotonic()
    page.get_by_role("button", name="Zoeken").click()  # no purpose, no search: refused
    assert "Kies eerst het doel" in page.get_by_role("alert").inner_text()
    assert not DataTrailRecord.objects.exists()
    page.get_by_label("Doel").select_option(index=1)
    page.get_by_label("Burgerservicenummer").fill(ANNA_BSN)
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_label("Anna de Boer").is_checked()
    assert ANNA_BSN not in page.content() and ANNA_BSN not in page.url
    assert DataTrailRecord.objects.filter(name__startswith="gezocht").count() == 1
    page.get_by_label("Onderwerp (product)").select_option("kapvergunning")
    page.get_by_label("Korte samenvatting").fill("Vraagt of de eik in de achtertuin weg mag.")
    page.get_by_label("Nee").check()
    page.get_by_label("Interne opmerking (niet verplicht)").fill("Belde twee keer eerder.")
    page.get_by_label("Terugbelverzoek maken voor het team van het product").check()
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_label("Voorkeur").select_option("morning")
    page.get_by_role("button", name="Contactmoment vastleggen").click()
    assert "Contactmoment vastgelegd" in page.get_by_role("status").first.inner_text()
    elapsed = time.monotonic() - started
    print(f"contact moment registered in {elapsed:.1f} s at {width} px")
    assert elapsed < 30, f"registering took {elapsed:.1f} s"
    assert_accessible(page)
    assert_fits(page, width)
    moment = ContactMoment.objects.get()
    callback = Callback.objects.get()
    assert moment.party.name == "Anna de Boer" and moment.callback == callback
    assert callback.team.slug == "vergunningen"

    team = browser.new_context(locale="nl-NL").new_page()
    team.set_viewport_size({"width": width, "height": 900})
    login_as_staff(team, base, "behandelaar.vergunningen")
    team.goto(base + "/werkplek/contact/terugbellen/")
    assert_accessible(team)
    assert_fits(team, width)
    team.get_by_role("link", name="Anna de Boer").click()
    assert_accessible(team)
    team.get_by_label("Uitkomst").fill("Uitgelegd dat voor deze eik een kapvergunning nodig is.")
    team.get_by_role("button", name="Uitkomst vastleggen").click()
    assert "De uitkomst is vastgelegd" in team.get_by_role("status").inner_text()
    assert_accessible(team)
    callback.refresh_from_db()
    assert callback.status == "done"
    team.context.close()

    resident = browser.new_context(locale="nl-NL").new_page()
    resident.set_viewport_size({"width": width, "height": 900})
    login_as_resident(resident, base, "Anna de Boer")
    resident.goto(base + "/mijn-contactmomenten/")
    main = resident.inner_text("main")
    assert "Vraagt of de eik in de achtertuin weg mag." in main
    assert "Teruggebeld" in main
    assert "Uitgelegd dat voor deze eik een kapvergunning nodig is." in main
    assert "Belde twee keer eerder" not in resident.content()
    assert_accessible(resident)
    assert_fits(resident, width)
    resident.context.close()
