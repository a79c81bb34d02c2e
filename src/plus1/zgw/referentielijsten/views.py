# SPDX-License-Identifier: EUPL-1.2
"""Referentielijsten API (selectielijst): the VNG data shipped in plus1/zgw/data, read-only
and public. Procestypen and resultaattypeomschrijvingen are plain lists; resultaten are
paginated (100 per page) and can be filtered on `proces_type`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.http import Http404
from django.utils import timezone
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.privacy.declarations import no_personal_data
from plus1.zgw.auth import uuid_in_url
from plus1.zgw.base import Pagination, refuse_unknown_query_params, zgw_exception_handler

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = "/referentielijsten/api/v1"


@cache
def _rows(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads((DATA / f"{name}.json").read_text(encoding="utf-8")))


@no_personal_data
class ReferentieView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    schema = None  # documented by the standard's own OpenAPI file

    def get_exception_handler(self) -> Any:
        return zgw_exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        refuse_unknown_query_params(request)

    def url(self, collection: str, key: str) -> str:
        return self.request.build_absolute_uri(f"{ROOT}/{collection}/{key}")

    def render(self, collection: str, row: dict[str, Any]) -> dict[str, Any]:
        body = {**row, "url": self.url(collection, row["url"])}
        if "procesType" in row:
            body["procesType"] = self.url("procestypen", row["procesType"])
        return body

    def one(self, collection: str, uuid: str) -> Response:
        for row in _rows(collection):
            if row["url"] == str(uuid).lower():
                return Response(self.render(collection, row))
        raise Http404


class ProcesTypen(ReferentieView):
    def get(self, request: Request) -> Response:
        jaar = request.query_params.get("jaar")
        if jaar is not None and not jaar.isdigit():
            error = serializers.ErrorDetail("Geef een jaartal op.", code="invalid")
            raise serializers.ValidationError({"jaar": [error]})
        rows = [r for r in _rows("procestypen") if jaar is None or r["jaar"] == int(jaar)]
        return Response([self.render("procestypen", row) for row in rows])


class ProcesType(ReferentieView):
    def get(self, request: Request, uuid: str) -> Response:
        return self.one("procestypen", uuid)


class ResultaattypeOmschrijvingen(ReferentieView):
    def get(self, request: Request) -> Response:
        rows = _rows("resultaattypeomschrijvingen")
        return Response([self.render("resultaattypeomschrijvingen", row) for row in rows])


class ResultaattypeOmschrijving(ReferentieView):
    def get(self, request: Request, uuid: str) -> Response:
        return self.one("resultaattypeomschrijvingen", uuid)


class Resultaten(ReferentieView):
    def get(self, request: Request) -> Response:
        rows: list[dict[str, Any]] = list(_rows("resultaten"))
        proces_type = request.query_params.get("proces_type")
        if proces_type:
            wanted = uuid_in_url(proces_type)
            if wanted is None:
                error = serializers.ErrorDetail(
                    "Geef de URL van een procestype op.", code="invalid"
                )
                raise serializers.ValidationError({"proces_type": [error]})
            rows = [row for row in rows if row["procesType"] == wanted]
        paginator = Pagination()
        page: list[dict[str, Any]] | None = paginator.paginate_queryset(
            rows,  # type: ignore[arg-type]  # a list pages as well as a queryset
            request,
            view=self,
        )
        return paginator.get_paginated_response(
            [self.render("resultaten", row) for row in page or []]
        )


class Resultaat(ReferentieView):
    def get(self, request: Request, uuid: str) -> Response:
        return self.one("resultaten", uuid)


class Health(ReferentieView):
    def get(self, request: Request) -> Response:
        return Response({"healthy": True, "time": timezone.now().isoformat()})
