# SPDX-License-Identifier: EUPL-1.2
"""Second-factor devices in the admin: a functional administrator sees who has an app and
disconnects a lost one (the staff member then connects a new one at the next login).

Replaces django-otp's own admin pages, which show and edit the secret keys: here the keys
and recovery codes are never shown, devices are not made by hand, and each disconnection
is audited (without the key).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.services import Actor, audit_record
from plus1.identity import audit_actions

SAFE_FIELDS = ("user", "name", "confirmed", "created_at", "last_used_at")


class DeviceAdmin(admin.ModelAdmin):
    #: Its only write, disconnecting, is audited below (without the key).
    audits_admin_writes = True

    list_display = SAFE_FIELDS
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = SAFE_FIELDS
    readonly_fields = SAFE_FIELDS

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    @transaction.atomic
    def delete_model(self, request: Any, obj: Any) -> None:
        self._audit(request, [obj])
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request: Any, queryset: Any) -> None:
        self._audit(request, list(queryset))
        super().delete_queryset(request, queryset)

    @staticmethod
    def _audit(request: Any, devices: list[Any]) -> None:
        for device in devices:
            audit_record(
                actor=Actor.from_user(request.user),
                action=audit_actions.SECOND_FACTOR_DISCONNECTED_IN_ADMIN,
                obj=device.user,
                before={"device": device.name, "kind": device._meta.model_name},
            )


def device_admins_register(site: admin.AdminSite) -> None:
    for model in (TOTPDevice, StaticDevice):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, DeviceAdmin)
