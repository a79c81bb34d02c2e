# SPDX-License-Identifier: EUPL-1.2
"""Where people get stuck, in a real browser: the team lead sees the stuck cases (one over
its norm, one looping), hands one to the doorbraak team, that team records its decision,
and the public overview counts it; staff read the form counters; every page passes axe-core and fits 320 px."""

import datetime as dt

import pytest
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.breakthrough import case_breakthrough_decide, case_breakthrough_mark
from plus1.cases.models import Breakthrough, Case, CaseStatus
from plus1.cases.services import case_register
from plus1.catalog.models import StatusType
from plus1.common.testing.factories import CaseTypeFactory
from plus1.demo.loader import demo_load
from plus1.identity.models import Party, Team
from plus1.insights.form_counters import form_counters_add
from plus1.privacy.testing import serve_under_activity
from tests.browser.helpers import assert_accessible, login_as_staff
from tests.browser.test_small_screens_browser import _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = timezone.now()
RULE = "Een uittreksel is verplicht, ook waar de gemeente het zelf kan inzien"


@pytest.fixture
def dakkapel(settings):
    settings.DEMO_MODE = True
    demo_load()
    case_type = CaseTypeFactory(
        code="dakkapel",
        responsible_team=Team.objects.get(slug="vergunningen"),
        name="Dakkapel plaatsen",
    )
    serve_under_activity(case_type)
    StatusType.objects.filter(case_type=case_type, code="in-behandeling").update(norm_days=5)
    return case_type


def case_with_history(case_type, steps):
    """A case of Anna's whose history is `steps`: (status code, days ago), oldest first."""
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=Party.objects.get(name="Anna de Boer"),
        form_data={"onderwerp": "Dakkapel aan de voorkant"},
    )
    CaseStatus.objects.filter(case=case).delete()
    for code, days_ago in steps:
        status = StatusType.objects.get(case_type=case_type, code=code)
        CaseStatus.objects.create(
            case=case, status=status, set_at=NOW - dt.timedelta(days=days_ago)
        )
    Case.objects.filter(pk=case.pk).update(status=status)
    return case


def fits_and_accessible(page):
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert _overflow(page)[0] <= 0
    page.set_viewport_size({"width": 1280, "height": 800})


def test_stuck_cases_doorbraak_and_the_public_count(page, live_server, dakkapel):
    over = case_with_history(dakkapel, [("ontvangen", 30), ("in-behandeling", 20)])
    looping = case_with_history(
        dakkapel, [("ontvangen", 9), ("in-behandeling", 8), ("ontvangen", 1)]
    )
    fine = case_with_history(dakkapel, [("ontvangen", 3), ("in-behandeling", 1)])
    julia = Actor.from_user(Team.objects.get(slug="doorbraak").members.get())
    for _ in range(9):  # nine earlier decisions: the tenth makes the count public
        earlier = case_with_history(dakkapel, [("ontvangen", 1)])
        case_breakthrough_mark(actor=julia, case=earlier, blocker="Regel staat in de weg")
        case_breakthrough_decide(
            actor=julia, case=earlier, decision="Opgelost", rule=RULE, legal_basis="Awb 4:2"
        )
    base = live_server.url

    login_as_staff(page, base, "teamleider.vergunningen")
    page.get_by_role("link", name="Vastgelopen").click()
    table = page.locator("table.stuck-cases").inner_text()
    assert over.identification in table and looping.identification in table
    assert fine.identification not in table
    assert "(norm 5 werkdagen)" in table
    assert "Status opnieuw bereikt: Ontvangen (2×)" in table
    fits_and_accessible(page)

    for _ in range(4):
        form_counters_add(case_type_code="dakkapel", started=True)
    form_counters_add(case_type_code="dakkapel", submitted=True, errors={"onderwerp": ["required"]})
    page.get_by_role("link", name="Formulieren").click()
    section = page.locator("main").inner_text()
    assert "Waar lopen mensen vast?" in section and "Dakkapel plaatsen" in section
    assert "25%" in section and "Onderwerp" in section and "niet ingevuld 1" in section
    fits_and_accessible(page)

    page.goto(f"{base}/werkplek/vastgelopen/")
    page.get_by_role("link", name=over.identification).click()
    page.get_by_label("Wat blokkeert een redelijke uitkomst?").fill(
        "De regel eist een uittreksel dat de aanvrager niet kan krijgen."
    )
    page.get_by_role("button", name="Doorbraak nodig").click()
    assert "De zaak ligt nu bij Doorbraakteam." in page.inner_text("main")
    over.refresh_from_db()
    assert over.responsible_team.slug == "doorbraak"

    page.context.clear_cookies()
    login_as_staff(page, base, "behandelaar.juridisch")
    page.goto(f"{base}/werkplek/zaken/{over.identification}/")
    panel = page.locator("section[aria-labelledby=breakthrough-title]").inner_text()
    assert "Doorbraakteam beslist uiterlijk" in panel
    assert_accessible(page)
    page.get_by_label("Besluit van het doorbraakteam").fill("Wij zien af van het uittreksel.")
    page.get_by_label("De regel die knelde").fill(RULE)
    page.get_by_label("Wettelijke grondslag (niet verplicht)").fill("Awb 4:2")
    page.get_by_role("button", name="Besluit vastleggen").click()
    assert "Het besluit van het doorbraakteam is vastgelegd." in page.inner_text("main")
    assert Breakthrough.objects.filter(decided_at__isnull=False).count() == 10

    page.context.clear_cookies()
    page.goto(f"{base}/prestaties/")
    page.get_by_role("link", name="doorbraak, regels die knelden").click()
    table = page.locator("table.breakthroughs").inner_text()
    assert "Dakkapel plaatsen" in table and "Awb 4:2" in table and "10" in table
    assert RULE not in page.inner_text("main")
    fits_and_accessible(page)
