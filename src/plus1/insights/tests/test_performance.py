# SPDX-License-Identifier: EUPL-1.2
"""/prestaties/: the KPIs as server-rendered SVG with their numbers as a table, filtered."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from plus1.opendata.build import opendata_build
from plus1.opendata.tests.conftest import municipality  # noqa: F401  (the shared fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(municipality):  # noqa: F811
    """The page shows the published build, so publish one."""
    opendata_build()
    return municipality


def table(page, slug):
    return page.split(f'id="tabel-{slug}"')[1].split("</table>")[0]


def test_the_page_shows_every_kpi_as_a_chart_and_a_table(client, published):
    page = client.get(reverse("insights:performance")).content.decode()
    assert "Hoe doen wij het?" in page
    assert page.count('<section class="kpi"') == 10
    # No melding was resolved and no question asked yet: those three charts say so.
    assert page.count("<svg") == 7 and page.count('class="kpi-table"') == 7
    assert page.count("Voor deze keuze zijn er geen cijfers.") == 3
    requests = table(page, "aanvragen")
    assert '<th scope="row">2026-01</th><td>56</td>' in requests.replace("\n", "")
    assert "2026-K" in table(page, "tevredenheid")
    on_time = table(page, "op-tijd")
    assert "2026-02" in on_time


def test_filters_narrow_the_figures_and_small_counts_are_not_shown(client, published):
    url = reverse("insights:performance")
    page = client.get(url, {"product": "Parkeervergunning", "wijk": "WK999902"}).content.decode()
    requests = table(page, "aanvragen")
    assert "niet getoond" in requests and ">3<" not in requests  # 3 requests: hidden
    numbers = [int(n) for n in re.findall(r"<td>(\d+)</td>", requests)]
    assert all(n == 0 or n >= 10 for n in numbers)
    page = client.get(url, {"product": "Paspoort", "van": "2026-02"}).content.decode()
    assert "2026-01" not in table(page, "aanvragen")


def test_unknown_filters_are_all_named_in_dutch_and_the_page_still_shows(client, published):
    response = client.get(
        reverse("insights:performance"), {"product": "Raket", "wijk": "WK0", "van": "gisteren"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Het product ‘Raket’ kennen wij niet." in page
    assert "De wijk ‘WK0’ kennen wij niet." in page
    assert "De maand ‘van’ moet een maand uit de lijst zijn." in page
    assert page.count('<section class="kpi"') == 10


def test_the_page_shows_the_published_snapshot_not_the_live_tables(client, published):
    from plus1.cases.models import Case

    before = client.get(reverse("insights:performance")).content.decode()
    Case.objects.filter(registered_on__month=1).delete()
    after = client.get(reverse("insights:performance")).content.decode()
    assert table(after, "aanvragen") == table(before, "aanvragen")
    opendata_build()
    rebuilt = client.get(reverse("insights:performance")).content.decode()
    assert "2026-01" not in table(rebuilt, "aanvragen")


def test_before_the_first_build_the_page_says_there_are_no_figures_yet(client, municipality):  # noqa: F811
    page = client.get(reverse("insights:performance")).content.decode()
    assert "Er zijn nog geen cijfers gepubliceerd." in page and "<svg" not in page
