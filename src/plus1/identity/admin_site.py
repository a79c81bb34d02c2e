# SPDX-License-Identifier: EUPL-1.2
"""The admin site (/beheer/) for staff who logged in with both factors, through one login.

Its own login page would take a password alone; instead it sends people to the workbench
login, which asks for the password and then the second factor.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from plus1.identity.staff_login import is_verified


class StaffAdminSite(admin.AdminSite):
    site_header = "Plus1 beheer"
    site_title = "Plus1 beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_verified(request.user)

    def login(self, request: HttpRequest, extra_context: object = None) -> HttpResponseRedirect:
        target = request.GET.get("next", "")
        allowed = url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        query = urlencode({"next": target if allowed else reverse("admin:index")})
        return HttpResponseRedirect(f"{reverse('workbench:login')}?{query}")
