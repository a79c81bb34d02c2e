# SPDX-License-Identifier: EUPL-1.2
"""DigiD and eHerkenning in a real browser, through a real OIDC provider on 127.0.0.1."""

import pytest
from django.contrib.sessions.backends.db import SessionStore

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType
from plus1.demo.loader import demo_load
from plus1.identity.login.session import LAST_SEEN_KEY
from plus1.identity.models import Party
from plus1.identity.services import business_register
from tests.browser.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings, brokers):
    settings.DEMO_MODE = False  # production: only the real logins
    demo_load()
    return brokers


def test_resident_logs_in_with_digid_again_at_substantieel_and_sees_the_case(
    page, live_server, plusstad
):
    base = live_server.url
    page.goto(base + "/inloggen/")
    assert "géén echte DigiD" not in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("button", name="Inloggen met DigiD").click()

    # The broker's own login page (Test-DigiD), at level Midden.
    assert page.title() == "Test-DigiD"
    page.get_by_label("BSN", exact=True).fill("999990007")
    page.get_by_label("Niveau").select_option("midden")
    page.get_by_role("button", name="Inloggen").click()
    assert "Uitloggen (Anna de Boer)" in page.inner_text("header")
    assert "U wordt automatisch uitgelogd om" in page.inner_text("main")

    page.goto(base + "/aanvragen/bijzondere-bijstand/")
    main = page.inner_text("main")
    assert "moet u inloggen met DigiD op niveau Substantieel" in main
    assert "U bent nu ingelogd op niveau Midden." in main
    assert_accessible(page)
    page.get_by_role("link", name="Opnieuw inloggen met DigiD Substantieel").click()

    page.wait_for_url(plusstad["digid"].issuer + "/authorize**")
    assert page.title() == "Test-DigiD"
    assert page.get_by_label("Niveau").input_value() == "substantieel"  # asked by acr_values
    page.get_by_label("BSN", exact=True).fill("999990007")
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_label("Waarvoor zijn de kosten?").select_option("Medische kosten")
    page.get_by_label("Bedrag in euro").fill("250")
    page.get_by_label("Toelichting").fill("Een nieuwe bril die ik nodig heb.")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_role("button", name="Versturen").click()
    case = Case.objects.get()
    assert case.case_type.code == "bijzondere-bijstand"
    assert case.initiator.name == "Anna de Boer"
    assert case.identification in page.get_by_role("status").inner_text()

    page.get_by_role("link", name="Mijn zaken").first.click()
    assert case.identification in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen (Anna de Boer)").click()
    assert plusstad["digid"].logouts  # logged out at the broker too
    assert page.url.rstrip("/") == base


def test_business_logs_in_with_eherkenning_and_sees_only_its_own_cases(page, live_server, plusstad):
    complaint = CaseType.objects.current().get(code="klacht")
    own = Party.objects.get(kvk_number="12345678")
    other = business_register(
        actor=Actor.system("test"), kvk_number="87654321", name="Slagerij Anders"
    )
    mine = case_register(
        actor=Actor.system("test"),
        case_type=complaint,
        initiator=own,
        form_data={"onderwerp": "Stoep", "omschrijving": "De stoep ligt open."},
    )
    theirs = case_register(
        actor=Actor.system("test"),
        case_type=complaint,
        initiator=other,
        form_data={"onderwerp": "Stoep", "omschrijving": "Ook bij ons open."},
    )
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/inloggen/?next=/mijn-zaken/")
    page.get_by_role("button", name="Inloggen met eHerkenning").click()
    assert page.title() == "Test-eHerkenning"
    page.get_by_label("KVK-nummer", exact=True).fill("12345678")
    page.get_by_label("Vestigingsnummer (niet verplicht)").fill("000012345678")
    page.get_by_role("button", name="Inloggen").click()

    main = page.inner_text("main")
    assert mine.identification in main and theirs.identification not in main
    assert "Uitloggen (Bakkerij Het Korenaar)" in page.inner_text("header")
    assert_accessible(page)


def test_the_time_out_dialog_offers_to_stay_logged_in(page, live_server, plusstad):
    page.clock.install()  # the page's clock, so that 13 idle minutes pass at once
    page.goto(live_server.url + "/inloggen/digid/")
    page.get_by_label("BSN", exact=True).fill("999990007")
    page.get_by_role("button", name="Inloggen").click()
    dialog = page.get_by_role("dialog", name="Wilt u ingelogd blijven?")
    assert "U wordt automatisch uitgelogd om" in page.inner_text("main")
    assert not dialog.is_visible()

    page.clock.fast_forward("13:30")  # two minutes before the 15-minute time-out
    dialog.wait_for()
    assert_accessible(page)
    session_key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    before = SessionStore(session_key=session_key)[LAST_SEEN_KEY]
    dialog.get_by_role("button", name="Ingelogd blijven").click()
    dialog.wait_for(state="hidden")
    assert SessionStore(session_key=session_key)[LAST_SEEN_KEY] > before  # extended
    assert "Uitloggen (Anna de Boer)" in page.inner_text("header")
