# SPDX-License-Identifier: EUPL-1.2
"""The production path: a commit nudges a real Celery worker on Redis, which delivers."""

import os
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.conf.celery import app
from plus1.events.models import OutboxMessage

BROKER = os.environ.get("PLUS1_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def celery_worker(settings):
    if connection.vendor == "sqlite":
        # The in-memory SQLite test database is shared between threads with table locks
        # that fail instead of waiting; this test runs on PostgreSQL (CI runs both).
        pytest.skip("needs a database server; runs on PostgreSQL")
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required in CI at {BROKER}")
        pytest.skip(f"no Redis at {BROKER}")
    settings.OUTBOX_WORKER = "celery"
    app.conf.update(broker_url=BROKER, result_backend=None, task_ignore_result=True)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield
    app.conf.update(broker_url=settings.CELERY_BROKER_URL)


@pytest.mark.django_db(transaction=True)
def test_status_message_is_delivered_by_the_celery_worker(celery_worker):
    case_type = CaseTypeFactory()
    resident = ResidentFactory(email="anna@example.nl")
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Lantaarnpaal"},
    )
    case_transition(
        actor=Actor.system("test"), case=case, target=case_type.statuses.get(code="in-behandeling")
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and OutboxMessage.objects.filter(state="pending").exists():
        time.sleep(0.2)
    assert not OutboxMessage.objects.filter(state="pending").exists()
    # the confirmation of the registration, then the status message
    assert [m.to for m in mail.outbox] == [["anna@example.nl"], ["anna@example.nl"]]
    assert "In behandeling" in mail.outbox[-1].subject
