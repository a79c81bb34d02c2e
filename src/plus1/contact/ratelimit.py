# SPDX-License-Identifier: EUPL-1.2
"""Rate limit for booking without logging in: a fixed one-hour window per client address,
in the cache. The address is kept only as a keyed hash. PLUS1_BOOKING_RATE_LIMIT = 0: off."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

WINDOW_SECONDS = 3600


def _key(client: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()
    window = int(timezone.now().timestamp()) // WINDOW_SECONDS
    return f"afspraken:anoniem:{digest[:32]}:{window}"


def limit() -> int:
    return int(settings.BOOKING_RATE_LIMIT)


def booking_allowed(client: str) -> bool:
    return limit() <= 0 or int(cache.get(_key(client), 0)) < limit()


def booking_count(client: str) -> None:
    """Count one booking by this client in the current window."""
    if limit() <= 0:
        return
    key = _key(client)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
