# SPDX-License-Identifier: EUPL-1.2
"""Staff pages need both factors, and a staff session ends after a working day.

The views check this too (``staff_required``, the admin site); this middleware is the
net under them, so a page added later without the check still cannot be reached.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from plus1.identity.staff_login import is_verified, session_expired

STAFF_PREFIXES = ("/werkplek/", "/beheer/")


def second_factor_not_required(view: Any) -> Any:
    """The steps of the login itself (password, code, enrolment) and the logout."""
    view.second_factor_not_required = True
    return view


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and session_expired(request):
            logout(request)
            messages.info(request, "Uw werkdag zit erop: log opnieuw in om verder te werken.")
            return self._to_login(request)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not request.path.startswith(STAFF_PREFIXES) or _exempt(view):
            return None
        user = request.user
        if user.is_authenticated and user.is_staff and not is_verified(user):
            return self._to_login(request)
        return None

    @staticmethod
    def _to_login(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(STAFF_PREFIXES):
            return HttpResponseRedirect(reverse("workbench:login"))
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('workbench:login')}?{query}")


def _exempt(view: Any) -> bool:
    return any(
        getattr(candidate, "second_factor_not_required", False)
        for candidate in (view, getattr(view, "view_class", None))
    )
