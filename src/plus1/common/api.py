# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules for our own APIs: problem+json errors and the API-Version header."""

from __future__ import annotations

import re
from functools import cache
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
        body["detail"] = " ".join(f"{p['name']}: {p['reason']}" for p in body["invalidParams"])
    else:
        body["detail"] = str(getattr(exc, "detail", ""))
    response.data = body
    response.content_type = "application/problem+json"
    return response


PROBLEM_TITLES = {
    404: ("Niet gevonden.", "Onder dit adres staat niets. Zie /api/v1/openapi.json."),
    405: ("Methode niet toegestaan.", "Dit adres kent deze methode niet."),
    500: ("Er is een fout opgetreden op de server.", "Probeer het later opnieuw."),
}


class ApiVersionMiddleware:
    """Adds the API-Version header to every response under /api/, and answers every error
    there that no API view made (an unknown path) as problem+json, not as an HTML page."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        unknown = unknown_api_query_params(request) if request.path.startswith("/api/v1/") else {}
        response = _unknown_params_problem(request, unknown) if unknown else None
        response = response or self.get_response(request)
        if request.path.startswith("/api/"):
            if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
                "application/problem+json"
            ):
                response = _problem(request, response.status_code)
            response["API-Version"] = API_VERSION
        return response


def _problem(request: Any, status: int) -> Any:
    from django.http import JsonResponse

    title, detail = PROBLEM_TITLES.get(status, ("Fout.", "Het verzoek kon niet worden verwerkt."))
    body = {
        "type": f"https://plusstad.nl/problemen/{status}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    return JsonResponse(body, status=status, content_type="application/problem+json")


# --- The OpenAPI document of /api/v1 by the NL API Design Rules (a drf-spectacular hook) ---
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Een fout (RFC 9457, application/problem+json).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri", "description": "Soort fout."},
        "title": {"type": "string", "description": "Korte omschrijving van de fout."},
        "status": {"type": "integer", "description": "De HTTP-statuscode."},
        "detail": {"type": "string", "description": "Uitleg over deze fout."},
        "instance": {"type": "string", "description": "Het verzoek waarop de fout viel."},
        "invalidParams": {
            "type": "array",
            "description": "Bij ongeldige invoer: elk veld met zijn probleem.",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
VERSION_HEADER: dict[str, Any] = {
    "description": "Het volledige versienummer van de API.",
    "schema": {"type": "string", "example": API_VERSION},
}
PROBLEM_DESCRIPTIONS = {
    "400": "De invoer is niet geldig; invalidParams noemt elk probleem.",
    "404": "Niet gevonden.",
}


def adr_postprocess(result: dict[str, Any], generator: Any, request: Any, public: Any) -> Any:
    """Every success response documents API-Version, every error is problem+json with
    status, title and detail, every operation with input documents its 400, and times
    are local times (time-local)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            has_input = method in ("post", "put", "patch") or bool(operation.get("parameters"))
            if has_input and "400" not in responses:
                responses["400"] = {"description": PROBLEM_DESCRIPTIONS["400"]}
            for code, response in responses.items():
                if code[0] in "23":
                    response.setdefault("headers", {})["API-Version"] = VERSION_HEADER
                elif code[0] in "45":
                    response["content"] = problem
    _local_times(schemas)
    return result


def _local_times(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("format") == "time":
            node["format"] = "time-local"
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


# --- Unknown query parameters never widen a result (NL API Design Rules, our own APIs) ---
UNKNOWN_PARAM_CODE = "unknown-parameters"


@cache
def _documented_operations() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """(path regex, METHOD, documented query parameters) of every operation of /api/v1,
    from the OpenAPI document drf-spectacular generates (built once per process)."""
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    prefix = document["servers"][0]["url"].rstrip("/") if document.get("servers") else ""
    operations = []
    for path, item in document.get("paths", {}).items():
        full = prefix + path if not path.startswith(prefix + "/") else path
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(full)) + "$")
        for method, operation in item.items():
            names = frozenset(
                p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"
            )
            operations.append((pattern, method.upper(), names))
    operations.sort(key=lambda op: op[0].pattern.count("[^/]+"))
    return operations


def unknown_api_query_params(request: Any) -> dict[str, str]:
    """{name: Dutch reason} for each query parameter the documented operation does not know;
    empty when there are none or the operation is not documented (it answers 404 or 405)."""
    if not request.GET or request.path.endswith("/openapi.json"):
        return {}
    method = "GET" if request.method == "HEAD" else request.method
    for pattern, op_method, known in _documented_operations():
        if op_method == method and pattern.match(request.path):
            listed = ", ".join(sorted(known)) or "geen"
            return {
                name: f"Onbekende queryparameter: {name}. Deze bewerking kent: {listed}."
                for name in sorted(request.GET)
                if name not in known
            }
    return {}


def _unknown_params_problem(request: Any, unknown: dict[str, str]) -> Any:
    from django.http import JsonResponse

    params = [
        {"name": name, "code": UNKNOWN_PARAM_CODE, "reason": reason}
        for name, reason in unknown.items()
    ]
    body = {
        "type": "https://plusstad.nl/problemen/invalid",
        "title": "De invoer is niet geldig.",
        "status": 400,
        "detail": " ".join(p["reason"] for p in params),
        "instance": request.path,
        "invalidParams": params,
    }
    return JsonResponse(body, status=400, content_type="application/problem+json")
