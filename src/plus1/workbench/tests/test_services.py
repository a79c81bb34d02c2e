# SPDX-License-Identifier: EUPL-1.2
"""The workbench's use cases: a staff member of the case's team changes a case, the change
and the resident's data trail commit together, and closing follows the domain's rules."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseStatus, Result
from plus1.cases.services import case_register
from plus1.catalog.models import ResultType
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.testing import staff_login
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord
from plus1.privacy.services.trail import NoPurpose
from plus1.privacy.testing import serve_under_activity
from plus1.workbench.services import case_note_add_by_staff, case_transition_by_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(staff=True)


@pytest.fixture
def case(staff):
    case_type = CaseTypeFactory(responsible_team=TeamFactory(members=[staff]))
    serve_under_activity(case_type)
    return case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=ResidentFactory(),
        form_data={"onderwerp": "Bankje"},
    )


def _move(staff, case, code, follow=True):
    client = Client()
    staff_login(client, staff)
    return client.post(
        reverse("workbench:case-status", args=[case.identification]),
        {"status": code},
        follow=follow,
    )


def _status(case):
    return Case.objects.get(pk=case.pk).status.code


def test_closing_a_case_whose_type_has_results_needs_a_result(staff, case):
    granted = ResultType.objects.create(case_type=case.case_type, description="Toegekend")
    _move(staff, case, "in-behandeling")

    refused = _move(staff, case, "afgehandeld")

    assert "kan pas worden afgesloten als zij een resultaat heeft" in refused.content.decode()
    assert _status(case) == "in-behandeling"
    assert Case.objects.get(pk=case.pk).closed_on is None
    assert not DataTrailRecord.objects.filter(name__contains="Afgehandeld").exists()

    Result.objects.create(case=case, result_type=granted)
    closed = _move(staff, case, "afgehandeld")
    assert "De status is nu ‘Afgehandeld’." in closed.content.decode()
    assert Case.objects.get(pk=case.pk).closed_on is not None


def test_a_case_type_without_results_still_closes_without_one(staff, case):
    _move(staff, case, "in-behandeling")
    closed = _move(staff, case, "afgehandeld")
    assert "De status is nu ‘Afgehandeld’." in closed.content.decode()
    assert _status(case) == "afgehandeld"


def test_a_staff_member_outside_the_team_changes_nothing(case):
    outsider = UserFactory(staff=True)
    target = case.case_type.statuses.get(code="in-behandeling")

    with pytest.raises(PermissionDenied):
        case_transition_by_staff(staff=outsider, case=case, target=target, explanation="")
    with pytest.raises(PermissionDenied):
        case_note_add_by_staff(staff=outsider, case=case, text="Hallo", visible_to_initiator=True)

    assert _status(case) == "ontvangen"
    assert not case.notes.exists()
    assert not AuditEntry.objects.filter(action="case.status_changed").exists()


def test_the_change_and_its_data_trail_commit_together(staff, case):
    CaseTypeActivity.objects.filter(case_type=case.case_type).delete()  # no purpose
    target = case.case_type.statuses.get(code="in-behandeling")

    with pytest.raises(NoPurpose):
        case_transition_by_staff(staff=staff, case=case, target=target, explanation="")

    assert _status(case) == "ontvangen"
    assert CaseStatus.objects.filter(case=case).count() == 1
    assert not AuditEntry.objects.filter(action="case.status_changed").exists()


def test_a_use_case_is_its_own_transaction(staff, case):
    target = case.case_type.statuses.get(code="in-behandeling")
    with pytest.raises(RuntimeError), transaction.atomic():
        case_transition_by_staff(staff=staff, case=case, target=target, explanation="")
    assert _status(case) == "ontvangen"
