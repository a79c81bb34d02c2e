# SPDX-License-Identifier: EUPL-1.2
"""What every ZGW endpoint shares: JWT authentication, scope checks, the ZGW error body,
pagination and the URL helpers that turn rows into resource URLs and back."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlparse

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models.query import ModelIterable, QuerySet
from django.http import Http404
from django.urls import Resolver404, resolve
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback
from rest_framework.viewsets import ViewSet

from plus1.common.api import _invalid_params, refuse_nul_characters
from plus1.common.renderers import FastJSONRenderer
from plus1.zgw.auth import NotAuthorised, ZgwClient, authenticate
from plus1.zgw.query_params import UNKNOWN_CODE, unknown_query_params
from plus1.zgw.scopes import Needed, Scope, Unscoped

TITLES = {
    400: "Een of meerdere parameters zijn niet correct.",
    403: "U heeft geen toestemming om deze actie uit te voeren.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Kan niet voldoen aan de opgegeven Accept-header.",
    412: "Voorwaarde voor het verzoek is niet vervuld.",
    415: "Medium type niet ondersteund.",
    500: "Er is een fout opgetreden op de server.",
}
logger = logging.getLogger(__name__)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = TITLES[412]


class JwtAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[None, ZgwClient] | None:
        try:
            return None, authenticate(request.META.get("HTTP_AUTHORIZATION", ""))
        except NotAuthorised as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc


class HasScope(BasePermission):
    """Deny by default: the view names what each action needs in `scopes` (a Scope, a
    tuple of which any one will do, or Unscoped), and an action it does not name is refused.
    A request without a routed action (action None) reaches no handler: DRF answers 405."""

    def has_permission(self, request: Request, view: Any) -> bool:
        client = request.auth
        if not isinstance(client, ZgwClient):
            return False
        if view.action is None:
            return True
        needed = view.scopes.get(view.action)
        if isinstance(needed, Unscoped):
            return True
        if isinstance(needed, Scope):
            return client.has_scope(needed)
        return bool(needed) and any(client.has_scope(scope) for scope in needed)


class ServerError(exceptions.APIException):
    """Anything unexpected: answered in the ZGW error body, the details only in the log."""

    default_code = "error"
    default_detail = "Er is een fout opgetreden op de server."


def zgw_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_as_drf_detail(exc))
    response = exception_handler(exc, context)
    request = context.get("request")
    if response is None:
        logger.error(
            "Unhandled error in %s %s",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
            exc_info=exc,
        )
        set_rollback()
        exc = ServerError()
        response = Response(status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    name = type(exc).__name__
    code = getattr(exc, "default_code", "error")
    detail = getattr(exc, "detail", "")
    if isinstance(detail, str) and hasattr(detail, "code"):
        code = detail.code or code
    body: dict[str, Any] = {
        "type": request.build_absolute_uri(f"/ref/fouten/{name}/") if request else name,
        "code": code,
        "title": TITLES.get(response.status_code, str(getattr(exc, "default_detail", "Fout"))),
        "status": response.status_code,
        "detail": detail if isinstance(detail, str) else "",
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if isinstance(exc, exceptions.ValidationError):
        body["code"] = "invalid"
        body["invalidParams"] = _invalid_params(exc.detail)
    if response.status_code == status.HTTP_403_FORBIDDEN:
        body["code"] = "permission_denied"
    response.data = body
    response.content_type = "application/problem+json"
    return response


def _as_drf_detail(exc: DjangoValidationError) -> dict[str, list[exceptions.ErrorDetail]]:
    """Keep the error codes of a service's ValidationError (messages_dict drops them)."""
    groups = exc.error_dict if hasattr(exc, "error_dict") else {"nonFieldErrors": exc.error_list}
    return {
        name: [
            exceptions.ErrorDetail(str(next(iter(error))), code=error.code or "invalid")
            for error in errors
        ]
        for name, errors in groups.items()
    }


def refuse_unknown_query_params(request: Any, extra: frozenset[str] = frozenset()) -> None:
    """A 400 naming every query parameter the operation does not know (nothing is widened)."""
    unknown = unknown_query_params(request, extra)
    if unknown:
        raise exceptions.ValidationError(
            {
                name: [exceptions.ErrorDetail(reason, code=UNKNOWN_CODE)]
                for name, reason in unknown.items()
            }
        )


