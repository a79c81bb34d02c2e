# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from plus1.conf.celery import app
from plus1.events.models import IdempotencyKey
from plus1.events.services import effect_once, idempotency_keys_prune
from plus1.events.tasks import prune_idempotency_keys

pytestmark = pytest.mark.django_db


def key_done(key, days_ago):
    row = IdempotencyKey.objects.create(key=key)
    IdempotencyKey.objects.filter(pk=row.pk).update(
        done_at=timezone.now() - dt.timedelta(days=days_ago)
    )


def test_only_expired_keys_are_pruned(settings):
    settings.IDEMPOTENCY_KEY_DAYS = 30
    key_done("old", 31)
    key_done("recent", 29)
    key_done("today", 0)
    assert idempotency_keys_prune() == 1
    assert sorted(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent", "today"]


def test_a_kept_key_still_stops_a_repeat(settings):
    settings.IDEMPOTENCY_KEY_DAYS = 30
    runs = []
    assert effect_once(key="k", effect=lambda: runs.append(1))
    idempotency_keys_prune()
    assert not effect_once(key="k", effect=lambda: runs.append(2))
    assert runs == [1]


def test_zero_days_is_read_as_one(settings):
    settings.IDEMPOTENCY_KEY_DAYS = 0
    key_done("hours-old", 0)
    assert idempotency_keys_prune() == 0
    assert IdempotencyKey.objects.count() == 1


def test_command_prunes_and_says_how_many(settings):
    settings.IDEMPOTENCY_KEY_DAYS = 7
    key_done("a", 8)
    key_done("b", 9)
    out = StringIO()
    call_command("events", "prune-keys", stdout=out)
    assert "2 verlopen idempotentiesleutels verwijderd." in out.getvalue()
    assert not IdempotencyKey.objects.exists()


def test_worker_beat_prunes_daily():
    entry = app.conf.beat_schedule["prune-idempotency-keys"]
    assert entry["task"] == "plus1.events.prune_idempotency_keys"
    assert prune_idempotency_keys.name in app.tasks
