# SPDX-License-Identifier: EUPL-1.2
"""Besluiten API 1.1.0 views: besluiten (decisions.Decision) and besluitinformatieobjecten
(documents.DocumentLink with object type besluit), with the besluit's audit trail."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.audit.selectors import audit_for
from plus1.cases.models import Case
from plus1.catalog.models import DecisionType
from plus1.decisions import selectors, services
from plus1.decisions.models import Decision, ExpiryReason
from plus1.documents.models import Document, DocumentLink
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.base import NO_MATCH, UrlField, Urls, ZgwViewSet, bad_url
from plus1.zgw.documenten.io import (
    EIO,
    audit_uuid,
    etag_response,
    local_key,
    local_or_remote,
    render_audit,
    type_filter,
)
from plus1.zgw.scopes import (
    BESLUITEN_AANMAKEN,
    BESLUITEN_BIJWERKEN,
    BESLUITEN_LEZEN,
    BESLUITEN_VERWIJDEREN,
    Scope,
)

BESLUIT, BIO = "/besluiten/api/v1/besluiten", "/besluiten/api/v1/besluitinformatieobjecten"
BESLUITTYPE, ZAAK = "/catalogi/api/v1/besluittypen", "/zaken/api/v1/zaken"
FIELDS = {
    "identificatie": "identification",
    "verantwoordelijkeOrganisatie": "responsible_organisation",
    "datum": "date",
    "toelichting": "explanation",
    "bestuursorgaan": "governing_body",
    "ingangsdatum": "effective_from",
    "vervaldatum": "expires_on",
    "vervalreden": "expiry_reason",
    "publicatiedatum": "published_on",
    "verzenddatum": "sent_on",
    "uiterlijkeReactiedatum": "response_deadline",
}


class BesluitIn(serializers.Serializer):
    identificatie = serializers.CharField(max_length=50, required=False, allow_blank=True)
    verantwoordelijkeOrganisatie = serializers.RegexField(r"^\d{9}$")
    besluittype = UrlField(max_length=200)
    zaak = UrlField(max_length=200, required=False, allow_blank=True)
    datum = serializers.DateField()
    toelichting = serializers.CharField(required=False, allow_blank=True)
    bestuursorgaan = serializers.CharField(max_length=50, required=False, allow_blank=True)
    ingangsdatum = serializers.DateField()
    vervaldatum = serializers.DateField(required=False, allow_null=True)
    vervalreden = serializers.ChoiceField(
        ["", *ExpiryReason.values], required=False, allow_blank=True
    )
    publicatiedatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    uiterlijkeReactiedatum = serializers.DateField(required=False, allow_null=True)

    def values(self) -> dict[str, Any]:
        return {FIELDS[k]: v for k, v in self.validated_data.items() if k in FIELDS}


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def render_besluit(decision: Decision, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(BESLUIT, decision.uuid),
        "identificatie": decision.identification,
        "verantwoordelijkeOrganisatie": decision.responsible_organisation,
        "besluittype": urls(BESLUITTYPE, decision.decision_type.uuid),
        "zaak": urls(ZAAK, decision.case.uuid) if decision.case else "",
        "datum": _date(decision.date),
        "toelichting": decision.explanation,
        "bestuursorgaan": decision.governing_body,
        "ingangsdatum": _date(decision.effective_from),
        "vervaldatum": _date(decision.expires_on),
        "vervalreden": decision.expiry_reason,
        "vervalredenWeergave": decision.get_expiry_reason_display()
        if decision.expiry_reason
        else "",
        "publicatiedatum": _date(decision.published_on),
        "verzenddatum": _date(decision.sent_on),
        "uiterlijkeReactiedatum": _date(decision.response_deadline),
    }


def render_bio(link: DocumentLink, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(BIO, link.uuid),
        "informatieobject": urls(EIO, link.document.uuid),
        "besluit": urls(BESLUIT, link.object_uuid),
    }


class BesluitenApi(ZgwViewSet):
    component = "brc"
    api_version = "1.1.0"
    lookup_field = "uuid"

    def _decision(self, uuid: str, scope: Scope) -> Decision:
        decision = get_object_or_404(selectors.decisions(), uuid=uuid)
        if not self.client.may_type(scope, str(decision.decision_type.uuid)):
            raise exceptions.PermissionDenied()
        return decision

    @property
    def base_url(self) -> str:
        return Urls(self.request).root


@no_personal_data
class BesluitViewSet(BesluitenApi):
    scopes = {
        "list": BESLUITEN_LEZEN,
        "retrieve": BESLUITEN_LEZEN,
        "audittrail": BESLUITEN_LEZEN,
        "audittrail_detail": BESLUITEN_LEZEN,
        "create": BESLUITEN_AANMAKEN,
        "update": BESLUITEN_BIJWERKEN,
        "partial_update": BESLUITEN_BIJWERKEN,
        "destroy": BESLUITEN_VERWIJDEREN,
    }

    def list(self, request: Request) -> Response:
        rows = selectors.decisions().filter(type_filter(self.client, BESLUITEN_LEZEN))
        params = request.query_params
        if params.get("identificatie"):
            rows = rows.filter(identification=params["identificatie"])
        if params.get("verantwoordelijkeOrganisatie"):
            rows = rows.filter(responsible_organisation=params["verantwoordelijkeOrganisatie"])
        if params.get("besluittype"):
            key = local_key(params["besluittype"], "besluittype-detail")
            rows = rows.filter(decision_type__uuid=key or NO_MATCH)
        if params.get("zaak"):
            rows = rows.filter(case__uuid=local_key(params["zaak"], "zaak-detail") or NO_MATCH)
        urls = Urls(request)
        return self.paginate(rows, lambda decision: render_besluit(decision, urls))

    def retrieve(self, request: Request, uuid: str) -> Response:
        return etag_response(
            request, render_besluit(self._decision(uuid, BESLUITEN_LEZEN), Urls(request))
        )

    def _case(self, url: str | None) -> Case | None:
        if not url:
            return None
        key = local_or_remote(url, "zaak-detail", "zaak")
        case = Case.objects.select_related("case_type").filter(uuid=key).first()
        if case is None:
            raise bad_url("zaak")
        return case

    def create(self, request: Request) -> Response:
        given = BesluitIn(data=request.data)
        given.is_valid(raise_exception=True)
        key = local_or_remote(
            given.validated_data["besluittype"], "besluittype-detail", "besluittype"
        )
        decision_type = DecisionType.objects.filter(uuid=key).first()
        if decision_type is None:
            raise bad_url("besluittype")
        if not self.client.may_type(BESLUITEN_AANMAKEN, key):
            raise exceptions.PermissionDenied()
        decision = services.decision_create(
            actor=self.client.actor,
            decision_type=decision_type,
            case=self._case(given.validated_data.get("zaak")),
            values=given.values(),
            base_url=self.base_url,
        )
        row = selectors.decisions().get(pk=decision.pk)
        return Response(render_besluit(row, Urls(request)), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        decision = self._decision(uuid, BESLUITEN_BIJWERKEN)
        given = BesluitIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        decision_type = None
        if "besluittype" in given.validated_data:
            key = local_or_remote(
                given.validated_data["besluittype"], "besluittype-detail", "besluittype"
            )
            decision_type = DecisionType.objects.filter(uuid=key).first()
            if decision_type is None:
                raise bad_url("besluittype")
        changes = given.values()
        if "zaak" in given.validated_data:
            changes["case"] = self._case(given.validated_data["zaak"])
        services.decision_update(
            actor=self.client.actor,
            decision=decision,
            decision_type=decision_type,
            changes=changes,
            partial=partial,
            base_url=self.base_url,
        )
        return Response(render_besluit(selectors.decisions().get(pk=decision.pk), Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)

    def destroy(self, request: Request, uuid: str) -> Response:
        decision = self._decision(uuid, BESLUITEN_VERWIJDEREN)
        services.decision_delete(actor=self.client.actor, decision=decision, base_url=self.base_url)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["get"])
    def audittrail(self, request: Request, uuid: str) -> Response:
        decision = self._decision(uuid, BESLUITEN_LEZEN)
        main = Urls(request)(BESLUIT, decision.uuid)
        return Response([render_audit(e, "brc", "besluit", main) for e in audit_for(decision)])

    @action(detail=True, methods=["get"], url_path=r"audittrail/(?P<entry_uuid>[0-9a-fA-F-]{36})")
    def audittrail_detail(self, request: Request, uuid: str, entry_uuid: str) -> Response:
        decision = self._decision(uuid, BESLUITEN_LEZEN)
        main = Urls(request)(BESLUIT, decision.uuid)
        for entry in audit_for(decision):
            if str(audit_uuid(entry)) == entry_uuid.lower():
                return Response(render_audit(entry, "brc", "besluit", main))
        raise Http404


class BioIn(serializers.Serializer):
    informatieobject = UrlField()
    besluit = UrlField()


@no_personal_data
class BesluitInformatieObjectViewSet(BesluitenApi):
    scopes = {
        "list": BESLUITEN_LEZEN,
        "retrieve": BESLUITEN_LEZEN,
        "create": BESLUITEN_AANMAKEN,
        "destroy": BESLUITEN_VERWIJDEREN,
    }

    def list(self, request: Request) -> Response:
        allowed = selectors.decisions().filter(type_filter(self.client, BESLUITEN_LEZEN))
        rows = selectors.decision_documents().filter(object_uuid__in=allowed.values("uuid"))
        params = request.query_params
        if params.get("besluit"):
            rows = rows.filter(
                object_uuid=local_key(params["besluit"], "besluit-detail") or NO_MATCH
            )
        if params.get("informatieobject"):
            key = local_key(params["informatieobject"], "enkelvoudiginformatieobject-detail")
            rows = rows.filter(document__uuid=key or NO_MATCH)
        urls = Urls(request)
        return Response([render_bio(row, urls) for row in rows])

    def _link(self, uuid: str, scope: Scope) -> tuple[DocumentLink, Decision]:
        link = get_object_or_404(selectors.decision_documents(), uuid=uuid)
        return link, self._decision(str(link.object_uuid), scope)

    def retrieve(self, request: Request, uuid: str) -> Response:
        link, _ = self._link(uuid, BESLUITEN_LEZEN)
        return etag_response(request, render_bio(link, Urls(request)))

    def create(self, request: Request) -> Response:
        given = BioIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        key = local_or_remote(v["besluit"], "besluit-detail", "besluit")
        decision = self._decision(key, BESLUITEN_AANMAKEN)
        doc_key = local_or_remote(
            v["informatieobject"], "enkelvoudiginformatieobject-detail", "informatieobject"
        )
        document = Document.objects.filter(uuid=doc_key).first()
        if document is None:
            raise bad_url("informatieobject")
        link = services.decision_document_add(
            actor=self.client.actor, decision=decision, document=document, base_url=self.base_url
        )
        row = selectors.decision_documents().get(pk=link.pk)
        return Response(render_bio(row, Urls(request)), status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, uuid: str) -> Response:
        link, decision = self._link(uuid, BESLUITEN_VERWIJDEREN)
        services.decision_document_remove(
            actor=self.client.actor, decision=decision, link=link, base_url=self.base_url
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
