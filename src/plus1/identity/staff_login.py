# SPDX-License-Identifier: EUPL-1.2
"""The two steps of a staff login, kept in the session.

After the password a staff member is *not* logged in: the session only remembers who is
halfway (for a few minutes). Django's login happens after the second factor, so no page,
API or admin view ever sees a user who gave only a password.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_otp
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django_otp.models import Device

PENDING_KEY = "plus1_staff_pending"
LOGIN_AT_KEY = "plus1_staff_login_at"
PENDING_SECONDS = 300  # time between the password and the second factor
GRACE = dt.timedelta(minutes=15)


def is_verified(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Logged in with both factors (django-otp's middleware adds ``is_verified``)."""
    check = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and check is not None and check())


def pending_start(request: HttpRequest, user: AbstractBaseUser) -> None:
    """The password was right: remember the user until the second factor is given."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "since": timezone.now().timestamp(),
    }


def pending_user(request: HttpRequest) -> Any | None:
    """The staff member between the two steps, or None (never started, or too long ago)."""
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if timezone.now().timestamp() - float(pending.get("since", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user: Any = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def login_complete(request: HttpRequest, user: Any, device: Device) -> None:
    """Both factors given: log in, mark the session verified, end it after a working day."""
    request.session.pop(PENDING_KEY, None)
    login(request, user, backend=user.backend)
    django_otp.login(request, device)
    now = timezone.now()
    request.session[LOGIN_AT_KEY] = now.timestamp()
    # The middleware ends the session at the hour (and says why); the store is the backstop.
    request.session.set_expiry(now + dt.timedelta(hours=settings.STAFF_SESSION_HOURS) + GRACE)


def session_expired(request: HttpRequest) -> bool:
    """A staff session older than the working day (settings.STAFF_SESSION_HOURS)."""
    started = request.session.get(LOGIN_AT_KEY)
    if started is None:
        return False
    age = timezone.now().timestamp() - float(started)
    return age > settings.STAFF_SESSION_HOURS * 3600
