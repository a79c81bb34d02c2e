# SPDX-License-Identifier: EUPL-1.2
"""Mijn zaken is a page at a time: most recent first, the workbench's page links, the same
number of queries for 5 or 50 cases, and the notice about an open information request also
for a case on another page."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.conversation import information_request_create
from plus1.cases.models import Case
from plus1.common.testing.bulk_cases import bulk_cases
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.portal.views import MY_CASES_PAGE_SIZE

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident():
    return ResidentFactory()


def most_recent_first(resident):
    return list(Case.objects.filter(initiator=resident).order_by("-registered_on", "-pk"))


def page_of(client, number=1):
    url = reverse("portal:my-cases") + f"?pagina={number}"
    return client.get(url).content.decode()


def test_a_resident_with_50_cases_sees_them_a_page_at_a_time_most_recent_first(resident, client):
    bulk_cases(CaseTypeFactory(), [resident], 50)
    client.force_login(resident.user)
    cases = most_recent_first(resident)

    first = page_of(client)
    assert "Pagina 1 van 3 (50 zaken)" in first
    shown = [case.identification for case in cases[:MY_CASES_PAGE_SIZE]]
    assert all(identification in first for identification in shown)
    positions = [first.index(identification) for identification in shown]
    assert positions == sorted(positions)  # the most recent first
    assert cases[MY_CASES_PAGE_SIZE].identification not in first
    assert 'rel="next"' in first and 'rel="prev"' not in first

    last = page_of(client, 3)
    assert "Pagina 3 van 3" in last
    assert cases[-1].identification in last and cases[0].identification not in last


def test_the_notice_of_an_open_request_shows_on_every_page(resident, client):
    bulk_cases(CaseTypeFactory(), [resident], 50)
    oldest = most_recent_first(resident)[-1]
    information_request_create(
        actor=Actor.system("test"),
        case=oldest,
        question="Stuur de plattegrond.",
        reply_due=timezone.localdate() + dt.timedelta(days=10),
    )
    client.force_login(resident.user)
    first = page_of(client)
    assert (
        f'Bij zaak <a href="{reverse("portal:case-detail", args=[oldest.identification])}' in first
    )
    assert first.count("hebben wij informatie van u nodig") == 1


def test_a_page_costs_the_same_queries_for_5_or_50_cases(resident, client):
    case_type = CaseTypeFactory()
    bulk_cases(case_type, [resident], 5, prefix="A")
    client.force_login(resident.user)
    with CaptureQueriesContext(connection) as few:
        page_of(client)
    bulk_cases(case_type, [resident], 45, prefix="B")
    with CaptureQueriesContext(connection) as many:
        assert "(50 zaken)" in page_of(client)
    assert len(many) == len(few)


def test_english_page_links(resident, client):
    bulk_cases(CaseTypeFactory(), [resident], 25)
    client.force_login(resident.user)
    client.cookies["plus1_taal"] = "en"
    page = page_of(client)
    assert "Page 1 of 2 (25 cases)" in page and "Next page" in page
