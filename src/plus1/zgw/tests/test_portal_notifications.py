# SPDX-License-Identifier: EUPL-1.2
"""A case started in the portal and moved on in the workbench reaches ZGW subscribers."""

import pytest

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory, UserFactory
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.services import outbox_drain
from plus1.events.testing import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    server = Receiver()
    abonnement = Abonnement.objects.create(callback_url=server.url, auth="Bearer abc")
    AbonnementKanaal.objects.create(
        abonnement=abonnement, kanaal=Kanaal.objects.get(naam="zaken"), filters={}
    )
    yield server
    server.stop()


def test_portal_case_and_workbench_status_are_notified_on_kanaal_zaken(receiver, settings):
    settings.BASE_URL = "https://plusstad.example"
    case_type = CaseTypeFactory()
    resident = ResidentFactory()
    case = case_register(
        actor=Actor.from_user(resident.user),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Stoep"},
    )
    staff = UserFactory(staff=True)
    case_transition(
        actor=Actor.from_user(staff),
        case=case,
        target=case_type.statuses.get(code="in-behandeling"),
    )
    outbox_drain()  # the case events, which queue the notifications
    outbox_drain()  # the notifications themselves
    bodies = [body for _, body in receiver.received]
    assert [(b["resource"], b["actie"]) for b in bodies] == [
        ("zaak", "create"),
        ("status", "create"),
    ]
    zaak_url = f"https://plusstad.example/zaken/api/v1/zaken/{case.uuid}"
    assert {b["hoofdObject"] for b in bodies} == {zaak_url}
    assert bodies[0]["kenmerken"]["zaaktype"].endswith(str(case_type.uuid))


def test_changes_through_the_api_are_not_notified_twice(receiver):
    case_type = CaseTypeFactory()
    api_client = Actor(kind="api_client", id="zgw_api_tests", label="ZGW API tests")
    case_register(
        actor=api_client, case_type=case_type, initiator=None, form_data={"onderwerp": "x"}
    )
    outbox_drain()
    outbox_drain()
    assert receiver.received == []  # the Zaken API publishes its own notification
