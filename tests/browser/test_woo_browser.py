# SPDX-License-Identifier: EUPL-1.2
"""A Woo publication in a real browser: a besluit on a Woo-verzoek gets a draft with its
personal data proposed for redaction; publishing is refused until each one is decided;
the published page on /woo/ and its PDF hold none of it."""

import datetime as dt

import pytest
from pypdf import PdfReader

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType, DecisionType
from plus1.decisions.services import decision_create
from plus1.demo.loader import demo_load
from plus1.events.services import outbox_drain
from plus1.identity.models import Party
from plus1.opendata.models import WooPublication
from tests.browser.helpers import assert_accessible, login_as_staff
from tests.browser.test_small_screens_browser import _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSONAL = ["Anna de Boer", "999990007", "06-12345678", "anna.deboer@example.nl", "Dorpsstraat 12a"]


@pytest.fixture
def woo_decision(settings):
    settings.DEMO_MODE = True
    demo_load()
    case_type = CaseType.objects.current().get(code="woo-verzoek")
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=Party.objects.get(name="Anna de Boer"),
        form_data={"onderwerp": "Stukken over het terras", "omschrijving": "Alle adviezen."},
    )
    decision_create(
        actor=Actor.system("test"),
        decision_type=DecisionType.objects.get(description="Besluit op Woo-verzoek"),
        case=case,
        values={
            "responsible_organisation": settings.ZGW_RSIN,
            "date": dt.date(2026, 11, 20),
            "effective_from": dt.date(2026, 11, 20),
            "explanation": (
                "Anna de Boer (BSN 999990007), Dorpsstraat 12a, vroeg om de adviezen over het "
                "terras op het Marktplein. Zij is bereikbaar op 06-12345678 en via "
                "anna.deboer@example.nl. Wij maken de adviezen openbaar."
            ),
        },
    )
    outbox_drain()
    return WooPublication.objects.get(case=case)


def test_a_decision_is_published_with_its_personal_data_redacted(page, live_server, woo_decision):
    base = live_server.url
    login_as_staff(page, base, "behandelaar.juridisch")
    page.goto(f"{base}/werkplek/woo/")
    page.get_by_role("link", name=woo_decision.title).click()
    assert "Nog te beoordelen: 6 van 6." in page.inner_text("main")  # the name twice
    assert_accessible(page)

    page.get_by_role("button", name="Publiceren onder de Woo").click()
    main = page.inner_text("main")
    assert "Publiceren kan nog niet." in main and "Lakking 6 (e-mailadres)" in main
    assert woo_decision.title not in page.goto(f"{base}/woo/").text()

    page.goto(f"{base}/werkplek/woo/{woo_decision.uuid}/")
    for radio in page.locator("input[type=radio][value=bevestigd]").all():
        radio.check()
    page.get_by_role("button", name="Beoordeling opslaan").click()
    assert "Nog te beoordelen: 0 van 6." in page.inner_text("main")
    page.get_by_label("Tekst om te lakken").fill("Marktplein")
    page.get_by_label("Woo-grond").last.select_option("5.1.2e")
    page.get_by_role("button", name="Lakking toevoegen").click()
    assert "De lakking is toegevoegd en bevestigd." in page.inner_text("main")
    page.get_by_role("button", name="Publiceren onder de Woo").click()

    # The public page of the publication: DiWoo facts, the redacted text, the PDF.
    main = page.inner_text("main")
    assert "De publicatie staat nu op de openbare Woo-pagina." in page.inner_text("body")
    assert "Woo-verzoeken en -besluiten" in main and "Gemeente Plusstad" in main
    assert "[gelakt: 5.1.1e]" in main and "[gelakt: 5.1.2e]" in main
    for hidden in [*PERSONAL, "Marktplein"]:
        assert hidden not in main
    page.context.clear_cookies()
    page.reload()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download het document").click()
    pdf = PdfReader(download.value.path())
    text = " ".join(
        " ".join(p.extract_text() for p in pdf.pages).split()
    )  # pypdf spaces glyphs apart
    assert "Wij maken de adviezen openbaar." in text
    for hidden in [*PERSONAL, "Marktplein"]:
        assert hidden not in text

    # It is in the searchable list, at every width, and axe-clean.
    page.goto(f"{base}/woo/")
    page.get_by_label("Zoeken op onderwerp of tekst").fill("adviezen")
    page.get_by_label("Informatiecategorie").select_option(label="Woo-verzoeken en -besluiten")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_role("link", name=woo_decision.title).count() == 1
    for width in (320, 768, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert _overflow(page)[0] <= 0, width
    assert_accessible(page)
    page.goto(f"{base}/woo/?van=morgen")
    assert "Vul een datum in zoals 2026-12-29." in page.inner_text("main")
    assert_accessible(page)
