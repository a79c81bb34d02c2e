# SPDX-License-Identifier: EUPL-1.2
"""Pages and downloads with personal data are never kept by a browser or a proxy cache.

A view that declares personal data (``processing_activity``, ``own_data``), and every page of
the workbench and the admin, answers ``Cache-Control: no-store`` (with Django's other
never-cache directives), so the back button or a shared computer's cache shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from plus1.privacy.declarations import declaration_of

NO_STORE_PREFIXES = ("/werkplek/", "/beheer/")


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        personal = getattr(request, "plus1_personal_data", False)
        if personal or request.path.startswith(NO_STORE_PREFIXES):
            add_never_cache_headers(response)
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        request.plus1_personal_data = bool(declaration_of(view))  # type: ignore[attr-defined]
        return None
