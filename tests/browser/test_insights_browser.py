# SPDX-License-Identifier: EUPL-1.2
"""Transparency in a real browser: a late case → notice of default → penalty to date;
/prestaties/ with its charts and tables; the open-data catalogue and every CSV."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.common.testing.factories import CaseTypeFactory
from plus1.demo.loader import demo_load
from plus1.identity.models import Party, Team
from plus1.insights.models import DefaultNotice, SatisfactionRating
from plus1.opendata.build import opendata_build
from plus1.opendata.datasets import DATASETS
from plus1.privacy.testing import serve_under_activity
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff
from tests.browser.test_small_screens_browser import _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()


@pytest.fixture
def plusstad(settings, tmp_path):
    settings.DEMO_MODE = True
    settings.OPENDATA_DIR = tmp_path / "opendata"
    demo_load()
    case_type = CaseTypeFactory(
        responsible_team=Team.objects.get(slug="vergunningen"), name="Dakkapel plaatsen"
    )
    serve_under_activity(case_type)
    return case_type


def late_case_of_anna(case_type):
    anna = Party.objects.get(name="Anna de Boer")
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "Dakkapel aan de achterkant"},
    )
    Case.objects.filter(pk=case.pk).update(deadline=TODAY - dt.timedelta(days=10))
    return case


def test_late_case_notice_of_default_and_penalty_to_date(page, live_server, plusstad):
    case = late_case_of_anna(plusstad)
    base = live_server.url
    login_as_resident(page, base, "Anna de Boer")
    page.goto(f"{base}/mijn-zaken/{case.identification}/")
    clock = page.locator("section.legal-clock")
    assert "Het besluit is te laat" in clock.inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Stuur een ingebrekestelling").click()
    assert "in gebreke gesteld" in page.locator("section.legal-clock").inner_text()
    assert DefaultNotice.objects.filter(case=case).count() == 1
    assert_accessible(page)

    # Three weeks later (the clock moved by backdating the notice): 8 penalty days at €23.
    DefaultNotice.objects.filter(case=case).update(sent_on=TODAY - dt.timedelta(days=21))
    page.reload()
    text = page.locator("section.legal-clock").inner_text()
    assert "184" in text and "8 dagen" in text
    page.set_viewport_size({"width": 320, "height": 800})
    assert _overflow(page)[0] <= 0
    assert_accessible(page)

    # Staff see the same amount, and the exposure on the Termijnen page.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login_as_staff(page, base, "behandelaar.vergunningen")
    page.goto(f"{base}/werkplek/zaken/{case.identification}/")
    assert "184" in page.locator("section.legal-clock").inner_text()
    page.goto(f"{base}/werkplek/termijnen/")
    assert "Dwangsommen tot nu toe: € 184" in page.inner_text("main").replace("\xa0", " ")
    assert case.identification in page.inner_text("main")
    assert_accessible(page)


@pytest.mark.parametrize("width", [320, 1280])
def test_performance_page_with_charts_and_tables(page, live_server, plusstad, width):
    from plus1.opendata.tests.conftest import make_cases

    make_cases(plusstad, 14, registered_on=TODAY.replace(day=1), district_code="WK999901")
    make_cases(plusstad, 4, registered_on=TODAY.replace(day=1), district_code="WK999902")
    closed = make_cases(
        plusstad, 12, registered_on=TODAY.replace(day=1), closed_on=TODAY, deadline=TODAY
    )
    for case in closed:
        SatisfactionRating.objects.create(case=case, score=4)
    opendata_build()  # the page shows the published build
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/prestaties/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hoe doen wij het?"
    assert "Bijgewerkt op" in page.inner_text("main")
    # Ten KPIs; no melding was resolved and no question asked: those three say so.
    assert page.locator("section.kpi").count() == 10
    assert page.locator("svg.kpi-chart").count() == 7
    assert page.locator("table.kpi-table").count() == 7
    page.get_by_label("Product").select_option("Dakkapel plaatsen")
    page.get_by_role("button", name="Cijfers tonen").click()
    assert "30" in page.locator("#tabel-aanvragen").inner_text()
    assert "100" in page.locator("#tabel-op-tijd").inner_text()
    assert page.locator("#tabel-goed-in-een-keer td").all_inner_texts() == ["100"]
    assert page.locator("#tabel-herhaalcontact td").all_inner_texts() == ["0"]
    assert "4" in page.locator("#tabel-tevredenheid").inner_text()
    assert _overflow(page)[0] <= 0
    assert_accessible(page)


def test_catalogue_is_dcat_json_ld_and_every_csv_has_no_small_count(page, live_server, plusstad):
    from plus1.opendata.tests.conftest import make_cases

    make_cases(plusstad, 12, registered_on=TODAY.replace(day=1), district_code="WK999901")
    make_cases(plusstad, 3, registered_on=TODAY.replace(day=1), district_code="WK999902")
    opendata_build()
    base = live_server.url
    response = page.request.get(base + "/opendata/catalogus.jsonld")
    assert response.ok and response.headers["content-type"] == "application/ld+json"
    catalogue = json.loads(response.text())
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    # The datasets built daily, and the Woo publications (docs/woo.md), listed live.
    assert catalogue["@type"] == "dcat:Catalog"
    assert len(catalogue["dcat:dataset"]) == len(DATASETS) + 1
    for dataset in catalogue["dcat:dataset"]:
        for key in ("dct:title", "dct:description", "dct:license", "dct:publisher", "dct:spatial"):
            assert dataset[key], key
        live = dataset["dct:title"] == "Woo-publicaties"
        assert dataset["dct:accrualPeriodicity"]["@id"].endswith("CONT" if live else "DAILY")

    page.goto(base + "/opendata/")
    assert_accessible(page)
    links = page.get_by_role("link", name="als CSV")
    assert links.count() == len(DATASETS)
    counts = {column for item in DATASETS for column in item.count_columns}
    hidden = 0
    for n in range(links.count()):
        with page.expect_download() as download:
            links.nth(n).click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
        for row in rows:
            for column in counts:
                value = row.get(column)
                if value == "":
                    hidden += 1
                elif value is not None:
                    assert not 1 <= int(value) <= 9, row
    assert hidden >= 1  # the 3 in Noord (and its complement) were left empty


def test_a_closed_cases_rating_link_records_a_4(page, live_server, plusstad):
    from plus1.insights.ratings import rating_token

    case = late_case_of_anna(plusstad)
    Case.objects.filter(pk=case.pk).update(closed_on=TODAY)
    url = f"{live_server.url}/beoordelen/{rating_token(case)}"
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(url)
    assert page.get_by_role("heading", level=1).inner_text() == "Hoe tevreden bent u?"
    assert _overflow(page)[0] <= 0
    assert_accessible(page)
    page.get_by_label("4: Tevreden").check()
    page.get_by_role("button", name="Verstuur mijn oordeel").click()
    assert "Wij hebben uw oordeel ontvangen" in page.inner_text("main")
    assert SatisfactionRating.objects.get(case=case).score == 4
    page.goto(url)  # a second time: refused, nothing changes
    assert "al een oordeel gegeven" in page.inner_text("main")
    assert_accessible(page)


@pytest.mark.parametrize("width", [320, 1280])
def test_staff_see_their_own_teams_figures(page, live_server, plusstad, width):
    from plus1.cases.models import InformationRequest
    from plus1.opendata.tests.conftest import make_cases

    closed = make_cases(
        plusstad, 5, registered_on=TODAY.replace(day=1), closed_on=TODAY, deadline=TODAY
    )
    InformationRequest.objects.create(
        case=closed[0],
        question="Stuur een tekening",
        reply_due=TODAY,
        requested_at=timezone.now(),
        deadline_before=TODAY,
    )
    page.set_viewport_size({"width": width, "height": 900})
    login_as_staff(page, live_server.url, "behandelaar.vergunningen")
    page.goto(live_server.url + "/werkplek/")
    page.get_by_role("link", name="Prestaties").click()
    main = page.inner_text("main")
    assert "Prestaties van mijn teams" in main and "ook aantallen onder de 10" in main
    page.get_by_label("Team").select_option(label="Team Vergunningen")
    page.get_by_label("Product").select_option("Dakkapel plaatsen")
    page.get_by_role("button", name="Cijfers tonen").click()
    # 4 of 5 first-time-right: 80 %, shown to the team although the counts are small.
    assert page.locator("#tabel-goed-in-een-keer td").all_inner_texts() == ["80"]
    assert page.locator("#tabel-aanvragen td").all_inner_texts() == ["5"]
    assert _overflow(page)[0] <= 0
    assert_accessible(page)
