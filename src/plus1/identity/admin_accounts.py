# SPDX-License-Identifier: EUPL-1.2
"""Staff accounts, groups and login lockouts in the admin, audited like every admin write.

Django's own admins for users and groups, and axes' lockout records, are replaced by the
same pages with plus1.audit.admin_mixins.AuditedAdminMixin: a new account, a changed
permission, a new password (never its hash) or an unlocked login each leave an entry.
"""

from __future__ import annotations

from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.audit.services import Actor, audit_record
from plus1.identity import audit_actions


class StaffUserAdmin(AuditedAdminMixin, UserAdmin):  # type: ignore[type-arg]
    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Django's password page saves the form itself; audit that a password was set."""
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            user = self.get_object(request, id)
            if request.method == "POST" and response.status_code == 302 and user is not None:
                audit_record(
                    actor=Actor.from_user(request.user),
                    action=audit_actions.PASSWORD_SET_IN_ADMIN,
                    obj=user,
                    after={"password": "nieuw wachtwoord ingesteld"},
                )
        return response


class AuditedGroupAdmin(AuditedAdminMixin, GroupAdmin):
    pass


class AuditedAccessAttemptAdmin(AuditedAdminMixin, AccessAttemptAdmin):
    """Deleting a lockout record unlocks a login: audited. Axes' own bulk clean-up action
    deletes without the admin's delete path, so it is left out (`plus1` cleans up)."""

    actions = None  # type: ignore[assignment]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("cleanup_expired_attempts", None)
        return actions


class AuditedAccessLogAdmin(AuditedAdminMixin, AccessLogAdmin):
    pass


class AuditedAccessFailureLogAdmin(AuditedAdminMixin, AccessFailureLogAdmin):
    pass


def account_admins_register(site: admin.AdminSite) -> None:
    from django.contrib.auth import get_user_model

    replacements: list[tuple[Any, Any]] = [
        (get_user_model(), StaffUserAdmin),
        (Group, AuditedGroupAdmin),
        (AccessAttempt, AuditedAccessAttemptAdmin),
        (AccessLog, AuditedAccessLogAdmin),
        (AccessFailureLog, AuditedAccessFailureLogAdmin),
    ]
    for model, model_admin in replacements:
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
