# SPDX-License-Identifier: EUPL-1.2
"""'Te laat' is one rule: Case.is_overdue and the with_overdue annotation agree, and both
take suspension (the clock stands still) and extension (a later deadline) into account."""

import datetime as dt

import pytest

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.selectors import with_overdue
from plus1.cases.services import case_register
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def case():
    return case_register(
        actor=Actor.system("test"),
        case_type=CaseTypeFactory(),
        initiator=ResidentFactory(),
        form_data={"onderwerp": "x"},
    )


@pytest.mark.parametrize(
    ("deadline", "suspended_on", "closed_on", "overdue"),
    [
        (TODAY - DAY, None, None, True),  # open, deadline yesterday
        (TODAY, None, None, False),  # the deadline day itself is still on time
        (TODAY + DAY, None, None, False),
        (TODAY - DAY, None, TODAY, False),  # closed: never late any more
        (TODAY - DAY, TODAY - 2 * DAY, None, False),  # suspended before the deadline
        (TODAY - 3 * DAY, TODAY - 2 * DAY, None, True),  # suspended when already late
    ],
)
def test_model_rule_and_annotation_agree(case, deadline, suspended_on, closed_on, overdue):
    Case.objects.filter(pk=case.pk).update(
        deadline=deadline, suspended_on=suspended_on, closed_on=closed_on
    )
    row = with_overdue(Case.objects.filter(pk=case.pk), today=TODAY).get()
    assert row.is_overdue(today=TODAY) is overdue
    assert row.overdue is overdue


def test_an_extension_moves_the_deadline_so_the_case_is_on_time_again(case):
    from plus1.cases.services import case_update

    Case.objects.filter(pk=case.pk).update(deadline=dt.date.today() - DAY)
    assert Case.objects.get(pk=case.pk).is_overdue()
    case_update(
        actor=Actor.system("test"),
        case=Case.objects.get(pk=case.pk),
        changes={"extension": {"reden": "advies nodig", "duur": "P6W"}},
    )
    assert not Case.objects.get(pk=case.pk).is_overdue()
    assert not with_overdue(Case.objects.filter(pk=case.pk)).get().overdue
