# SPDX-License-Identifier: EUPL-1.2
"""Changes made in the admin are state changes too: audit them in the admin's transaction,
with the same actor/before/after/hash chain as the services. Every registered ModelAdmin
either audits (AuditedAdminMixin: the object, its many-to-many relations, its inlines and
bulk deletes) or is read-only (ReadOnlyAdminMixin, for rows whose rules live in services);
plus1.audit.tests.test_admin_audit walks the admin site to hold every admin to that."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.forms.models import model_to_dict

from plus1.audit.audit_actions import CHANGED_IN_ADMIN, CREATED_IN_ADMIN, DELETED_IN_ADMIN, in_admin
from plus1.audit.services import Actor, Change, audit_record, audit_record_many

BEFORE = "_plus1_audit_before"
#: Never in an audit entry: the log is read by more people than may see a key or a hash.
SECRET_FIELDS = {"password", "secret", "secret_hash", "key", "cancel_code_hash", "bsn_encrypted"}


def admin_state(obj: models.Model) -> dict[str, Any]:
    """What the admin can change of a row: its editable fields, relations by primary key."""
    state = {name: value for name, value in model_to_dict(obj).items() if name not in SECRET_FIELDS}
    for name, value in state.items():
        if isinstance(value, list | tuple | set) or hasattr(value, "all"):
            items = value.all() if hasattr(value, "all") else value
            state[name] = sorted(str(getattr(item, "pk", item)) for item in items)
        elif isinstance(value, models.Model):
            state[name] = value.pk
    return state


def _stored_state(obj: models.Model) -> dict[str, Any] | None:
    if obj.pk is None or obj._state.adding:
        return None
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return admin_state(stored) if stored is not None else None


class AuditedAdminMixin:
    """Audit every write of this admin: add, change (with its many-to-many relations, so
    the entry is written once they are saved), inlines and deletes, also in bulk."""

    audits_admin_writes = True

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        setattr(obj, BEFORE, _stored_state(obj) if change else None)
        super().save_model(request, obj, form, change)  # type: ignore[misc]

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_related(request, form, formsets, change)  # type: ignore[misc]
            obj = form.instance
            audit_record(
                actor=Actor.from_user(request.user),
                action=in_admin(obj, CHANGED_IN_ADMIN if change else CREATED_IN_ADMIN),
                obj=obj,
                before=getattr(obj, BEFORE, None),
                after=admin_state(obj),
            )

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        """The rows of an inline: each new, changed or deleted one gets its own entry."""
        actor = Actor.from_user(request.user)
        with transaction.atomic():
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                audit_record(
                    actor=actor,
                    action=in_admin(obj, DELETED_IN_ADMIN),
                    obj=obj,
                    before=admin_state(obj),
                )
                obj.delete()
            for obj in instances:
                before = _stored_state(obj)
                obj.save()
                audit_record(
                    actor=actor,
                    action=in_admin(obj, CREATED_IN_ADMIN if before is None else CHANGED_IN_ADMIN),
                    obj=obj,
                    before=before,
                    after=admin_state(obj),
                )
            formset.save_m2m()

    def delete_model(self, request: Any, obj: Any) -> None:
        with transaction.atomic():
            audit_record(
                actor=Actor.from_user(request.user),
                action=in_admin(obj, DELETED_IN_ADMIN),
                obj=obj,
                before=admin_state(obj),
            )
            super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        """The bulk action "delete selected": one entry per row, in one transaction."""
        with transaction.atomic():
            rows = list(queryset)
            if rows:
                audit_record_many(
                    actor=Actor.from_user(request.user),
                    action=in_admin(rows[0], DELETED_IN_ADMIN),
                    changes=[Change(row, before=admin_state(row)) for row in rows],
                )
            super().delete_queryset(request, queryset)  # type: ignore[misc]


class ReadOnlyAdminMixin:
    """To look at only: the rules of these rows live in services (or the rows are a log)."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
