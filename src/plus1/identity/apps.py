# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "plus1.identity"
    verbose_name = "Identiteit"

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib import admin

        from plus1.identity.admin_accounts import account_admins_register
        from plus1.identity.admin_devices import device_admins_register
        from plus1.identity.lockout import lockout_audit

        user_locked_out.connect(lockout_audit, dispatch_uid="plus1-lockout-audit")
        device_admins_register(admin.site)  # after the admin found django-otp's own pages
        account_admins_register(admin.site)  # and Django's and axes' own
