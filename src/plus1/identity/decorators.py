# SPDX-License-Identifier: EUPL-1.2
"""Who may open a page: the logged-in resident or business, or a staff member."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from plus1.identity.selectors import party_for_user
from plus1.identity.staff_login import is_verified


def resident_required(view: Any) -> Any:
    """The logged-in resident or business is passed to the view; others go to the login."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        party = party_for_user(request.user)
        if party is None:
            return redirect(f"{reverse('portal:login')}?next={request.path}")
        return view(request, party, *args, **kwargs)

    return wrapper


def staff_required(view: Any) -> Any:
    """Staff with both factors only; anyone else logged in gets a 404, no hint of the page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('workbench:login')}?next={request.path}")
        if not request.user.is_staff:
            raise Http404
        if not is_verified(request.user):  # a password alone is not enough
            return redirect(f"{reverse('workbench:login')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapper
