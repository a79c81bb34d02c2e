# SPDX-License-Identifier: EUPL-1.2
"""Rate limit for reports without logging in: a fixed one-hour window per client, in the cache
(local memory in the demo, Redis in production). The client is kept only as a keyed hash."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

LIMIT_PER_HOUR = 10
WINDOW_SECONDS = 3600


def _key(client: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()
    window = int(timezone.now().timestamp()) // WINDOW_SECONDS
    return f"meldingen:anoniem:{digest[:32]}:{window}"


def anonymous_allowed(client: str) -> bool:
    return int(cache.get(_key(client), 0)) < LIMIT_PER_HOUR


def anonymous_count(client: str) -> None:
    """Count one report by this client in the current window."""
    key = _key(client)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
