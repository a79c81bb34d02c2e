# SPDX-License-Identifier: EUPL-1.2
"""Every answer of the ZGW APIs that is an error is a ZGW error body (problem+json), also
when it does not come from a ZGW view: an unknown path, or a failure outside the view."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

from plus1.zgw.base import TITLES
from plus1.zgw.urls import APIS

ROOTS = tuple(f"/{api}/api/v1" for api in APIS)
PROBLEM = "application/problem+json"
NAMES = {404: "NotFound", 405: "MethodNotAllowed", 500: "ServerError"}
CODES = {404: "not_found", 405: "method_not_allowed", 500: "error"}
logger = logging.getLogger(__name__)


def zgw_error(request: HttpRequest, status: int) -> JsonResponse:
    name = NAMES.get(status, "Error")
    body = {
        "type": request.build_absolute_uri(f"/ref/fouten/{name}/"),
        "code": CODES.get(status, "error"),
        "title": TITLES.get(status, "Fout."),
        "status": status,
        "detail": "",
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    return JsonResponse(body, status=status, content_type=PROBLEM)


class ZgwErrorMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        if (
            request.path.startswith(ROOTS)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith(PROBLEM)
        ):
            return zgw_error(request, response.status_code)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(ROOTS):
            return None
        logger.error("Unhandled error in %s %s", request.method, request.path, exc_info=exception)
        return zgw_error(request, 500)
