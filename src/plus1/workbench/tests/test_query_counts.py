# SPDX-License-Identifier: EUPL-1.2
"""Pages cost a fixed number of queries, however many cases they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.testing import staff_login
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db


def register_cases(case_type, resident, count):
    for _ in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=resident,
            form_data={"onderwerp": "x"},
        )
        case_transition(
            actor=Actor.system("test"),
            case=case,
            target=case_type.statuses.get(code="in-behandeling"),
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_inbox_and_my_cases_do_not_grow_with_the_number_of_cases(client):
    staff = UserFactory(staff=True)
    case_type = CaseTypeFactory(responsible_team=TeamFactory(members=[staff]))
    serve_under_activity(case_type)
    resident = ResidentFactory()
    register_cases(case_type, resident, 1)
    staff_login(client, staff)
    inbox_one = queries_for(client, reverse("workbench:inbox"))
    client.force_login(resident.user)
    mine_one = queries_for(client, reverse("portal:my-cases"))

    register_cases(case_type, resident, 30)
    staff_login(client, staff)
    assert queries_for(client, reverse("workbench:inbox")) == inbox_one
    client.force_login(resident.user)
    assert queries_for(client, reverse("portal:my-cases")) == mine_one
