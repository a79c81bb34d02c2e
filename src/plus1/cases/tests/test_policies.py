# SPDX-License-Identifier: EUPL-1.2
"""The domain's rules hold for every channel: registering (form or API), moving a case under
its channel's policy, closing only with a result, and archiving only when ready."""

import pytest
from django.core.exceptions import ValidationError

from plus1.audit.services import Actor
from plus1.cases.models import ArchiveStatus, Case, CaseStatus, Result
from plus1.cases.services import case_register, case_transition, case_update, zaak_register
from plus1.cases.workflow import ANY_STATUS_OF_CASE_TYPE, TransitionRefused
from plus1.catalog.models import ResultType
from plus1.common.testing.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("test")


@pytest.fixture
def case_type():
    return CaseTypeFactory()


def test_a_form_registration_always_validates_the_form(case_type):
    with pytest.raises(ValidationError) as refused:
        case_register(actor=SYSTEM, case_type=case_type, initiator=None, form_data={})
    assert "onderwerp" in refused.value.message_dict
    assert not Case.objects.exists()
    with pytest.raises(TypeError):
        case_register(  # the bypass flag is gone
            actor=SYSTEM, case_type=case_type, initiator=None, form_data={}, validate_form=False
        )


def test_an_api_registration_has_no_form_and_no_status_until_one_is_set(case_type):
    case = zaak_register(actor=SYSTEM, case_type=case_type, identification="ZAAK-EXT-1")
    assert (case.identification, case.status, case.form_data) == ("ZAAK-EXT-1", None, {})
    assert not CaseStatus.objects.filter(case=case).exists()


def test_the_workflow_table_refuses_a_skipped_step_the_api_policy_allows_it(case_type):
    case = case_register(
        actor=SYSTEM, case_type=case_type, initiator=None, form_data={"onderwerp": "Boom"}
    )
    done = case_type.statuses.get(code="afgehandeld")
    Result.objects.create(
        case=case, result_type=ResultType.objects.create(case_type=case_type, description="Ok")
    )

    with pytest.raises(TransitionRefused, match="kan niet van ‘Ontvangen’ naar ‘Afgehandeld’"):
        case_transition(actor=SYSTEM, case=case, target=done)
    moved = case_transition(actor=SYSTEM, case=case, target=done, policy=ANY_STATUS_OF_CASE_TYPE)
    assert moved.status == done and moved.closed_on is not None


def test_the_api_policy_sets_only_statuses_of_the_case_type_and_closes_with_a_result(case_type):
    case = zaak_register(actor=SYSTEM, case_type=case_type)
    other = CaseTypeFactory().statuses.get(code="ontvangen")
    with pytest.raises(TransitionRefused) as mismatch:
        case_transition(actor=SYSTEM, case=case, target=other, policy=ANY_STATUS_OF_CASE_TYPE)
    assert mismatch.value.error_dict["nonFieldErrors"][0].code == "zaaktype-mismatch"

    done = case_type.statuses.get(code="afgehandeld")
    with pytest.raises(TransitionRefused) as no_result:
        case_transition(actor=SYSTEM, case=case, target=done, policy=ANY_STATUS_OF_CASE_TYPE)
    assert no_result.value.error_dict["nonFieldErrors"][0].code == "resultaat-does-not-exist"
    assert Case.objects.get(pk=case.pk).closed_on is None


def test_the_workflow_table_closes_only_with_a_result_once_the_type_defines_results(case_type):
    case = case_register(
        actor=SYSTEM, case_type=case_type, initiator=None, form_data={"onderwerp": "Boom"}
    )
    case_transition(actor=SYSTEM, case=case, target=case_type.statuses.get(code="in-behandeling"))
    done = case_type.statuses.get(code="afgehandeld")
    result_type = ResultType.objects.create(case_type=case_type, description="Verleend")

    with pytest.raises(TransitionRefused):
        case_transition(actor=SYSTEM, case=case, target=done)
    assert CaseStatus.objects.filter(case=case).count() == 2

    Result.objects.create(case=case, result_type=result_type)
    assert case_transition(actor=SYSTEM, case=case, target=done).closed_on is not None


def test_archiving_needs_nominatie_and_actiedatum_and_names_both(case_type):
    case = zaak_register(actor=SYSTEM, case_type=case_type)

    with pytest.raises(ValidationError) as refused:
        case_update(actor=SYSTEM, case=case, changes={"archive_status": ArchiveStatus.ARCHIVED})

    codes = {name: [e.code for e in errors] for name, errors in refused.value.error_dict.items()}
    assert codes == {
        "archiefnominatie": ["archiefnominatie-not-set"],
        "archiefactiedatum": ["archiefactiedatum-not-set"],
    }
    assert Case.objects.get(pk=case.pk).archive_status == ArchiveStatus.NOT_YET
    archived = case_update(
        actor=SYSTEM,
        case=case,
        changes={
            "archive_status": ArchiveStatus.ARCHIVED,
            "archive_nomination": "vernietigen",
            "archive_action_date": "2040-01-01",
        },
    )
    assert archived.archive_status == ArchiveStatus.ARCHIVED
