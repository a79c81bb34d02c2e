# SPDX-License-Identifier: EUPL-1.2
"""Vastgelopen zaken for the team lead: over the norm of its status, looping, or a resident
who keeps contacting the municipality; only open cases of the lead's teams, with reasons."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseStatus
from plus1.cases.services import case_register
from plus1.catalog.models import StatusType
from plus1.common.legal_clock import working_days_between
from plus1.common.testing.factories import CaseTypeFactory, TeamFactory
from plus1.contact.models import ContactChannel, ContactMoment
from plus1.insights.stuck import over_norm_from, stuck_cases
from plus1.privacy.testing import serve_under_activity
from plus1.workbench.tests.conftest import logged_in

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def new_case(case_type, anna, subject):
    return case_register(
        actor=Actor.from_user(anna.user),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": subject},
    )


def step(case, code, days_ago):
    """The case reached status `code` `days_ago` days ago (its history says so)."""
    status = StatusType.objects.get(case_type=case.case_type, code=code)
    CaseStatus.objects.create(case=case, status=status, set_at=NOW - dt.timedelta(days=days_ago))
    Case.objects.filter(pk=case.pk).update(status=status)


def contacts(case, count, days_ago=1):
    for _ in range(count):
        ContactMoment.objects.create(
            channel=ContactChannel.PHONE,
            party=case.initiator,
            case=case,
            summary="Vraagt hoe het ervoor staat",
            registered_at=NOW - dt.timedelta(days=days_ago),
        )


@pytest.fixture
def stuck_world(case_type, anna):
    StatusType.objects.filter(case_type=case_type, code="in-behandeling").update(norm_days=5)
    cases = {}
    for name in ("over", "loop", "calls", "fine", "old-calls", "closed"):
        cases[name] = new_case(case_type, anna, name)
    CaseStatus.objects.filter(case__in=cases.values()).update(set_at=NOW - dt.timedelta(days=40))
    step(cases["over"], "in-behandeling", days_ago=20)
    step(cases["loop"], "in-behandeling", days_ago=30)
    step(cases["loop"], "ontvangen", days_ago=2)  # back to the start: reached twice
    contacts(cases["calls"], 3)
    step(cases["calls"], "in-behandeling", days_ago=1)
    step(cases["fine"], "in-behandeling", days_ago=1)
    step(cases["old-calls"], "in-behandeling", days_ago=1)
    contacts(cases["old-calls"], 3, days_ago=45)  # long ago: not "repeatedly" now
    step(cases["closed"], "in-behandeling", days_ago=30)
    Case.objects.filter(pk=cases["closed"].pk).update(closed_on=timezone.localdate())
    other = CaseTypeFactory(code="elders", responsible_team=TeamFactory(slug="elders"))
    serve_under_activity(other)
    elsewhere = new_case(other, anna, "elders")
    CaseStatus.objects.filter(case=elsewhere).update(set_at=NOW - dt.timedelta(days=40))
    step(elsewhere, "in-behandeling", days_ago=2)
    step(elsewhere, "ontvangen", days_ago=1)
    return cases


def test_the_norm_in_working_days_becomes_one_cutoff_day():
    monday = dt.date(2026, 12, 7)
    assert over_norm_from(monday, 0) == monday
    assert over_norm_from(monday, 1) == dt.date(2026, 12, 4)  # Friday: only Monday counts
    assert over_norm_from(monday, 5) == dt.date(2026, 11, 30)
    # Christmas Day is no working day: five working days back from 28 December 2026
    assert over_norm_from(dt.date(2026, 12, 28), 5) == dt.date(2026, 12, 18)
    for norm in range(8):  # the same rule as the legal clock's working-day count
        start = over_norm_from(monday, norm)
        assert working_days_between(start, monday) <= norm
        assert working_days_between(start - dt.timedelta(days=1), monday) > norm


def test_the_lead_sees_each_stuck_case_once_with_its_reasons(lead, bram, stuck_world):
    page = logged_in(lead).get(reverse("workbench:stuck-cases"))
    body = page.content.decode()
    assert page.status_code == 200
    shown = [c.identification for c in stuck_world.values() if c.identification in body]
    assert shown == [stuck_world[name].identification for name in ("over", "loop", "calls")]
    assert "werkdagen in ‘In behandeling’ (norm 5 werkdagen)" in body
    assert "Status opnieuw bereikt: Ontvangen (2×)" in body
    assert "3 keer contact in 30 dagen" in body
    assert "ELDERS" not in body.upper().replace("TEAM ELDERS", "")
    # the one that waited longest in its status first
    order = [body.index(stuck_world[name].identification) for name in ("over", "loop", "calls")]
    assert order == sorted(order)


def test_a_colleague_who_leads_no_team_is_told_the_list_is_for_team_leads(bram, stuck_world):
    page = logged_in(bram).get(reverse("workbench:stuck-cases"))
    assert page.status_code == 403
    assert "Deze lijst is voor teamleiders" in page.content.decode()
    assert stuck_world["over"].identification not in page.content.decode()


def test_stuck_cases_are_found_by_the_database_in_a_fixed_number_of_queries(
    lead, case_type, anna, stuck_world
):
    scoped = Case.objects.filter(responsible_team=case_type.responsible_team)
    with CaptureQueriesContext(connection) as few:
        assert len(list(stuck_cases(scoped))) == 3
    for index in range(5):
        extra = new_case(case_type, anna, f"extra {index}")
        CaseStatus.objects.filter(case=extra).update(set_at=NOW - dt.timedelta(days=40))
        step(extra, "in-behandeling", days_ago=25)
    with CaptureQueriesContext(connection) as many:
        assert len(list(stuck_cases(scoped))) == 8
    assert len(many) == len(few) == 2  # the distinct norms, then the list


def test_the_list_page_reads_a_fixed_number_of_queries(lead, case_type, anna, stuck_world):
    client = logged_in(lead)
    url = reverse("workbench:stuck-cases")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(5):
        extra = new_case(case_type, anna, f"extra {index}")
        CaseStatus.objects.filter(case=extra).update(set_at=NOW - dt.timedelta(days=40))
        step(extra, "in-behandeling", days_ago=25)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    assert body.count("norm 5 werkdagen") == 6
    assert len(many) == len(few)
