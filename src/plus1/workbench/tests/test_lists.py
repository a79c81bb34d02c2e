# SPDX-License-Identifier: EUPL-1.2
"""Every list is a page: a fixed number of queries however many cases, one data-trail record
per person shown (not per case, not for the cases on other pages), one audit entry per view;
filters and sorts narrow what the team sees."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case
from plus1.common.testing.bulk_cases import bulk_cases
from plus1.common.testing.factories import ResidentFactory
from plus1.privacy import audit_actions as privacy_actions
from plus1.privacy.models import DataTrailRecord
from plus1.workbench.tests.conftest import logged_in
from plus1.workbench.work_views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def rows(page_html):
    return page_html.count('<tr class="overdue">') + page_html.count("<tr>\n    <td><a")


def test_the_inbox_shows_one_page_and_trails_only_the_people_on_it(bram, case_type):
    residents = [ResidentFactory() for _ in range(3)]
    bulk_cases(case_type, residents, PAGE_SIZE + 10)
    client = logged_in(bram)
    trail_before, audit_before = DataTrailRecord.objects.count(), AuditEntry.objects.count()
    first = client.get(reverse("workbench:inbox")).content.decode()
    assert "Pagina 1 van 2 (60 zaken)" in first
    shown = Case.objects.order_by("deadline", "pk")[:PAGE_SIZE]
    assert all(case.identification in first for case in shown)
    assert Case.objects.order_by("deadline", "pk")[PAGE_SIZE].identification not in first
    assert DataTrailRecord.objects.count() - trail_before == 3  # three people, fifty cases
    views = AuditEntry.objects.filter(action=privacy_actions.PERSONAL_DATA_LIST_VIEWED)
    assert views.count() == 1
    assert AuditEntry.objects.count() - audit_before == 1
    assert len(views.get().after["cases"]) == PAGE_SIZE
    second = client.get(reverse("workbench:inbox") + "?pagina=2").content.decode()
    assert "Pagina 2 van 2" in second
    assert Case.objects.order_by("deadline", "pk")[PAGE_SIZE].identification in second


def test_an_inbox_page_costs_the_same_queries_for_60_or_600_cases(
    bram, case_type, django_assert_max_num_queries
):
    residents = [ResidentFactory() for _ in range(5)]
    bulk_cases(case_type, residents, 60, prefix="A")
    client = logged_in(bram)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("workbench:inbox"))
    bulk_cases(case_type, residents, 540, prefix="B")
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("workbench:inbox")).content.decode()
    assert "(600 zaken)" in page


def test_filters_overdue_waiting_and_unassigned(bram, case_type, anna):
    bulk_cases(case_type, [anna], 6)
    today = timezone.localdate()
    late, waiting, mine, fine = Case.objects.order_by("pk")[:4]
    Case.objects.filter(pk__in=[late.pk, waiting.pk, mine.pk, fine.pk]).update(
        deadline=today + dt.timedelta(days=10)
    )
    Case.objects.filter(pk=late.pk).update(deadline=today - dt.timedelta(days=1))
    Case.objects.filter(pk=waiting.pk).update(
        suspended_on=today - dt.timedelta(days=2), deadline=today - dt.timedelta(days=1)
    )
    Case.objects.filter(pk=mine.pk).update(assignee=bram)
    client = logged_in(bram)
    inbox = reverse("workbench:inbox")

    overdue = client.get(inbox + "?te_laat=ja").content.decode()
    assert late.identification in overdue
    assert (
        waiting.identification not in overdue
    )  # suspended before its deadline: the clock stands still
    assert fine.identification not in overdue
    waits = client.get(inbox + "?wacht=ja").content.decode()
    assert waiting.identification in waits and late.identification not in waits
    nobody = client.get(inbox + "?behandelaar=niemand").content.decode()
    assert mine.identification not in nobody and fine.identification in nobody
    me = client.get(inbox + "?behandelaar=ik").content.decode()
    assert mine.identification in me and fine.identification not in me


def test_sorting_by_registration_date(bram, case_type, anna):
    bulk_cases(case_type, [anna], 5)
    client = logged_in(bram)
    newest_first = client.get(reverse("workbench:inbox") + "?sorteer=-ingediend").content.decode()
    newest = Case.objects.order_by("-registered_on", "-pk").first()
    oldest = Case.objects.order_by("registered_on", "pk").first()
    assert newest_first.index(newest.identification) < newest_first.index(oldest.identification)


def test_a_staff_member_in_two_teams_switches_between_their_inboxes(bram, case, case_type):
    from plus1.common.testing.factories import CaseTypeFactory, TeamFactory
    from plus1.workbench.tests.conftest import member

    other_team = TeamFactory(slug="afval", name="Team Afval")
    member(other_team, bram, weekly_hours=4)
    other_type = CaseTypeFactory(responsible_team=other_team)
    from plus1.privacy.testing import serve_under_activity

    serve_under_activity(other_type)
    bulk_cases(other_type, [case.initiator], 1, prefix="AFVAL")
    client = logged_in(bram)
    both = client.get(reverse("workbench:inbox")).content.decode()
    assert "Werkvoorraad van al uw teams" in both
    assert case.identification in both and "AFVAL-" in both
    first = client.get(reverse("workbench:inbox") + "?team=afval").content.decode()
    assert "Werkvoorraad Team Afval" in first and "AFVAL-" in first
    assert case.identification not in first
    second = client.get(reverse("workbench:inbox") + "?team=vergunningen").content.decode()
    assert case.identification in second and "AFVAL-" not in second


def test_a_team_i_am_not_in_shows_my_own_first_team_instead(bram, otto, case):
    page = logged_in(otto).get(reverse("workbench:inbox") + "?team=vergunningen").content.decode()
    assert "Werkvoorraad van al uw teams" in page
    assert case.identification not in page
