# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1: zaakinformatieobjecten, served over documents.DocumentLink (the same row
the Documenten API shows as objectinformatieobject with objectType zaak)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case
from plus1.catalog.models import CaseTypeDocumentType
from plus1.documents import links as document_links
from plus1.documents.models import Document, DocumentLink, ObjectType
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.auth import uuid_in_url
from plus1.zgw.base import NO_MATCH, UrlField, Urls, resolve_url
from plus1.zgw.scopes import ZAKEN_LEZEN
from plus1.zgw.zaken.io.zaken import ZAAK
from plus1.zgw.zaken.links import ZIO
from plus1.zgw.zaken.remote import invalid
from plus1.zgw.zaken.views.zaken import RECORDS, ZakenApi

DOCUMENT = "/documenten/api/v1/enkelvoudiginformatieobjecten"
RELATION = "Hoort bij, omgekeerd: kent"


class ZaakInformatieObjectIn(serializers.Serializer):
    informatieobject = UrlField()
    zaak = UrlField()
    titel = serializers.CharField(max_length=200, required=False, allow_blank=True)
    beschrijving = serializers.CharField(required=False, allow_blank=True)
    vernietigingsdatum = serializers.DateTimeField(required=False, allow_null=True)
    status = UrlField(required=False, allow_null=True, allow_blank=True)

    def data_fields(self) -> dict[str, Any]:
        v = self.validated_data
        return {
            name: (value.isoformat() if hasattr(value, "isoformat") else value)
            for name, value in v.items()
            if name in ("titel", "beschrijving", "vernietigingsdatum", "status")
        }


def render_zio(link: DocumentLink, urls: Urls) -> dict[str, Any]:
    data = link.data or {}
    return {
        "url": urls(ZIO, link.uuid),
        "uuid": str(link.uuid),
        "informatieobject": urls(DOCUMENT, link.document.uuid),
        "zaak": urls(ZAAK, link.object_uuid),
        "aardRelatieWeergave": RELATION,
        "titel": data.get("titel", ""),
        "beschrijving": data.get("beschrijving", ""),
        "registratiedatum": link.created_at.isoformat(),
        "vernietigingsdatum": data.get("vernietigingsdatum"),
        "status": data.get("status") or None,
    }


@no_personal_data
class ZaakInformatieObjectViewSet(ZakenApi):
    scopes = RECORDS

    def _rows(self) -> QuerySet[DocumentLink]:
        return (
            DocumentLink.objects.filter(object_type=ObjectType.ZAAK)
            .select_related("document__document_type")
            .order_by("pk")
        )

    def list(self, request: Request) -> Response:
        readable = Case.objects.filter(self.client.zaak_filter(ZAKEN_LEZEN)).values("uuid")
        rows = self._rows().filter(object_uuid__in=readable)
        params = request.query_params
        if params.get("zaak"):
            rows = rows.filter(object_uuid=resolve_url(params["zaak"], "zaak-detail") or NO_MATCH)
        if params.get("informatieobject"):
            rows = rows.filter(document__uuid=uuid_in_url(params["informatieobject"]) or NO_MATCH)
        urls = Urls(request)
        return Response([render_zio(row, urls) for row in rows])

    def _link(self, uuid: str) -> tuple[DocumentLink, Case]:
        link = get_object_or_404(self._rows(), uuid=uuid)
        case = get_object_or_404(
            Case.objects.select_related("case_type", "zgw"), uuid=link.object_uuid
        )
        return link, case

    def retrieve(self, request: Request, uuid: str) -> Response:
        link, case = self._link(uuid)
        if not self.client.may_zaak(ZAKEN_LEZEN, case.case_type.uuid, case.confidentiality):
            raise exceptions.PermissionDenied()
        return Response(render_zio(link, Urls(request)))

    def create(self, request: Request) -> Response:
        given = ZaakInformatieObjectIn(data=request.data)
        given.is_valid(raise_exception=True)
        case = self._zaak_at(given.validated_data["zaak"])
        document = _document_at(given.validated_data["informatieobject"])
        if not CaseTypeDocumentType.objects.filter(
            case_type=case.case_type, document_type=document.document_type
        ).exists():
            raise invalid(
                "nonFieldErrors",
                "missing-zaaktype-informatieobjecttype-relation",
                "Het informatieobjecttype van het document hoort niet bij het zaaktype.",
            )
        self._may_write(case)  # before anything is written
        with transaction.atomic():
            link = document_links.document_link_create(
                actor=self.client.actor,
                document=document,
                object_type=ObjectType.ZAAK,
                object_uuid=case.uuid,
                data=given.data_fields(),
            )
            urls = Urls(request)
            self._notify("create", "zaakinformatieobject", urls(ZIO, link.uuid), case)
        return Response(
            render_zio(self._rows().get(pk=link.pk), urls), status=status.HTTP_201_CREATED
        )

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        link, case = self._link(uuid)
        data = request.data
        if partial:
            data = {**render_zio(link, Urls(request)), **request.data}
        given = ZaakInformatieObjectIn(data=data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        if resolve_url(v["zaak"], "zaak-detail") != str(case.uuid):
            raise invalid("zaak", "wijzigen-niet-toegelaten", "De zaak kan niet gewijzigd worden.")
        if uuid_in_url(v["informatieobject"]) != str(link.document.uuid):
            raise invalid(
                "informatieobject",
                "wijzigen-niet-toegelaten",
                "Het document kan niet gewijzigd worden.",
            )
        with transaction.atomic():
            self._may_write(case)
            link = document_links.document_link_update(
                actor=self.client.actor, link=link, data=given.data_fields()
            )
            urls = Urls(request)
            self._notify(
                "partial_update" if partial else "update",
                "zaakinformatieobject",
                urls(ZIO, link.uuid),
                case,
            )
        return Response(render_zio(self._rows().get(pk=link.pk), urls))

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        link, case = self._link(uuid)
        with transaction.atomic():
            self._may_write(case)
            self._notify("destroy", "zaakinformatieobject", Urls(request)(ZIO, link.uuid), case)
            document_links.document_link_delete(actor=self.client.actor, link=link)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _document_at(url: str) -> Document:
    key = uuid_in_url(url) if f"{DOCUMENT}/" in url else None
    document = (
        Document.objects.select_related("document_type").filter(uuid=key).first() if key else None
    )
    if document is None:
        raise invalid(
            "informatieobject", "bad-url", "De URL verwijst niet naar een bestaand document."
        )
    return document
