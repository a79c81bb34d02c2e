# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseStatus
from plus1.cases.services import case_register, case_transition
from plus1.cases.workflow import TransitionRefused
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory, UserFactory
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_type():
    return CaseTypeFactory()


@pytest.fixture
def resident():
    return ResidentFactory(email="anna@example.nl")


def register(case_type, resident, **data):
    return case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=resident,
        form_data=data or {"onderwerp": "Lantaarnpaal"},
    )


def test_register_gives_identification_deadline_and_first_status(
    case_type, resident, freezer_today
):
    case = register(case_type, resident)
    assert case.identification == f"ZAAK-{freezer_today.year}-0000001"
    assert case.status.code == "ontvangen"
    assert case.responsible_team == case_type.responsible_team
    assert case.deadline >= freezer_today + dt.timedelta(weeks=8)
    assert list(case.history.values_list("status__code", flat=True)) == ["ontvangen"]
    assert AuditEntry.objects.filter(action="case.registered", object_id=str(case.pk)).count() == 1
    registered = OutboxMessage.objects.filter(topic="case.registered")
    assert registered.values("event_id").distinct().count() == 1  # one event,
    assert set(registered.values_list("consumer", flat=True)) == {  # one row per consumer
        "contact.messages",
        "zgw.notifications",
    }


def test_identifications_count_up(case_type, resident):
    first, second = register(case_type, resident), register(case_type, resident)
    assert int(second.identification[-7:]) == int(first.identification[-7:]) + 1


def test_invalid_form_lists_every_problem_and_writes_nothing(case_type, resident):
    with pytest.raises(ValidationError) as exc:
        register(case_type, resident, onderwerp="x" * 60, aantal=0)
    assert set(exc.value.message_dict) == {"onderwerp", "aantal"}
    assert not Case.objects.exists() and not AuditEntry.objects.exists()


def test_missing_required_field_is_named(case_type, resident):
    with pytest.raises(ValidationError) as exc:
        register(case_type, resident, aantal=2)
    assert exc.value.message_dict == {"onderwerp": ["Dit veld is verplicht."]}


def test_allowed_transition_changes_status_and_sends_message(case_type, resident):
    case = register(case_type, resident)
    staff = UserFactory(staff=True, first_name="Bram")
    target = case_type.statuses.get(code="in-behandeling")
    case_transition(actor=Actor.from_user(staff), case=case, target=target)
    case.refresh_from_db()
    assert case.status == target
    step = CaseStatus.objects.filter(case=case).last()
    assert step.set_by == staff
    entry = AuditEntry.objects.filter(action="case.status_changed").get()
    assert (entry.before["status"], entry.after["status"]) == ("ontvangen", "in-behandeling")
    assert entry.actor_label == "Bram"
    # registered and status change (2 consumers each, the status change also the rating
    # request's), and sending their two messages
    assert outbox_drain() == 7
    assert [m.to for m in mail.outbox] == [["anna@example.nl"], ["anna@example.nl"]]
    assert "ontvangen" in mail.outbox[0].subject and "In behandeling" in mail.outbox[1].subject


def test_illegal_transition_is_refused_and_changes_nothing(case_type, resident):
    case = register(case_type, resident)
    done = case_type.statuses.get(code="afgehandeld")
    audit_before = AuditEntry.objects.count()
    with pytest.raises(TransitionRefused, match="kan niet van ‘Ontvangen’ naar ‘Afgehandeld’"):
        case_transition(actor=Actor.system("test"), case=case, target=done)
    case.refresh_from_db()
    assert case.status.code == "ontvangen" and case.closed_on is None
    assert AuditEntry.objects.count() == audit_before
    assert CaseStatus.objects.filter(case=case).count() == 1


def test_final_status_closes_the_case(case_type, resident):
    case = register(case_type, resident)
    for code in ("in-behandeling", "afgehandeld"):
        case = case_transition(
            actor=Actor.system("test"), case=case, target=case_type.statuses.get(code=code)
        )
    assert case.closed_on is not None
