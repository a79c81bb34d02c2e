# SPDX-License-Identifier: EUPL-1.2
"""The login and logout forms end at the broker (a redirect after the POST), which the
Content Security Policy's `form-action 'self'` would block: allow the brokers' origins."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse

from plus1.identity.login.brokers import brokers_enabled


def broker_origins() -> list[str]:
    origins = []
    for broker in brokers_enabled():
        parts = urlsplit(broker.issuer)
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


class BrokerFormActionMiddleware:
    """Adds the enabled brokers' origins to `form-action` (runs before CSPMiddleware's
    response phase: it is listed after it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        origins = broker_origins()
        if origins:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            response._csp_update = update  # type: ignore[attr-defined]
        return response
