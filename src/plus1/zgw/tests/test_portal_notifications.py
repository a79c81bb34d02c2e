# SPDX-License-Identifier: EUPL-1.2
"""A case started in the portal and moved on in the workbench reaches ZGW subscribers, as
one made through the Zaken API does: each change once, built by plus1.zgw.notifications."""

import pytest

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory, UserFactory
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.services import outbox_drain
from plus1.events.testing import Receiver
from plus1.zgw.tests.conftest import zaak_body, zaaktype_url

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


def test_a_zaak_made_through_the_api_is_notified_once(receiver, superclient, settings):
    settings.BASE_URL = "http://testserver"
    case_type = CaseTypeFactory(confidentiality="openbaar")
    created = superclient.post("/zaken/api/v1/zaken", zaak_body(case_type), format="json")
    assert created.status_code == 201, created.json()
    outbox_drain()
    outbox_drain()
    zaken = [body for _, body in receiver.received if body["kanaal"] == "zaken"]
    assert [(b["resource"], b["actie"], b["resourceUrl"]) for b in zaken] == [
        ("zaak", "create", created.json()["url"])
    ]
    assert zaken[0]["kenmerken"] == {
        "bronorganisatie": "002220647",
        "zaaktype": zaaktype_url(case_type),
        "vertrouwelijkheidaanduiding": "openbaar",
    }
