# SPDX-License-Identifier: EUPL-1.2
"""A norm in working days per status, set in the workflow editor: empty is no norm, a
negative norm is refused in Dutch and nothing is saved."""

import pytest

from plus1.catalog.models import CaseType, StatusType
from plus1.catalog.selectors import catalog_export
from plus1.catalog.tests.test_configuration_pages import STATUSES, _url, _workflow, setup
from plus1.catalog.workflow import StatusSpec, workflow_problems

pytestmark = pytest.mark.django_db
__all__ = ["setup"]  # the fixture

MOVES = [
    ("ontvangen", "in-behandeling", "Oppakken"),
    ("in-behandeling", "advies", "Advies vragen"),
    ("advies", "afgehandeld", "Afhandelen"),
]


def test_the_workflow_editor_saves_a_norm_per_status(client, setup):
    data = _workflow(STATUSES, MOVES)
    data["statussen-1-norm_days"] = "5"
    response = client.post(_url("workflow", setup["case_type"]), data)
    assert response.status_code == 302
    draft = CaseType.objects.get(code="evenementenvergunning", concept=True)
    norms = dict(draft.statuses.values_list("code", "norm_days"))
    assert norms == {"ontvangen": None, "in-behandeling": 5, "advies": None, "afgehandeld": None}
    page = client.get(_url("workflow", draft)).content.decode()
    assert "Norm (werkdagen)" in page and 'value="5"' in page
    (exported,) = [
        item
        for item in catalog_export()["case_types"]
        if item["code"] == "evenementenvergunning"
        and 5 in [s.get("norm_days") for s in item["statuses"]]
    ]
    assert [s.get("norm_days") for s in exported["statuses"]] == [None, 5, None, None]


def test_a_negative_norm_is_refused_in_dutch_and_nothing_is_saved(client, setup):
    data = _workflow(STATUSES, MOVES)
    data["statussen-1-norm_days"] = "-3"
    response = client.post(_url("workflow", setup["case_type"]), data)
    assert response.status_code == 400
    assert (
        "De norm van status ‘In behandeling’ is een aantal werkdagen: 0 of meer"
        in response.content.decode()
    )
    assert not CaseType.objects.filter(concept=True).exists()
    assert not StatusType.objects.filter(norm_days__isnull=False).exists()


def test_an_imported_norm_that_is_no_number_of_days_is_a_problem():
    statuses = [
        StatusSpec("a", "Ontvangen", 1, is_initial=True, norm_days="vijf"),  # type: ignore[arg-type]
        StatusSpec("b", "Klaar", 2, is_final=True, norm_days=-1),
    ]
    problems = workflow_problems(statuses, [])
    assert (
        "De norm van status ‘Ontvangen’ is een aantal werkdagen: 0 of meer (leeg: geen norm)."
        in problems
    )
    assert (
        "De norm van status ‘Klaar’ is een aantal werkdagen: 0 of meer (leeg: geen norm)."
        in problems
    )
