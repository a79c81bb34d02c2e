# SPDX-License-Identifier: EUPL-1.2
"""A staff account locked after repeated wrong passwords (django-axes) goes into the audit log.

Axes signals every refused attempt during a lock-out; the audit records the moment the
account is locked, so an attack cannot flood the audit log.
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from plus1.audit.services import Actor, audit_record

LOCKOUT_ACTOR = Actor.system("inlogbeveiliging")


def lockout_audit(
    sender: Any, request: Any, username: str | None, ip_address: str, **_: Any
) -> None:
    failures = getattr(request, "axes_failures_since_start", None)
    credentials = getattr(request, "axes_credentials", None)
    if failures != get_failure_limit(request, credentials):
        return  # an attempt during a lock-out that was audited already
    user = get_user_model().objects.filter(username=username).first() if username else None
    subject = user or AccessAttempt.objects.filter(username=username).first()
    if subject is None:
        return
    with transaction.atomic():
        audit_record(
            actor=LOCKOUT_ACTOR,
            action="staff.locked_out",
            obj=subject,
            after={
                "username": username,
                "failures": failures,
                "locked_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
                "ip_address": ip_address,
            },
        )
