# SPDX-License-Identifier: EUPL-1.2
"""What the Catalogi API viewsets share: scopes, list/retrieve/create/update/destroy that
parse, call one service and render, the common filters, and URL-to-row lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.catalog.models import DecisionType
from plus1.common.legal_clock import InvalidTerm, parse_term
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.base import Urls, ZgwViewSet, bad_url, resolve_url
from plus1.zgw.catalogi import selectors as sel
from plus1.zgw.catalogi.io import Ctx
from plus1.zgw.scopes import (
    CATALOGI_GEFORCEERD_SCHRIJVEN,
    CATALOGI_GEFORCEERD_VERWIJDEREN,
    CATALOGI_LEZEN,
    CATALOGI_SCHRIJVEN,
    Needed,
)

VALIDITY = {
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_to",
    "beginObject": "object_from",
    "eindeObject": "object_to",
}


class DurationField(serializers.CharField):
    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            parse_term(value)
        except InvalidTerm as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from exc
        return value


class ValidityIn(serializers.Serializer):
    beginGeldigheid = serializers.DateField(required=False, allow_null=True)
    eindeGeldigheid = serializers.DateField(required=False, allow_null=True)
    beginObject = serializers.DateField(required=False, allow_null=True)
    eindeObject = serializers.DateField(required=False, allow_null=True)


def mapped(given: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Model values for the given API fields that map one to one (names: api -> model)."""
    return {model: given[api] for api, model in {**names, **VALIDITY}.items() if api in given}


def one_by_url(url: str, url_name: str, rows: QuerySet, field: str) -> Any:
    key = resolve_url(url or "", url_name)
    row = rows.filter(uuid=key).first() if key else None
    if row is None:
        raise bad_url(field)
    return row


def many_by_url(urls: list[str], url_name: str, rows: QuerySet, field: str) -> list[Any]:
    keys = [resolve_url(url, url_name) for url in urls]
    if None in keys:
        raise bad_url(field)
    found = list(rows.filter(uuid__in=set(keys)))
    if len(found) != len(set(keys)):
        raise bad_url(field)
    return found


def by_status(rows: QuerySet, params: Any, concept: str) -> QuerySet:
    """The `status` filter: concept, definitief (the default) or alles."""
    wanted = params.get("status", "definitief")
    if wanted == "concept":
        return rows.filter(**{concept: True})
    if wanted == "definitief":
        return rows.exclude(**{concept: True})
    return rows


def by_date(rows: QuerySet, params: Any, prefix: str = "") -> QuerySet:
    raw = params.get("datumGeldigheid") or params.get("datum_geldigheid")
    if not raw:
        return rows
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError as exc:
        error = serializers.ErrorDetail("Geef een datum op (JJJJ-MM-DD).", code="invalid")
        raise serializers.ValidationError({"datumGeldigheid": [error]}) from exc
    return sel.valid_on(rows, day, prefix)


def by_zaaktype(rows: QuerySet, params: Any, dated: str = "") -> QuerySet:
    """The zaaktype and zaaktypeIdentificatie filters of the parts of a zaaktype; `dated`
    names the relation whose validity datumGeldigheid filters on ("" for the row itself)."""
    if params.get("zaaktype"):
        rows = rows.filter(case_type__uuid=resolve_url(params["zaaktype"], "zaaktype-detail"))
    code = params.get("zaaktypeIdentificatie") or params.get("zaaktype_identificatie")
    if code:
        rows = rows.filter(case_type__code=code)
    return by_date(by_status(rows, params, "case_type__concept"), params, dated)


