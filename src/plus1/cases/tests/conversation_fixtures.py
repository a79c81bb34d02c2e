# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the conversation tests (cases, portal, workbench): a case of a resident in
a team, a published incoming document type, and a recorder of the conversation's events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases import events
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog.models import StatusType, Transition
from plus1.catalog.type_models import CaseTypeDocumentType, Direction, DocumentType
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.events import services as event_services
from plus1.events.models import OutboxMessage
from plus1.events.services import Delivery, subscribe
from plus1.privacy.testing import serve_under_activity

RECORDER = "conversation-tests.recorder"
TOPICS = (
    events.CASE_INFORMATION_REQUESTED,
    events.CASE_INFORMATION_RECEIVED,
    events.CASE_INFORMATION_WITHDRAWN,
    events.CASE_MESSAGE_POSTED,
)


def _ignore(delivery: Delivery) -> None:
    """The recorder's handler: the test reads the outbox rows themselves."""


@pytest.fixture
def recorded():
    """Outbox rows of the conversation topics (a consumer must exist for rows to be written)."""
    for topic in TOPICS:
        subscribe(topic, RECORDER, _ignore)

    def rows(topic: str) -> list[dict]:
        return [
            row.payload
            for row in OutboxMessage.objects.filter(topic=topic, consumer=RECORDER).order_by("pk")
        ]

    yield rows
    # Unsubscribe again: other tests count the outbox rows of these topics.
    for topic in TOPICS:
        subscribers = event_services._topics.get(topic, [])
        if RECORDER in subscribers:
            subscribers.remove(RECORDER)


@pytest.fixture
def staff(db):
    return UserFactory(staff=True, username="sanne", first_name="Sanne")


@pytest.fixture
def resident(db):
    return ResidentFactory(name="Anna de Boer", email="anna@example.nl")


@pytest.fixture
def case(staff, resident) -> Case:
    case_type = CaseTypeFactory(responsible_team=TeamFactory(members=[staff]), reply_term="P2W")
    serve_under_activity(case_type)
    busy = case_type.statuses.get(code="in-behandeling")
    aside = StatusType.objects.create(
        case_type=case_type,
        code="buiten-behandeling",
        name="Buiten behandeling gesteld",
        resident_text="Wij behandelen uw aanvraag niet verder.",
        order=4,
        is_final=True,
        sets_aside=True,
    )
    Transition.objects.create(
        case_type=case_type, source=busy, target=aside, label="Buiten behandeling stellen"
    )
    document_type = DocumentType.objects.create(
        concept=False,
        description="Aanvulling",
        confidentiality="zaakvertrouwelijk",
        category="aanvulling",
    )
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction=Direction.INKOMEND
    )
    return case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Huurtoeslag"},
    )


def days_ago(case: Case, days: int) -> None:
    """Pretend the suspension began `days` ago (the clock counts calendar days)."""
    Case.objects.filter(pk=case.pk).update(
        suspended_on=timezone.localdate() - dt.timedelta(days=days)
    )


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
