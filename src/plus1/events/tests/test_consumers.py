# SPDX-License-Identifier: EUPL-1.2
"""One row per (event, consumer): each consumer of a case event is delivered, retried and
parked alone, and a repeated delivery sends no second e-mail and queues no second webhook."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.events import CASE_STATUS_CHANGED
from plus1.cases.models import CaseStatus
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.events import services
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal, OutboxMessage
from plus1.events.notifications import WEBHOOK
from plus1.events.services import outbox_deliver, outbox_drain
from plus1.events.testing import Receiver

pytestmark = pytest.mark.django_db
PENDING, DELIVERED, PARKED = (
    OutboxMessage.State.PENDING,
    OutboxMessage.State.DELIVERED,
    OutboxMessage.State.PARKED,
)


@pytest.fixture
def receiver():
    server = Receiver()
    abonnement = Abonnement.objects.create(callback_url=server.url, auth="Bearer abc")
    AbonnementKanaal.objects.create(
        abonnement=abonnement, kanaal=Kanaal.objects.get(naam="zaken"), filters={}
    )
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.BASE_URL = "https://plusstad.example"


@pytest.fixture
def case_type():
    return CaseTypeFactory()


@pytest.fixture
def case(case_type):
    resident = ResidentFactory(email="anna@example.nl")
    case = case_register(
        actor=Actor.from_user(resident.user),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Lantaarnpaal"},
    )
    outbox_drain()  # the registration and its notification: not what these tests are about
    mail.outbox.clear()
    return case


def move(case, case_type, code):
    target = case_type.statuses.get(code=code)
    return case_transition(actor=Actor.system("test"), case=case, target=target)


def status_rows():
    rows = OutboxMessage.objects.filter(topic=CASE_STATUS_CHANGED)
    return {row.consumer: row for row in rows}


def statuses_notified(receiver):
    return [body["resourceUrl"] for _, body in receiver.received if body["resource"] == "status"]


def test_a_status_change_is_one_row_per_consumer_with_its_own_key(case, case_type):
    move(case, case_type, "in-behandeling")
    rows = status_rows()
    assert set(rows) == {"contact.messages", "insights.rating_request", "zgw.notifications"}
    assert len({row.event_id for row in rows.values()}) == 1
    assert {row.key for row in rows.values()} == {
        f"{row.event_id}:{name}" for name, row in rows.items()
    }


def test_a_worker_dying_between_two_consumers_sends_no_second_email_and_loses_no_webhook(
    case, case_type, receiver
):
    move(case, case_type, "in-behandeling")
    rows = status_rows()
    # A worker sends the e-mail, claims the ZGW consumer's row and dies before finishing it.
    assert outbox_deliver(message_id=rows["contact.messages"].pk)
    assert services._claim(rows["zgw.notifications"].pk)
    outbox_drain()  # another worker: the claimed row is not its to deliver yet
    assert statuses_notified(receiver) == []
    OutboxMessage.objects.filter(pk=rows["zgw.notifications"].pk).update(
        claimed_until=timezone.now() - dt.timedelta(seconds=1)
    )  # the dead worker's claim runs out

    outbox_drain()

    [status] = CaseStatus.objects.filter(case=case, status__code="in-behandeling")
    assert statuses_notified(receiver) == [
        f"https://plusstad.example/zaken/api/v1/statussen/{status.uuid}"
    ]
    assert [m.to for m in mail.outbox] == [["anna@example.nl"]]
    assert not OutboxMessage.objects.filter(state=PENDING).exists()


def test_a_delivery_repeated_after_its_effect_sends_nothing_twice(case, case_type, receiver):
    """The worker died after the e-mail left (or the notification was queued) but before the
    row was marked delivered: the retry finds the key done."""
    move(case, case_type, "in-behandeling")
    outbox_drain()
    assert len(mail.outbox) == 1 and len(statuses_notified(receiver)) == 1
    done = [row.pk for row in status_rows().values()]
    OutboxMessage.objects.filter(pk__in=done).update(state=PENDING, claimed_until=None)

    assert outbox_drain() == len(done)

    assert len(mail.outbox) == 1
    assert len(statuses_notified(receiver)) == 1
    assert (
        OutboxMessage.objects.filter(consumer=WEBHOOK, payload__bericht__resource="status").count()
        == 1
    )


def test_a_repeated_webhook_carries_the_same_idempotency_key(case, case_type, receiver):
    move(case, case_type, "in-behandeling")
    outbox_drain()
    webhook = OutboxMessage.objects.filter(consumer=WEBHOOK).latest("pk")  # its answer was lost
    OutboxMessage.objects.filter(pk=webhook.pk).update(state=PENDING, claimed_until=None)

    outbox_drain()

    bodies = [body for _, body in receiver.received]
    keys = [
        key for key, body in zip(receiver.keys, bodies, strict=True) if body["resource"] == "status"
    ]
    assert keys == [webhook.key, webhook.key]  # the subscriber can tell it is the same one


def test_a_failing_consumer_is_parked_alone_while_the_others_are_delivered_once(
    case, case_type, receiver, settings, monkeypatch
):
    settings.OUTBOX_MAX_ATTEMPTS = 3

    def broken(delivery):
        raise ConnectionError("the archive is down")

    monkeypatch.setitem(services._consumers, "test.archive", broken)
    monkeypatch.setitem(
        services._topics,
        CASE_STATUS_CHANGED,
        [*services._topics[CASE_STATUS_CHANGED], "test.archive"],
    )
    move(case, case_type, "in-behandeling")
    for _attempt in range(5):
        outbox_drain()
        OutboxMessage.objects.filter(state=PENDING).update(available_at=timezone.now())

    rows = status_rows()
    assert rows["test.archive"].state == PARKED and rows["test.archive"].attempts == 3
    assert "the archive is down" in rows["test.archive"].last_error
    assert {name: row.state for name, row in rows.items() if name != "test.archive"} == {
        "contact.messages": DELIVERED,
        "insights.rating_request": DELIVERED,
        "zgw.notifications": DELIVERED,
    }
    assert [m.to for m in mail.outbox] == [["anna@example.nl"]]
    assert len(statuses_notified(receiver)) == 1


def test_two_quick_status_changes_give_two_messages_each_with_its_own_status(
    case, case_type, receiver
):
    move(case, case_type, "in-behandeling")
    move(case, case_type, "afgehandeld")  # before the worker ran for the first change

    outbox_drain()

    statuses = [m for m in mail.outbox if m.subject.startswith("Nieuwe status")]
    assert [m.subject for m in statuses] == [
        f"Nieuwe status voor uw zaak {case.identification}: In behandeling",
        f"Nieuwe status voor uw zaak {case.identification}: Afgehandeld",
    ]
    assert "heeft een nieuwe status: In behandeling." in statuses[0].body
    steps = CaseStatus.objects.filter(case=case).exclude(status__code="ontvangen").order_by("pk")
    assert statuses_notified(receiver) == [
        f"https://plusstad.example/zaken/api/v1/statussen/{step.uuid}" for step in steps
    ]
