# SPDX-License-Identifier: EUPL-1.2
"""Outbox rows written before rows were per consumer are split, with the facts added."""

import importlib

import pytest
from django.apps import apps
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.events.models import OutboxMessage

pytestmark = pytest.mark.django_db
migration = importlib.import_module("plus1.events.migrations.0004_one_events_rows_per_consumer")


def legacy(topic, payload, state=OutboxMessage.State.PENDING):
    """A row as the old outbox wrote it: one per event, no consumer."""
    return OutboxMessage.objects.create(
        topic=topic, payload=payload, state=state, key=f"old-{OutboxMessage.objects.count()}"
    )


def test_pending_events_are_split_per_consumer_and_carry_the_status_that_was_set():
    case_type = CaseTypeFactory()
    with transaction.atomic():
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=ResidentFactory(),
            form_data={"onderwerp": "x"},
        )
        case_transition(
            actor=Actor.system("test"),
            case=case,
            target=case_type.statuses.get(code="in-behandeling"),
        )
    OutboxMessage.objects.all().delete()
    changed = legacy(
        "case.status_changed",
        {"case": str(case.uuid), "status": "in-behandeling", "actor_kind": "user"},
    )
    by_api = legacy("case.registered", {"case": str(case.uuid), "actor_kind": "api_client"})
    done = legacy("case.registered", {"case": str(case.uuid)}, OutboxMessage.State.DELIVERED)
    nobody = legacy("case.updated", {"case": str(case.uuid)})

    migration.forwards(apps, None)

    rows = OutboxMessage.objects.filter(topic="case.status_changed")
    assert sorted(rows.values_list("consumer", flat=True)) == [
        "cases.status_message",
        "meldingen.follower_updates",
        "zgw.notifications",
    ]
    assert {row.payload["status_name"] for row in rows} == {"In behandeling"}
    assert len({row.event_id for row in rows}) == 1
    assert changed.pk in {row.pk for row in rows}
    api_rows = OutboxMessage.objects.filter(topic="case.registered", state="pending")
    assert list(api_rows.values_list("consumer", flat=True)) == ["meldingen.receipt"]
    assert api_rows.get().pk == by_api.pk  # its ZGW notification was queued by the API then
    done.refresh_from_db()
    nobody.refresh_from_db()
    assert done.key == f"legacy:{done.pk}" and done.state == "delivered"
    assert nobody.state == "delivered"  # nobody consumed it before either
