# SPDX-License-Identifier: EUPL-1.2
"""Process insight in a real browser: a team lead opens the directly-follows graph of a
product and sees the graph (SVG) and the same numbers in the table, at 320 and 1280 px."""

import datetime as dt

import pytest

from plus1.catalog.models import StatusType
from plus1.common.testing.factories import CaseTypeFactory
from plus1.demo.loader import demo_load
from plus1.identity.models import Team
from plus1.insights.tests.test_process import DAY, HOUR, case_with_history
from tests.browser.helpers import assert_accessible, login_as_staff
from tests.browser.test_small_screens_browser import _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_team_lead_sees_the_graph_and_the_table_for_a_product(page, live_server, settings, width):
    settings.DEMO_MODE = True
    demo_load()
    case_type = CaseTypeFactory(
        code="dakkapel",
        name="Dakkapel plaatsen",
        responsible_team=Team.objects.get(slug="vergunningen"),
    )
    StatusType.objects.create(
        case_type=case_type, code="aanvulling", name="Aanvulling gevraagd", order=4
    )
    registered = dt.date(2026, 3, 2)
    zero = dt.timedelta(0)
    for n in range(4):
        case_with_history(
            case_type,
            [("ontvangen", zero), ("in-behandeling", (n + 1) * HOUR), ("afgehandeld", 2 * DAY)],
            registered_on=registered,
        )
    case_with_history(
        case_type,
        [
            ("ontvangen", zero),
            ("in-behandeling", HOUR),
            ("aanvulling", DAY),
            ("in-behandeling", 3 * DAY),
        ],
        registered_on=registered,
    )
    page.set_viewport_size({"width": width, "height": 900})
    login_as_staff(page, live_server.url, "teamleider.vergunningen")
    page.goto(live_server.url + "/werkplek/")
    page.get_by_role("link", name="Procesinzicht").click()
    page.get_by_label("Product", exact=True).select_option("Dakkapel plaatsen")
    page.get_by_label("Geregistreerd vanaf").fill("2026-03-01")
    page.get_by_label("Tot en met").fill("2026-03-31")
    page.get_by_role("button", name="Procesinzicht tonen").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Procesinzicht: Dakkapel plaatsen"
    graph = page.get_by_role("img", name="Overgangen tussen statussen")
    assert graph.is_visible()
    labels = page.locator("svg.process-graph text").all_text_contents()
    for name in ("Ontvangen", "In behandeling", "Afgehandeld", "Aanvulling gevraagd"):
        assert name in labels, (name, labels)
    assert "5× · 2,0 uur" in labels  # 1, 2, 3, 4 and 1 hours: the median is 2
    table = page.get_by_role("table", name="Overgangen tussen statussen")
    rows = table.locator("tbody tr").all_inner_texts()
    assert any("Ontvangen\tIn behandeling\t5\t2,0 uur" in row for row in rows), rows
    assert any("In behandeling\tAfgehandeld\t4\t2,0 dagen" in row for row in rows), rows
    variants = page.get_by_role("table", name="Volgordes van statussen").inner_text()
    assert "80,0%" in variants and "20,0%" in variants
    overflow = _overflow(page)
    assert overflow[0] <= 0, overflow
    assert_accessible(page)
