# SPDX-License-Identifier: EUPL-1.2
"""The team lead's view of the work (per team and person, the suggestion whom to give a case)
and the case page: answers under their labels, deadlines, and the history in Dutch sentences."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.cases.models import Case
from plus1.cases.worklist import suggestions, team_workload
from plus1.common.testing.bulk_cases import bulk_cases
from plus1.workbench.services import case_pick_up, case_transition_by_staff
from plus1.workbench.tests.conftest import logged_in, member

pytestmark = pytest.mark.django_db


def test_workload_per_team_and_person(team, lead, bram, case_type, anna):
    bulk_cases(case_type, [anna], 5)
    today = timezone.localdate()
    first, second, third = Case.objects.order_by("pk")[:3]
    Case.objects.filter(pk__in=[first.pk, second.pk]).update(assignee=bram)
    Case.objects.filter(pk=first.pk).update(deadline=today - dt.timedelta(days=1))
    Case.objects.filter(pk=second.pk).update(deadline=today)
    Case.objects.filter(pk=third.pk).update(closed_on=today)
    workload = team_workload(team, today)
    assert (workload.total.open, workload.unassigned) == (4, 2)
    [bram_load] = [m for m in workload.members if m.membership.user == bram]
    assert (bram_load.load.open, bram_load.load.overdue, bram_load.load.due_this_week) == (2, 1, 1)
    assert bram_load.free_hours == 32 - 2 * 2
    assert sum(count for _, count in workload.incoming) >= 1
    page = logged_in(lead).get(reverse("workbench:workload")).content.decode()
    assert "Bram de Vries" in page and "Binnengekomen per week" in page


def test_the_suggestion_weighs_skill_area_and_free_hours(team, lead, bram, anouk, case):
    ranked = suggestions(case)
    assert ranked[0].user == bram  # skill, area and 32 hours free
    assert ranked[-1].user == anouk  # same skill and area, but no hours free
    member(team, bram, weekly_hours=32, skills=[], areas=["WK036301"])
    member(team, lead, weekly_hours=8, skills=["evenementen"], areas=[])
    assert suggestions(case)[0].user == lead  # the skill counts before the area


def test_case_page_shows_labels_deadline_and_history_in_dutch_sentences(bram, case):
    case_pick_up(staff=bram, case=case)
    case_transition_by_staff(
        staff=bram,
        case=Case.objects.get(pk=case.pk),
        target=case.case_type.statuses.get(code="in-behandeling"),
        explanation="We vragen advies aan de brandweer",
    )
    page = (
        logged_in(bram).get(reverse("workbench:case", args=[case.identification])).content.decode()
    )
    assert "<dt>Onderwerp</dt><dd>Buurtfeest</dd>" in page
    assert "<dt>Aantal</dt><dd>80</dd>" in page
    assert "onderwerp" not in page.replace("Onderwerp", "")  # no raw form keys
    assert "Anna de Boer diende de aanvraag in" in page
    assert "Bram de Vries pakte de zaak op" in page
    assert (
        "Bram de Vries wijzigde de status naar In behandeling: We vragen advies aan de brandweer"
        in page
    )
    assert "We vragen advies aan de brandweer" in page.split("Toelichting bij de status")[1]
    assert "case.registered" not in page and "case.status_changed" not in page
    months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert any(f" {m} " in page for m in months)


def test_case_page_marks_a_late_case_and_a_suspended_clock(bram, case):
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(deadline=today - dt.timedelta(days=2))
    client = logged_in(bram)
    url = reverse("workbench:case", args=[case.identification])
    assert "Te laat" in client.get(url).content.decode()
    Case.objects.filter(pk=case.pk).update(
        suspended_on=today - dt.timedelta(days=5), suspension_reason="wacht op tekening"
    )
    page = client.get(url).content.decode()
    assert "Te laat" not in page
    assert "De termijn staat stil." in page and "wacht op tekening" in page
