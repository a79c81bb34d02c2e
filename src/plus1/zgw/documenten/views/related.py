# SPDX-License-Identifier: EUPL-1.2
"""Documenten API 1.4.2 views around a document: gebruiksrechten (documents.UsageRight),
objectinformatieobjecten (documents.DocumentLink, made through the Zaken and Besluiten
APIs) and bestandsdelen (documents.DocumentPart, uploads in parts)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.documents import links, selectors, services
from plus1.documents.models import Dispatch, Document, DocumentLink, DocumentPart, UsageRight
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.auth import uuid_in_url
from plus1.zgw.base import UrlField, Urls, bad_url
from plus1.zgw.documenten.io import (
    BESTANDSDELEN,
    LinkIn,
    UsageRightIn,
    etag_response,
    local_key,
    local_or_remote,
    render_link,
    render_usage_right,
    type_filter,
)
from plus1.zgw.documenten.views.documenten import DocumentenApi
from plus1.zgw.scopes import (
    DOCUMENTEN_AANMAKEN,
    DOCUMENTEN_BIJWERKEN,
    DOCUMENTEN_LEZEN,
    DOCUMENTEN_VERWIJDEREN,
    Needed,
    Scope,
)

OBJECT_URL_NAMES = {"zaak": "zaak-detail", "besluit": "besluit-detail"}


def _nonfield(message: str, code: str) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {"nonFieldErrors": [exceptions.ErrorDetail(message, code=code)]}
    )


RELATED_SCOPES: dict[str, Needed] = {
    "list": DOCUMENTEN_LEZEN,
    "retrieve": DOCUMENTEN_LEZEN,
    "create": DOCUMENTEN_AANMAKEN,
    "update": DOCUMENTEN_BIJWERKEN,
    "partial_update": DOCUMENTEN_BIJWERKEN,
    "destroy": DOCUMENTEN_VERWIJDEREN,
}

Related = TypeVar("Related", UsageRight, Dispatch, DocumentLink)


class RelatedToDocument(DocumentenApi):
    """Base of the resources that belong to one document (gebruiksrechten, verzendingen,
    objectinformatieobjecten): a client's rights on them are its rights on that document,
    by the document's informatieobjecttype and confidentiality. The scopes are the
    document's for each action; a resource with fewer actions names its own."""

    scopes = RELATED_SCOPES

    def _related(self, rows: QuerySet[Related], uuid: str, scope: Scope) -> Related:
        """The row with this uuid (404 if none), if the client holds `scope` for its document."""
        row = get_object_or_404(rows, uuid=uuid)
        self._may(row.document, scope)
        return row

    def _document_from(self, url: str, scope: Scope) -> Document:
        key = local_or_remote(url, "enkelvoudiginformatieobject-detail", "informatieobject")
        document = Document.objects.select_related("document_type").filter(uuid=key).first()
        if document is None:
            raise bad_url("informatieobject")
        self._may(document, scope)
        return document


