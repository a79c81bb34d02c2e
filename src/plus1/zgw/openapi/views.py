# SPDX-License-Identifier: EUPL-1.2
"""Public, database-free views of each ZGW API's OpenAPI document: the API root and
`schema/openapi.{yaml,json}` (the document, by content negotiation), and `schema/` (a
reference for people, Redoc from the Python package, no inline script)."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from plus1.zgw.base import TITLES
from plus1.zgw.openapi.documents import Format, rendered, title_and_version

MEDIA_TYPES: dict[Format, tuple[str, ...]] = {
    "yaml": ("application/vnd.oai.openapi", "application/yaml", "application/x-yaml", "text/yaml"),
    "json": ("application/vnd.oai.openapi+json", "application/json"),
}
FORMAT_PARAMETER: dict[str, Format] = {"yaml": "yaml", "openapi": "yaml", "json": "json"}
ALLOWED = ("GET", "HEAD")

# The reference page loads Redoc from our own static files; Redoc injects styles and
# starts its search worker from a blob.
REFERENCE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'none'"
)


def root_url(request: HttpRequest, api: str) -> str:
    return request.build_absolute_uri(reverse("zgw-openapi:root", kwargs={"api": api}))


@csrf_exempt
def document(
    request: HttpRequest, api: str, formats: Iterable[Format] = ("yaml", "json")
) -> HttpResponse:
    """The OpenAPI document in one of `formats`: `?format=` first, else the Accept header
    (the first of `formats` when the client accepts anything)."""
    if request.method not in ALLOWED:
        return _problem(request, 405, "method_not_allowed", f"Alleen {', '.join(ALLOWED)}.")
    chosen = _negotiate(request, tuple(formats))
    if chosen is None:
        offered = ", ".join(t for fmt in formats for t in MEDIA_TYPES[fmt][:1])
        detail = f"Dit document is beschikbaar als {offered}."
        return _problem(request, 406, "not_acceptable", detail)
    fmt, media_type = chosen
    body = rendered(api, fmt, root_url(request, api).rstrip("/"))
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=3600"
    response["Vary"] = "Accept"
    response["API-version"] = title_and_version(api)[1]
    return response


def _negotiate(request: HttpRequest, formats: tuple[Format, ...]) -> tuple[Format, str] | None:
    asked = request.GET.get("format")
    if asked is not None:
        fmt = FORMAT_PARAMETER.get(asked.lower())
        if fmt is None or fmt not in formats:
            return None
        return fmt, MEDIA_TYPES[fmt][0]
    offered = [media_type for fmt in formats for media_type in MEDIA_TYPES[fmt]]
    preferred = request.get_preferred_type(offered)
    if preferred is None:
        return None
    chosen = next(fmt for fmt in formats if preferred in MEDIA_TYPES[fmt])
    return chosen, str(preferred)


def reference(request: HttpRequest, api: str) -> HttpResponse:
    """Redoc over the JSON document, with plain links for readers without JavaScript."""
    if request.method not in ALLOWED:
        return _problem(request, 405, "method_not_allowed", f"Alleen {', '.join(ALLOWED)}.")
    title, version = title_and_version(api)
    context = {
        "title": title,
        "version": version,
        "api_root": root_url(request, api),
        "yaml_url": reverse("zgw-openapi:yaml", kwargs={"api": api}),
        "json_url": reverse("zgw-openapi:json", kwargs={"api": api}),
    }
    response = render(request, "zgw/openapi/reference.html", context)
    response["Content-Security-Policy"] = REFERENCE_CSP
    return response


def _problem(request: HttpRequest, status: int, code: str, detail: str) -> HttpResponse:
    """The ZGW error body (as `plus1.zgw.base.zgw_exception_handler` writes it)."""
    name = {405: "MethodNotAllowed", 406: "NotAcceptable"}[status]
    body = {
        "type": request.build_absolute_uri(f"/ref/fouten/{name}/"),
        "code": code,
        "title": TITLES[status],
        "status": status,
        "detail": detail,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type="application/problem+json"
    )
    if status == 405:
        response["Allow"] = ", ".join(ALLOWED)
    return response
