# SPDX-License-Identifier: EUPL-1.2
"""Importing a changed case type follows the versioning rule: when the version in force has
cases, the import makes a new version (a draft, or published with the option) and the
running cases keep theirs; without cases, or unchanged, the version stays as it is."""

import datetime as dt

import pytest
import yaml
from django.core.management import call_command

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType
from plus1.catalog.selectors import case_type_document
from plus1.catalog.services import catalog_import
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


@pytest.fixture
def in_force():
    case_type = CaseTypeFactory(code="evenement", legal_term="P8W")
    case_type.refresh_from_db()  # the values as stored, as the export reads them
    return case_type


def changed_document(case_type):
    item = case_type_document(case_type)
    item["legal_term"] = "P12W"
    item["statuses"].insert(
        -1, {"code": "advies", "name": "Advies gevraagd", "initial": False, "final": False}
    )
    item["transitions"].append({"from": "in-behandeling", "to": "advies", "label": "Advies"})
    item["transitions"].append({"from": "advies", "to": "afgehandeld", "label": "Afhandelen"})
    return {"case_types": [item]}


def running_case(case_type):
    return case_register(
        actor=ACTOR,
        case_type=case_type,
        initiator=ResidentFactory(),
        form_data={"onderwerp": "Feest"},
    )


def test_a_changed_case_type_with_cases_gets_a_draft_and_the_cases_keep_theirs(in_force):
    case = running_case(in_force)
    result = catalog_import(actor=ACTOR, document=changed_document(in_force))
    assert result.versioned == ["zaaktype evenement"] and result.updated == []

    in_force.refresh_from_db()
    draft = CaseType.objects.get(code="evenement", concept=True)
    assert in_force.legal_term == "P8W" and not in_force.concept  # untouched
    assert list(in_force.statuses.values_list("code", flat=True)) == [
        "ontvangen",
        "in-behandeling",
        "afgehandeld",
    ]
    assert draft.legal_term == "P12W" and draft.statuses.filter(code="advies").exists()
    assert CaseType.objects.current().get(code="evenement") == in_force  # a draft, not yet
    case.refresh_from_db()
    assert case.case_type == in_force


def test_with_publish_the_new_version_is_in_force_and_the_old_ends(in_force, tmp_path):
    case = running_case(in_force)
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(changed_document(in_force), allow_unicode=True))
    call_command("catalog", "import", str(path), "--publish")

    in_force.refresh_from_db()
    new = CaseType.objects.current().get(code="evenement")
    assert new != in_force and not new.concept and new.legal_term == "P12W"
    assert new.valid_from == dt.date.today() and in_force.valid_to is not None
    assert in_force.legal_term == "P8W" and not in_force.statuses.filter(code="advies").exists()
    case.refresh_from_db()
    assert case.case_type == in_force
    assert [s.code for s in case.case_type.statuses.all()] == [
        "ontvangen",
        "in-behandeling",
        "afgehandeld",
    ]


def test_a_second_import_changes_the_open_draft_not_another_copy(in_force):
    running_case(in_force)
    document = changed_document(in_force)
    catalog_import(actor=ACTOR, document=document)
    document["case_types"][0]["legal_term"] = "P10W"
    result = catalog_import(actor=ACTOR, document=document)
    assert result.updated == ["zaaktype evenement"]
    assert CaseType.objects.filter(code="evenement").count() == 2
    assert CaseType.objects.get(code="evenement", concept=True).legal_term == "P10W"


def test_without_cases_the_version_changes_in_place(in_force):
    result = catalog_import(actor=ACTOR, document=changed_document(in_force))
    assert result.updated == ["zaaktype evenement"]
    in_force.refresh_from_db()
    assert CaseType.objects.filter(code="evenement").count() == 1
    assert in_force.legal_term == "P12W"


def test_an_unchanged_case_type_with_cases_makes_no_version(in_force):
    running_case(in_force)
    document = {"case_types": [case_type_document(in_force)]}
    assert catalog_import(actor=ACTOR, document=document).unchanged == ["zaaktype evenement"]
    assert CaseType.objects.filter(code="evenement").count() == 1
