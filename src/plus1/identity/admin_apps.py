# SPDX-License-Identifier: EUPL-1.2
"""Django's admin app with Plus1's site (plus1.identity.admin_site) as ``admin.site``."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    default_site = "plus1.identity.admin_site.StaffAdminSite"
