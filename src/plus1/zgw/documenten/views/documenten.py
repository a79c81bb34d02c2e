# SPDX-License-Identifier: EUPL-1.2
"""Documenten API 1.4.2 views: enkelvoudiginformatieobjecten (documents.Document) with their
versions, locks, downloads and audit trail. Gebruiksrechten, objectinformatieobjecten and
bestandsdelen are in related.py, verzendingen in ../verzendingen.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_datetime
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.audit.selectors import audit_for
from plus1.catalog.models import DocumentType
from plus1.documents import selectors, services
from plus1.documents.models import Document, DocumentVersion
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.privacy.services import personal_data_page_access
from plus1.zgw.base import Pagination, Urls, ZgwViewSet, bad_url
from plus1.zgw.documenten.io import (
    EIO,
    DocumentIn,
    audit_uuid,
    etag_response,
    local_or_remote,
    render_audit,
    render_document,
    type_filter,
)
from plus1.zgw.scopes import (
    DOCUMENTEN_AANMAKEN,
    DOCUMENTEN_BIJWERKEN,
    DOCUMENTEN_GEFORCEERD_BIJWERKEN,
    DOCUMENTEN_GEFORCEERD_UNLOCK,
    DOCUMENTEN_LEZEN,
    DOCUMENTEN_LOCK,
    DOCUMENTEN_VERWIJDEREN,
    Scope,
)


class BinaryRenderer(BaseRenderer):
    """Lets clients ask a download for `Accept: application/octet-stream`; errors stay JSON."""

    media_type = "application/octet-stream"
    format = "binary"

    def render(self, data: Any, accepted_media_type: Any = None, context: Any = None) -> bytes:
        return JSONRenderer().render(data) if data is not None else b""


class DocumentenApi(ZgwViewSet):
    component = "drc"
    api_version = "1.4.2"
    lookup_field = "uuid"

    def _may(self, document: Document, scope: Scope) -> None:
        """A 403 unless this client holds `scope` for the document's type and confidentiality."""
        if not self.client.may_type(
            scope, str(document.document_type.uuid), document.confidentiality
        ):
            raise exceptions.PermissionDenied()

    def _document(self, uuid: str, scope: Scope) -> Document:
        """The document, if this client holds `scope` for its type and confidentiality."""
        document = get_object_or_404(selectors.documents(), uuid=uuid)
        self._may(document, scope)
        return document

    def _trail(self, documents: list[Document], name: str) -> None:
        """Documents of a resident's zaak are that resident's data: record who read them
        (one trail record per person, one audit entry for the request)."""
        cases = list(selectors.cases_with_initiator(documents)) if documents else []
        if cases:
            personal_data_page_access(actor=self.client.actor, cases=cases, name=name)