class UsageRightFilter(serializers.Serializer):
    informatieobject = UrlField(required=False)
    startdatum__lt = serializers.DateTimeField(required=False)
    startdatum__lte = serializers.DateTimeField(required=False)
    startdatum__gt = serializers.DateTimeField(required=False)
    startdatum__gte = serializers.DateTimeField(required=False)
    einddatum__lt = serializers.DateTimeField(required=False)
    einddatum__lte = serializers.DateTimeField(required=False)
    einddatum__gt = serializers.DateTimeField(required=False)
    einddatum__gte = serializers.DateTimeField(required=False)

    FIELDS = {"startdatum": "starts_at", "einddatum": "ends_at"}

    def lookups(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, value in self.validated_data.items():
            if name == "informatieobject":
                key = local_key(value, "enkelvoudiginformatieobject-detail")
                found["document__uuid"] = key or "00000000-0000-0000-0000-000000000000"
            else:
                field, op = name.split("__")
                found[f"{self.FIELDS[field]}__{op}"] = value
        return found


@no_personal_data
class UsageRightViewSet(RelatedToDocument):
    def list(self, request: Request) -> Response:
        given = UsageRightFilter(data=request.query_params)
        given.is_valid(raise_exception=True)
        rows = selectors.usage_rights().filter(
            type_filter(self.client, DOCUMENTEN_LEZEN, "document__"), **given.lookups()
        )
        urls = Urls(request)
        return Response([render_usage_right(row, urls) for row in rows])

    def retrieve(self, request: Request, uuid: str) -> Response:
        right = self._related(selectors.usage_rights(), uuid, DOCUMENTEN_LEZEN)
        return etag_response(request, render_usage_right(right, Urls(request)))

    def create(self, request: Request) -> Response:
        given = UsageRightIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        document = self._document_from(v["informatieobject"], DOCUMENTEN_AANMAKEN)
        right = links.usage_right_create(
            actor=self.client.actor,
            document=document,
            starts_at=v["startdatum"],
            ends_at=v.get("einddatum"),
            conditions=v["omschrijvingVoorwaarden"],
        )
        row = selectors.usage_rights().get(pk=right.pk)
        return Response(render_usage_right(row, Urls(request)), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        right = self._related(selectors.usage_rights(), uuid, DOCUMENTEN_BIJWERKEN)
        given = UsageRightIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        changes: dict[str, Any] = {}
        if "informatieobject" in v:
            changes["document"] = self._document_from(v["informatieobject"], DOCUMENTEN_LEZEN)
        names = {"startdatum": "starts_at", "einddatum": "ends_at"}
        names["omschrijvingVoorwaarden"] = "conditions"
        changes.update({names[k]: value for k, value in v.items() if k in names})
        links.usage_right_update(actor=self.client.actor, right=right, changes=changes)
        row = selectors.usage_rights().get(pk=right.pk)
        return Response(render_usage_right(row, Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)

    def destroy(self, request: Request, uuid: str) -> Response:
        right = self._related(selectors.usage_rights(), uuid, DOCUMENTEN_VERWIJDEREN)
        links.usage_right_delete(actor=self.client.actor, right=right)
        return Response(status=status.HTTP_204_NO_CONTENT)


@no_personal_data
class ObjectLinkViewSet(RelatedToDocument):
    """Read-only in practice: links are made and removed through the Zaken and Besluiten APIs."""

    scopes = {
        "list": DOCUMENTEN_LEZEN,
        "retrieve": DOCUMENTEN_LEZEN,
        "create": DOCUMENTEN_AANMAKEN,
        "destroy": DOCUMENTEN_VERWIJDEREN,
    }

    def list(self, request: Request) -> Response:
        rows = selectors.links().filter(type_filter(self.client, DOCUMENTEN_LEZEN, "document__"))
        params = request.query_params
        if params.get("informatieobject"):
            key = local_key(params["informatieobject"], "enkelvoudiginformatieobject-detail")
            rows = rows.filter(document__uuid=key or "00000000-0000-0000-0000-000000000000")
        if params.get("object"):
            rows = rows.filter(
                object_uuid=uuid_in_url(params["object"]) or "00000000-0000-0000-0000-000000000000"
            )
        urls = Urls(request)
        return Response([render_link(row, urls) for row in rows])

    def retrieve(self, request: Request, uuid: str) -> Response:
        link = self._related(selectors.links(), uuid, DOCUMENTEN_LEZEN)
        return etag_response(request, render_link(link, Urls(request)))

    def create(self, request: Request) -> Response:
        """The link exists once the Zaken or Besluiten API made it; here it is only checked."""
        given = LinkIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        object_type = v["objectType"]
        if object_type not in OBJECT_URL_NAMES:
            raise bad_url("object")
        object_key = local_or_remote(v["object"], OBJECT_URL_NAMES[object_type], "object")
        document = self._document_from(v["informatieobject"], DOCUMENTEN_AANMAKEN)
        if DocumentLink.objects.filter(
            document=document, object_type=object_type, object_uuid=object_key
        ).exists():
            raise _nonfield("Dit document is al aan dit object gekoppeld.", "unique")
        raise _nonfield(
            f"Koppel het document eerst via de API van de {object_type}.",
            "inconsistent-relation",
        )

    def destroy(self, request: Request, uuid: str) -> Response:
        get_object_or_404(DocumentLink, uuid=uuid)
        raise _nonfield(
            "Ontkoppel het document via de Zaken of Besluiten API.", "inconsistent-relation"
        )


class PartIn(serializers.Serializer):
    inhoud = serializers.FileField()
    lock = serializers.CharField()


@no_personal_data
class PartViewSet(DocumentenApi):
    scopes = {"update": DOCUMENTEN_BIJWERKEN}
    parser_classes = [MultiPartParser, FormParser]

    def update(self, request: Request, uuid: str) -> Response:
        part = get_object_or_404(
            DocumentPart.objects.select_related("version__document"), uuid=uuid
        )
        self._document(str(part.version.document.uuid), DOCUMENTEN_BIJWERKEN)
        given = PartIn(data=request.data)
        given.is_valid(raise_exception=True)
        services.document_part_upload(
            actor=self.client.actor,
            part=part,
            lock=given.validated_data["lock"],
            upload=given.validated_data["inhoud"],
        )
        part.refresh_from_db()
        return Response(
            {
                "url": Urls(request)(BESTANDSDELEN, part.uuid),
                "volgnummer": part.number,
                "omvang": part.size,
                "voltooid": bool(part.content),
                "lock": "",
            }
        )
