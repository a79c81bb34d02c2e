# SPDX-License-Identifier: EUPL-1.2
"""The portal session on every page: who acts for whom, and when the login expires."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from plus1.identity.login.session import expires_at, login_of


def portal_session(request: HttpRequest) -> dict[str, Any]:
    login = login_of(request) if hasattr(request, "session") else None
    expiry = expires_at(request) if login else None
    if login is None or expiry is None or not request.user.is_authenticated:
        return {}
    moment = timezone.localtime(dt.datetime.fromtimestamp(expiry, tz=dt.UTC))
    return {
        "portal_session": {
            "login": login,
            "expires_epoch": int(expiry),
            "expires_at": moment,
            "warning_seconds": settings.RESIDENT_SESSION_WARNING_MINUTES * 60,
        }
    }
