# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from plus1.audit.models import AuditEntry


def audit_for(obj: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).order_by("id")
