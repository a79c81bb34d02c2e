# SPDX-License-Identifier: EUPL-1.2
"""The Celery application behind `plus1 worker` (Redis broker)."""

import os

from celery import Celery
from celery.schedules import crontab
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")

app = Celery("plus1")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = {
    "drain-outbox": {"task": "plus1.events.drain_outbox", "schedule": 5.0},
    "audit-link": {"task": "plus1.audit.link", "schedule": 5.0},
    "prune-idempotency-keys": {
        "task": "plus1.events.prune_idempotency_keys",
        "schedule": crontab(hour=4, minute=15),
    },
    "audit-checkpoint": {
        "task": "plus1.audit.checkpoint",
        "schedule": float(settings.AUDIT_CHECKPOINT_SECONDS),
    },
    "sweep-request-drafts": {"task": "plus1.cases.sweep_request_drafts", "schedule": 86400.0},
    "remind-information-requests": {
        "task": "plus1.cases.remind_information_requests",
        "schedule": crontab(hour=8, minute=0),
    },
    "opendata-build": {"task": "plus1.opendata.build", "schedule": crontab(hour=3, minute=0)},
}
app.autodiscover_tasks()