class LeanPaginator(DjangoPaginator):
    """A first page that is not full tells the count itself: no COUNT(*) query then (a
    search by BSN, a filtered list). A deeper page skips the rows before it by their keys
    alone (an index-only scan), then reads its own rows: as fast as the first page."""

    def page(self, number: Any) -> Any:
        if str(number) == "1":
            rows = list(self.object_list[: self.per_page])
            if len(rows) < self.per_page and "count" not in self.__dict__:
                self.__dict__["count"] = len(rows)  # Paginator.count is a cached_property
            self.validate_number(1)
            return self._get_page(rows, 1, self)  # type: ignore[attr-defined]  # rows read above
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or not _keyable(queryset):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = list(queryset.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        found = queryset.order_by().in_bulk(keys)
        return self._get_page([found[key] for key in keys if key in found], number, self)  # type: ignore[attr-defined]


def _keyable(rows: QuerySet[Any]) -> bool:
    """Model instances that can be narrowed to keys (not a union, not values)."""
    return rows._iterable_class is ModelIterable and rows.query.combinator is None


class Pagination(PageNumberPagination):
    """`count`, when given, tells the number of rows instead of a COUNT(*) query."""

    page_size = 100

    def __init__(self, count: Callable[[], int] | None = None) -> None:
        self.count = count

    def django_paginator_class(self, rows: Any, per_page: int) -> LeanPaginator:  # type: ignore[override]
        paginator = LeanPaginator(rows, per_page)
        if self.count is not None:
            paginator.__dict__["count"] = self.count()  # Paginator.count is a cached_property
        return paginator


class ZgwViewSet(ViewSet):
    """Base of every ZGW viewset. Subclasses set `component`, `scopes` and `api_version`."""

    authentication_classes = [JwtAuthentication]
    permission_classes = [HasScope]
    renderer_classes = [FastJSONRenderer]
    parser_classes = [JSONParser]
    schema = None  # documented by the standard's own OpenAPI files
    lookup_value_regex = "[0-9a-fA-F-]{36}"
    component = ""
    api_version = "1.0.0"
    scopes: Mapping[str, Needed] = {}
    # query parameters an operation beyond the standard's document accepts
    extra_query_params: frozenset[str] = frozenset()

    def get_exception_handler(self) -> Any:
        return zgw_exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        refuse_nul_characters(request)
        refuse_unknown_query_params(request, self.extra_query_params)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_version
        return response

    @property
    def client(self) -> ZgwClient:
        assert isinstance(self.request.auth, ZgwClient)
        return self.request.auth

    def paginate(self, queryset: Any, render: Any) -> Response:
        paginator = Pagination()
        page = paginator.paginate_queryset(queryset, self.request, view=self)
        return paginator.get_paginated_response([render(item) for item in page or []])


class Urls:
    """Absolute resource URLs for one request, built without queries."""

    def __init__(self, request: Request) -> None:
        self.root = request.build_absolute_uri("/").rstrip("/")

    def __call__(self, path: str, key: object) -> str:
        return f"{self.root}{path}/{key}"


NO_MATCH = "00000000-0000-0000-0000-000000000000"


def resolve_url(url: str, url_name: str) -> str | None:
    """The `uuid` of a local resource URL that routes to url_name, else None."""
    try:
        match = resolve(urlparse(url).path)
    except Resolver404:
        return None
    if match.url_name != url_name:
        return None
    return str(match.kwargs.get("uuid") or match.kwargs.get("pk") or "") or None


def bad_url(field: str) -> exceptions.ValidationError:
    error = exceptions.ErrorDetail("De URL verwijst niet naar een bestaand object.", code="bad-url")
    return exceptions.ValidationError({field: [error]})


class UrlField(serializers.CharField):
    """A resource URL. Django's URLValidator refuses hosts without a dot (testserver, mock)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        parts = urlparse(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise serializers.ValidationError("Voer een geldige URL in.", code="invalid")
        return value


class TextField(serializers.CharField):
    """Text the standard marks `nullable`: null is accepted and stored as no text ("")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)

    def run_validation(self, data: Any = serializers.empty) -> Any:
        value = super().run_validation(data)
        return "" if value is None else value
