# SPDX-License-Identifier: EUPL-1.2
"""Satisfaction after closing: a signed link, one click, no login, answerable once."""

from __future__ import annotations

import time
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.cases.events import CASE_STATUS_CHANGED
from plus1.events.models import OutboxMessage
from plus1.events.services import Delivery, consumers_of
from plus1.insights import audit_actions, events
from plus1.insights import ratings as ratings_module
from plus1.insights.models import SatisfactionRating
from plus1.insights.ratings import CONSUMER, rating_link, rating_token, request_rating
from plus1.insights.tests.test_legal_clock import TODAY, make_case, world  # noqa: F401

pytestmark = pytest.mark.django_db


def delivery(case, is_final=True):
    return Delivery(
        topic=CASE_STATUS_CHANGED,
        payload={
            "case": str(case.uuid),
            "identification": case.identification,
            "case_type": str(case.case_type.uuid),
            "confidentiality": case.confidentiality,
            "is_final": is_final,
        },
        key=f"{uuid.uuid4()}:{CONSUMER}",
        event_id=str(uuid.uuid4()),
        occurred_at=timezone.now(),
    )


def test_a_final_status_queues_a_rating_request_with_a_signed_link(client, world, monkeypatch):  # noqa: F811
    from plus1.events import services as event_services

    monkeypatch.setitem(event_services._topics, events.RATING_REQUESTED, ["test-listener"])
    assert CONSUMER in consumers_of(CASE_STATUS_CHANGED)
    case = make_case(world, TODAY, closed_on=TODAY)
    request_rating(delivery(case, is_final=False))
    assert not OutboxMessage.objects.filter(topic=events.RATING_REQUESTED).exists()
    once = delivery(case)
    request_rating(once)
    request_rating(once)  # a retried delivery asks once
    row = OutboxMessage.objects.get(topic=events.RATING_REQUESTED)
    link = row.payload["link"]
    assert link.startswith(rating_link(case).split(str(case.uuid))[0])
    assert (
        "Hoe tevreden bent u?"
        in client.get(link.removeprefix("http://127.0.0.1:8000")).content.decode()
    )
    assert row.payload["initiator"] == str(world["anna"].uuid)


def test_one_click_records_a_4_and_the_link_cannot_be_used_again(client, world):  # noqa: F811
    case = make_case(world, TODAY, closed_on=TODAY)
    url = reverse("ratings:rate", args=[rating_token(case)])
    page = client.get(url).content.decode()
    assert "Hoe tevreden bent u?" in page and "Omgevingsvergunning" in page
    assert "Anna" not in page  # no personal data on a page without login

    response = client.post(url, {"cijfer": "4", "toelichting": "Snel geholpen"})

    assert "Wij hebben uw oordeel ontvangen: tevreden" in response.content.decode()
    rating = SatisfactionRating.objects.get(case=case)
    assert (rating.score, rating.comment) == (4, "Snel geholpen")
    assert AuditEntry.objects.filter(action=audit_actions.SATISFACTION_RATED).count() == 1
    again = client.post(url, {"cijfer": "1"})
    assert again.status_code == 400 and "al een oordeel gegeven" in again.content.decode()
    assert client.get(url).status_code == 400
    assert SatisfactionRating.objects.get(case=case).score == 4


def test_a_tampered_or_expired_link_is_refused_and_nothing_is_written(client, world, monkeypatch):  # noqa: F811
    case = make_case(world, TODAY, closed_on=TODAY)
    token = rating_token(case)
    tampered = client.post(reverse("ratings:rate", args=[token[:-2] + "xx"]), {"cijfer": "5"})
    assert tampered.status_code == 400 and "Deze link klopt niet" in tampered.content.decode()
    later = time.time() + (ratings_module.RATING_LINK_DAYS + 1) * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    expired = client.post(reverse("ratings:rate", args=[token]), {"cijfer": "5"})
    assert expired.status_code == 400 and "Deze link is verlopen" in expired.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_no_score_is_a_clear_dutch_error_and_nothing_is_written(client, world):  # noqa: F811
    case = make_case(world, TODAY, closed_on=TODAY)
    url = reverse("ratings:rate", args=[rating_token(case)])
    response = client.post(url, {"cijfer": "7", "toelichting": "x" * 2001})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kies een cijfer van 1 tot en met 5." in page and "te lang" in page
    assert not SatisfactionRating.objects.exists()