# As the standard's security sections: changes (and new parts of a zaaktype) with
# catalogi.schrijven or catalogi.geforceerd-schrijven, deletes with catalogi.schrijven or
# catalogi.geforceerd-verwijderen; the services then refuse what only the forced scope allows.
WRITE = (CATALOGI_SCHRIJVEN, CATALOGI_GEFORCEERD_SCHRIJVEN)
READ_WRITE: dict[str, Needed] = {
    "list": CATALOGI_LEZEN,
    "retrieve": CATALOGI_LEZEN,
    "create": WRITE,
    "update": WRITE,
    "partial_update": WRITE,
    "destroy": (CATALOGI_SCHRIJVEN, CATALOGI_GEFORCEERD_VERWIJDEREN),
}
# zaaktypen, informatieobjecttypen, besluittypen: made and published with catalogi.schrijven
PUBLISHABLE: dict[str, Needed] = {
    **READ_WRITE,
    "create": CATALOGI_SCHRIJVEN,
    "publish": CATALOGI_SCHRIJVEN,
}


@no_personal_data  # the catalogue describes kinds of cases, never a person
class CatalogiViewSet(ZgwViewSet):
    """A Catalogi resource: subclasses name the selector, renderer, input and services."""

    component = "ztc"
    api_version = "1.3.1"
    lookup_field = "uuid"
    scopes = READ_WRITE
    model: ClassVar[type[Model]]
    selector: ClassVar[Callable[[], QuerySet]]
    renderer: ClassVar[Callable[[Any, Ctx], dict[str, Any]]]
    input: ClassVar[type[serializers.Serializer]]

    @property
    def force_delete(self) -> bool:
        """The client may delete published types too."""
        return self.client.has_scope(CATALOGI_GEFORCEERD_VERWIJDEREN)

    @property
    def force_write(self) -> bool:
        """The client may change published types too (not make new ones by force). Only with
        the scope by name: a client with all rights keeps the standard's refusals, as the VNG
        suite expects of it."""
        return self.client.has_explicit_scope(CATALOGI_GEFORCEERD_SCHRIJVEN)

    @property
    def force_part_delete(self) -> bool:
        """The client may delete parts of a published zaaktype (by name, as force_write)."""
        return self.client.has_explicit_scope(CATALOGI_GEFORCEERD_VERWIJDEREN)

    def ctx(self) -> Ctx:
        raw = self.request.query_params.get("datumGeldigheid") or ""
        try:
            day = dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            day = None  # a list refuses it in by_date; a detail shows today's relations
        return Ctx(Urls(self.request), sel.default_catalogus(), day)

    def filtered(self, rows: QuerySet, params: Any) -> QuerySet:
        return rows

    def save(self, row: Any, given: dict[str, Any]) -> Any:
        raise NotImplementedError

    def remove(self, row: Any) -> None:
        raise NotImplementedError

    def show(self, row: Any, code: int = status.HTTP_200_OK) -> Response:
        fresh = type(self).selector().get(pk=row.pk)
        return Response(type(self).renderer(fresh, self.ctx()), status=code)

    def list(self, request: Request) -> Response:
        rows = self.filtered(type(self).selector(), request.query_params)
        ctx = self.ctx()
        return self.paginate(rows, lambda row: type(self).renderer(row, ctx))

    def retrieve(self, request: Request, uuid: str) -> Response:
        return self.show(get_object_or_404(type(self).selector(), uuid=uuid))

    def create(self, request: Request) -> Response:
        given = self.input(data=request.data)
        given.is_valid(raise_exception=True)
        row = self.save(self.model(), given.validated_data)
        return self.show(row, status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        row = get_object_or_404(type(self).selector(), uuid=uuid)
        given = self.input(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        return self.show(self.save(row, given.validated_data))

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        self.remove(get_object_or_404(type(self).selector(), uuid=uuid))
        return Response(status=status.HTTP_204_NO_CONTENT)


def decision_types_in(given: dict[str, Any]) -> dict[str, list[Any]]:
    """The besluittypen a request relates a type to, by URL (an empty dict when not given)."""
    if "besluittypen" not in given:
        return {}
    rows = DecisionType.objects.all()
    return {
        "decision_types": many_by_url(
            given["besluittypen"], "besluittype-detail", rows, "besluittypen"
        )
    }