@processing_activity(CASE_TYPE)
class DocumentViewSet(DocumentenApi):
    scopes = {
        "list": DOCUMENTEN_LEZEN,
        "retrieve": DOCUMENTEN_LEZEN,
        "zoek": DOCUMENTEN_LEZEN,
        "download": DOCUMENTEN_LEZEN,
        "audittrail": DOCUMENTEN_LEZEN,
        "audittrail_detail": DOCUMENTEN_LEZEN,
        "create": DOCUMENTEN_AANMAKEN,
        "update": DOCUMENTEN_BIJWERKEN,
        "partial_update": DOCUMENTEN_BIJWERKEN,
        "destroy": DOCUMENTEN_VERWIJDEREN,
        "lock": DOCUMENTEN_LOCK,
        "unlock": DOCUMENTEN_LOCK,
    }

    def _list(self, params: Any) -> Response:
        rows = selectors.documents().filter(type_filter(self.client, DOCUMENTEN_LEZEN))
        if params.get("identificatie"):
            rows = rows.filter(identification=params["identificatie"])
        if params.get("bronorganisatie"):
            rows = rows.filter(source_organisation=params["bronorganisatie"])
        for word in _as_list(params.get("trefwoorden")):
            rows = rows.filter(current__data__trefwoorden__icontains=f'"{word}"')
        if "uuid__in" in params:
            rows = rows.filter(uuid__in=_as_list(params["uuid__in"]))
        paginator = Pagination()
        page = list(paginator.paginate_queryset(rows, self.request, view=self) or [])
        self._trail(page, "documenten bekeken via de Documenten API")
        urls = Urls(self.request)
        return paginator.get_paginated_response([render_document(row, urls) for row in page])

    def list(self, request: Request) -> Response:
        return self._list(request.query_params)

    @action(detail=False, methods=["post"], url_path="_zoek")
    def zoek(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            raise exceptions.ParseError()
        return self._list(request.data)

    def _version(self, document: Document) -> DocumentVersion:
        params = self.request.query_params
        number, moment = params.get("versie"), params.get("registratieOp")
        problems = {}
        if number is not None and not number.isdigit():
            problems["versie"] = ["Geef een versienummer."]
        when: dt.datetime | None = parse_datetime(moment) if moment else None
        if moment and when is None:
            problems["registratieOp"] = ["Geef een datum en tijd (ISO 8601)."]
        if problems:
            raise exceptions.ValidationError(problems)
        try:
            return selectors.as_of(document, int(number) if number else None, when)
        except DocumentVersion.DoesNotExist as exc:
            raise Http404 from exc

    def retrieve(self, request: Request, uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_LEZEN)
        body = render_document(document, Urls(request), self._version(document))
        self._trail([document], "document bekeken via de Documenten API")
        return etag_response(request, body)

    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, BinaryRenderer])
    def download(self, request: Request, uuid: str) -> FileResponse:
        document = self._document(uuid, DOCUMENTEN_LEZEN)
        version = self._version(document)
        if not version.content:
            raise Http404
        self._trail([document], "document gedownload via de Documenten API")
        return FileResponse(
            version.content.open("rb"),
            as_attachment=True,
            filename=version.data.get("bestandsnaam") or f"{uuid}.bin",
            content_type="application/octet-stream",
        )

    def create(self, request: Request) -> Response:
        given = DocumentIn(data=request.data)
        given.is_valid(raise_exception=True)
        url = given.validated_data["informatieobjecttype"]
        key = local_or_remote(url, "informatieobjecttype-detail", "informatieobjecttype")
        document_type = DocumentType.objects.filter(uuid=key).first()
        if document_type is None:
            raise bad_url("informatieobjecttype")
        values = given.split()
        values.pop("content_given")
        level = values["confidentiality"] or document_type.confidentiality
        if not self.client.may_type(DOCUMENTEN_AANMAKEN, key, level):
            raise exceptions.PermissionDenied()
        document = services.document_create(
            actor=self.client.actor,
            document_type=document_type,
            size=values.pop("size", None),
            **values,
        )
        row = selectors.documents().get(pk=document.pk)
        body = {**render_document(row, Urls(request)), "lock": row.lock}
        return Response(body, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        document = self._document(uuid, DOCUMENTEN_BIJWERKEN)
        given = DocumentIn(data=request.data, partial=partial, require_lock=not partial)
        given.is_valid(raise_exception=True)
        url = given.validated_data.get("informatieobjecttype")
        if url and local_or_remote(
            url, "informatieobjecttype-detail", "informatieobjecttype"
        ) != str(document.document_type.uuid):
            error = exceptions.ErrorDetail(
                "Het informatieobjecttype kan niet gewijzigd worden.",
                code="wijzigen-niet-toegelaten",
            )
            raise exceptions.ValidationError({"informatieobjecttype": [error]})
        lock = given.validated_data.get("lock") or request.data.get("lock")
        changes = given.split()
        content, content_given = changes.pop("content"), changes.pop("content_given")
        services.document_update(
            actor=self.client.actor,
            document=document,
            lock=lock,
            partial=partial,
            changes=changes,
            content=content,
            content_given=content_given,
            force=self.client.may_type(
                DOCUMENTEN_GEFORCEERD_BIJWERKEN,
                str(document.document_type.uuid),
                document.confidentiality,
            ),
        )
        row = selectors.documents().get(pk=document.pk)
        return Response(render_document(row, Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)

    def destroy(self, request: Request, uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_VERWIJDEREN)
        services.document_delete(actor=self.client.actor, document=document)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def lock(self, request: Request, uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_LOCK)
        return Response(
            {"lock": services.document_lock(actor=self.client.actor, document=document)}
        )

    @action(detail=True, methods=["post"])
    def unlock(self, request: Request, uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_LOCK)
        force = self.client.may_type(
            DOCUMENTEN_GEFORCEERD_UNLOCK,
            str(document.document_type.uuid),
            document.confidentiality,
        )
        lock = request.data.get("lock", "") if isinstance(request.data, dict) else ""
        services.document_unlock(
            actor=self.client.actor, document=document, lock=str(lock or ""), force=force
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["get"])
    def audittrail(self, request: Request, uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_LEZEN)
        main = Urls(request)(EIO, document.uuid)
        return Response(
            [
                render_audit(entry, "drc", "enkelvoudiginformatieobject", main)
                for entry in audit_for(document)
            ]
        )

    @action(detail=True, methods=["get"], url_path=r"audittrail/(?P<entry_uuid>[0-9a-fA-F-]{36})")
    def audittrail_detail(self, request: Request, uuid: str, entry_uuid: str) -> Response:
        document = self._document(uuid, DOCUMENTEN_LEZEN)
        main = Urls(request)(EIO, document.uuid)
        for entry in audit_for(document):
            if str(audit_uuid(entry)) == entry_uuid.lower():
                return Response(render_audit(entry, "drc", "enkelvoudiginformatieobject", main))
        raise Http404


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return [item for item in str(value).split(",") if item]
