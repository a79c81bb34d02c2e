# SPDX-License-Identifier: EUPL-1.2
"""What the portal session remembers of a login: means, level, representative; and the
idle time-out of residents' and businesses' sessions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from plus1.audit.services import Actor

SESSION_KEY = "plus1_login"
LAST_SEEN_KEY = "plus1_last_seen"


@dataclass(frozen=True)
class PortalLogin:
    broker: str  # "digid", "eherkenning" or "demo"
    level: str
    representative_uuid: str = ""
    representative_name: str = ""
    representative_user_id: int | None = None
    branch: str = ""

    @property
    def represents(self) -> bool:
        return bool(self.representative_uuid)


def login_remember(request: HttpRequest, login: PortalLogin) -> None:
    request.session[SESSION_KEY] = asdict(login)
    request.session[LAST_SEEN_KEY] = time.time()


def login_of(request: HttpRequest) -> PortalLogin | None:
    data = request.session.get(SESSION_KEY)
    return PortalLogin(**data) if isinstance(data, dict) else None


def portal_actor(request: HttpRequest) -> Actor:
    """The person at the keyboard: the representative when someone acts for another."""
    login = login_of(request)
    if login is not None and login.represents:
        return Actor(
            kind="representative",
            id=login.representative_uuid,
            label=login.representative_name,
            user_id=login.representative_user_id,
        )
    return Actor.from_user(request.user)


def idle_seconds() -> int:
    return settings.RESIDENT_SESSION_IDLE_MINUTES * 60


def expires_at(request: HttpRequest) -> float | None:
    last = request.session.get(LAST_SEEN_KEY)
    return last + idle_seconds() if isinstance(last, int | float) else None


class ResidentIdleTimeoutMiddleware:
    """A portal login ends after PLUS1_RESIDENT_SESSION_IDLE_MINUTES without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if SESSION_KEY in request.session and not request.path.startswith(settings.STATIC_URL):
            last = request.session.get(LAST_SEEN_KEY, 0)
            now = time.time()
            if now - last > idle_seconds():
                logout(request)
                query = urlencode({"verlopen": "1", "next": request.get_full_path()})
                return redirect(f"{reverse('portal:login')}?{query}")
            request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
