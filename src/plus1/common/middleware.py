# SPDX-License-Identifier: EUPL-1.2
"""Requests no page can answer: a NUL character in the address or in a form."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse

from plus1.common.api import nul_characters


class RefuseNulCharactersMiddleware:
    """No row has a NUL character in its key, and PostgreSQL refuses a query holding one:
    such an address is a 404 and such a form a 400, before any view queries the database.
    The APIs (every path with an `/api/` segment) answer in their own error format."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise Http404("Niet gevonden.")
        if "/api/" not in request.path and nul_characters(request.GET, None) + nul_characters(
            request.POST, None
        ):
            raise BadRequest("Het verzoek bevat een ongeldig teken.")
        response: HttpResponse = self.get_response(request)
        return response


class DutchUnlessChosenMiddleware:
    """Dutch is the portal's language; English only when the resident chose it with the
    language switch (Django's language cookie). The browser's Accept-Language is ignored, so
    a visitor with an English browser still starts in Dutch. Runs before LocaleMiddleware."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        response: HttpResponse = self.get_response(request)
        return response
