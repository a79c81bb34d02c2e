# SPDX-License-Identifier: EUPL-1.2
"""List endpoints cost a fixed number of SQL queries, whatever the page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.zgw.tests.conftest import ZAKEN

pytestmark = pytest.mark.django_db


def _register(case_type, count):
    busy = case_type.statuses.get(code="in-behandeling")
    for _ in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=None,
            form_data={"onderwerp": "Boom"},
        )
        case_transition(actor=Actor.system("test"), case=case, target=busy)


def _queries(api, url):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured), response.json()


@pytest.mark.parametrize("url", [f"{ZAKEN}/zaken", f"{ZAKEN}/statussen"])
def test_one_zaak_costs_as_much_as_a_hundred(
    superclient, case_type, url, django_assert_num_queries
):
    _register(case_type, 1)
    one, body = _queries(superclient, url)
    assert body["count"] >= 1

    _register(case_type, 99)
    with django_assert_num_queries(one):
        response = superclient.get(url)
    assert response.json()["count"] >= 100
    assert len(response.json()["results"]) == 100
