# SPDX-License-Identifier: EUPL-1.2
"""Changes made in the admin are state changes too: audit them in the admin's transaction."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from plus1.audit.audit_actions import CHANGED_IN_ADMIN, CREATED_IN_ADMIN, DELETED_IN_ADMIN, in_admin
from plus1.audit.services import Actor, audit_record


class AuditedAdminMixin:
    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        before = model_to_dict(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        audit_record(
            actor=Actor.from_user(request.user),
            action=in_admin(obj, CHANGED_IN_ADMIN if change else CREATED_IN_ADMIN),
            obj=obj,
            before=before,
            after=model_to_dict(obj),
        )

    def delete_model(self, request: Any, obj: Any) -> None:
        audit_record(
            actor=Actor.from_user(request.user),
            action=in_admin(obj, DELETED_IN_ADMIN),
            obj=obj,
            before=model_to_dict(obj),
        )
        super().delete_model(request, obj)  # type: ignore[misc]
