# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: zaakcontactmomenten and zaakverzoeken, the zaak's references to contact
moments and requests in a Klantinteracties register (cases.CaseReference)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases import services_zaak as records
from plus1.cases.models import Case, CaseReference
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.base import UrlField, Urls
from plus1.zgw.scopes import ZAKEN_LEZEN
from plus1.zgw.zaken.io.zaken import ZAAK
from plus1.zgw.zaken.views.records import RecordViewSet
from plus1.zgw.zaken.views.zaken import RECORDS

Kind = CaseReference.Kind


class ReferenceViewSet(RecordViewSet):
    """One kind of reference; `field` is its name in the API (contactmoment, verzoek)."""

    model = CaseReference
    kind = ""
    scopes = {name: RECORDS[name] for name in ("list", "retrieve", "create", "destroy")}

    def rows(self) -> QuerySet[Any]:
        return super().rows().filter(kind=self.kind)

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        return {
            "url": urls(self.path, row.uuid),
            "uuid": str(row.uuid),
            "zaak": urls(ZAAK, row.case.uuid),
            self.kind: row.url,
        }

    def list(self, request: Request) -> Response:
        """Not paginated: the standard lists these as a plain array."""
        readable = Case.objects.filter(self.client.zaak_filter(ZAKEN_LEZEN)).values("pk")
        rows = self.filter_rows(self.rows().filter(case__in=readable), request.query_params)
        urls = Urls(request)
        return Response([self.render(row, urls) for row in rows])

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        rows = super().filter_rows(rows, params)
        if params.get(self.kind):
            rows = rows.filter(url=params[self.kind])
        return rows

    def create(self, request: Request) -> Response:
        given: serializers.Serializer[Any] = serializers.Serializer(data=request.data)
        given.fields["zaak"] = UrlField()
        given.fields[self.kind] = UrlField()
        given.is_valid(raise_exception=True)
        case = self._zaak_at(given.validated_data["zaak"])
        self._may_write(case)  # before anything is written
        with transaction.atomic():
            row = records.case_reference_add(
                actor=self.client.actor,
                case=case,
                kind=self.kind,
                url=given.validated_data[self.kind],
            )
            return self._saved(row, "create", created=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        row = self._row(uuid, scope=None)
        return self._deleted(
            row, lambda: records.case_reference_delete(actor=self.client.actor, row=row)
        )


@no_personal_data
class ZaakContactMomentViewSet(ReferenceViewSet):
    kind, resource, path = (
        Kind.CONTACT_MOMENT,
        "zaakcontactmoment",
        "/zaken/api/v1/zaakcontactmomenten",
    )


@no_personal_data
class ZaakVerzoekViewSet(ReferenceViewSet):
    kind, resource, path = Kind.REQUEST, "zaakverzoek", "/zaken/api/v1/zaakverzoeken"
