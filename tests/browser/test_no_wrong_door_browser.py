# SPDX-License-Identifier: EUPL-1.2
"""No wrong door and control over one's data, walked in a real browser with axe-core checks."""

import pytest

from plus1.cases.models import Case
from plus1.demo.loader import demo_load
from tests.browser.helpers import (
    assert_accessible,
    choose_demo_person,
    login_as_resident,
    login_as_staff,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def test_a_question_in_own_words_ends_in_a_form_or_a_tracked_handover(page, live_server, plusstad):
    base = live_server.url
    page.goto(base + "/")
    page.get_by_label("Waar kunnen we u mee helpen?").fill("paspoort kwijt")
    page.get_by_role("button", name="Zoeken").click()
    assert page.locator("main h2").first.inner_text() == "Paspoort aanvragen"
    assert_accessible(page)

    page.get_by_label("Waar kunnen we u mee helpen?").fill("huurtoeslag aanvragen")
    page.get_by_role("button", name="Zoeken").click()
    first = page.locator("main article, main li.result, main section.result").first
    card = first if first.count() else page.locator("main")
    assert "Belastingdienst/Toeslagen" in card.inner_text()
    page.get_by_role("link", name="Laat uw vraag achter").first.click()
    choose_demo_person(page, "Anna de Boer")  # the handover is tracked, so it needs a login
    page.get_by_label("Uw vraag").fill(
        "Ik weet niet of ik huurtoeslag krijg nu mijn huur omhoog gaat."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Vraag versturen").click()
    receipt = page.get_by_role("status").inner_text()
    case = Case.objects.get(case_type__code="doorverwijzing")
    assert case.identification in receipt
    page.goto(f"{base}/mijn-zaken/")
    assert case.identification in page.inner_text("main")


def test_a_broken_lamp_reaches_the_team_of_its_neighbourhood(page, live_server, plusstad):
    base = live_server.url
    page.goto(base + "/meldingen/nieuw/")
    assert_accessible(page)
    page.get_by_label("Wat is er aan de hand?").fill(
        "De lantaarnpaal voor Lindelaan 12 brandt niet."
    )
    page.get_by_label("Adres (straat en huisnummer)").fill("Lindelaan 12")
    page.get_by_label("E-mailadres").fill("melder@example.nl")
    page.get_by_role("button", name="Categorie voorstellen").click()
    assert page.get_by_label("Categorie").input_value() == "verlichting"  # suggested, changeable
    assert page.get_by_label("Adres (straat en huisnummer)").input_value() == "Lindelaan 12"
    page.get_by_role("button", name="Melding versturen").click()
    case = Case.objects.get(case_type__code="melding-openbare-ruimte")
    assert case.identification in page.inner_text("main")
    assert case.neighbourhood_code and case.district_code
    assert_accessible(page)

    page.goto(base + "/meldingen/")
    assert case.identification in page.inner_text("main")
    assert "melder@example.nl" not in page.content()
    assert_accessible(page)

    team = case.responsible_team
    staff = team.members.first()
    login_as_staff(page, base, staff.username)
    assert case.identification in page.inner_text("main")


def test_the_resident_sees_that_staff_looked_at_their_data(page, live_server, plusstad):
    base = live_server.url
    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/aanvragen/klacht/")
    page.get_by_label("Waar gaat uw klacht over?").fill("Balie")
    page.get_by_label("Wat is er gebeurd?").fill("Ik heb een uur aan de balie gewacht.")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_role("button", name="Versturen").click()
    identification = Case.objects.get().identification
    page.get_by_role("button", name="Uitloggen").click()

    login_as_staff(page, base, "behandelaar.juridisch")
    page.get_by_role("link", name=identification).click()
    page.get_by_role("button", name="Uitloggen").click()

    login_as_resident(page, base, "Anna de Boer")
    page.goto(base + "/mijn-gegevens/dataspoor/")
    trail = page.inner_text("main")
    assert "bekeken" in trail.lower() and "Team Juridische Zaken" in trail
    assert_accessible(page)
    for path in ("/mijn-gegevens/", "/mijn-gegevens/toestemmingen/", "/privacy/verwerkingen/"):
        page.goto(base + path)
        assert_accessible(page)
