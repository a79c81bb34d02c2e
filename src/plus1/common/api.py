# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules for our own APIs: problem+json errors and the API-Version header."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

API_VERSION = "1.0.0"


def _invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_invalid_params(value, name))
    elif isinstance(detail, list):
        for item in detail:
            params.extend(_invalid_params(item, prefix))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


NUL_MESSAGE = "Bevat een ongeldig teken (NUL)."


def nul_characters(query: Any, data: Any) -> list[str]:
    """The names of query parameters and body fields whose text holds a NUL character
    (which no database column can store: PostgreSQL refuses the whole query)."""
    names = [
        name
        for name in query
        if "\x00" in name or any("\x00" in value for value in query.getlist(name))
    ]
    return names + _nul_fields(data, "")


def _nul_fields(value: Any, prefix: str) -> list[str]:
    if isinstance(value, str):
        return [prefix or "nonFieldErrors"] if "\x00" in value else []
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [
        name
        for key, item in items
        for name in _nul_fields(item, f"{prefix}.{key}" if prefix else str(key))
    ]


def refuse_nul_characters(request: Any) -> None:
    """A 400 naming every parameter and field with a NUL character (DRF views call it)."""
    data = request.data if request.method in ("POST", "PUT", "PATCH") else None
    names = nul_characters(request.query_params, data)
    if names:
        error = exceptions.ErrorDetail(NUL_MESSAGE, code="invalid")
        raise exceptions.ValidationError({name: [error] for name in names})


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Niet gevonden.")
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    detail = getattr(exc, "detail", None)
    body: dict[str, Any] = {
        "type": f"https://plusstad.nl/problemen/{getattr(exc, 'default_code', 'error')}",
        "title": str(detail if isinstance(detail, str) else getattr(exc, "default_detail", "Fout")),
        "status": response.status_code,
        "instance": request.path if request is not None else "",
    }
    if isinstance(exc, exceptions.ValidationError):
        body["title"] = "De invoer is niet geldig."
        body["invalidParams"] = _invalid_params(exc.detail)
    else:
        body["detail"] = str(getattr(exc, "detail", ""))
    response.data = body
    response.content_type = "application/problem+json"
    return response


class ApiVersionMiddleware:
    """Adds the API-Version header to every response under /api/."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = API_VERSION
        return response
