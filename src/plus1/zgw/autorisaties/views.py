# SPDX-License-Identifier: EUPL-1.2
"""Autorisaties API 1.0.0: applicaties (zgw.Applicatie) with their client ids and
autorisaties. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.catalog.models import Confidentiality
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.autorisaties import selectors
from plus1.zgw.autorisaties import services as services
from plus1.zgw.base import UrlField, Urls, ZgwViewSet
from plus1.zgw.models import Applicatie, Autorisatie, Component
from plus1.zgw.scopes import AUTORISATIES_BIJWERKEN, AUTORISATIES_LEZEN, Unscoped

APPLICATIE = "/autorisaties/api/v1/applicaties"
WEERGAVE = {
    "ac": "Autorisatiecomponent",
    "nrc": "Notificatierouteringcomponent",
    "zrc": "Zaakregistratiecomponent",
    "ztc": "Zaaktypecatalogus",
    "drc": "Documentregistratiecomponent",
    "brc": "Besluitregistratiecomponent",
    "kic": "Klantinteractiescomponent",
}
# The fields each component's autorisatie shows (the spec's discriminator on `component`).
SHOWN = {
    "zrc": ("zaaktype", "max_vertrouwelijkheidaanduiding"),
    "drc": ("informatieobjecttype", "max_vertrouwelijkheidaanduiding"),
    "brc": ("besluittype",),
}


class AutorisatieIn(serializers.Serializer):
    component = serializers.ChoiceField(choices=Component.values)
    scopes = serializers.ListField(child=serializers.CharField(max_length=100))
    zaaktype = UrlField(required=False, allow_blank=True)
    informatieobjecttype = UrlField(required=False, allow_blank=True)
    besluittype = UrlField(required=False, allow_blank=True)
    maxVertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Confidentiality.values, required=False, allow_blank=True
    )

    def to_service(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "component": data["component"],
            "scopes": data["scopes"],
            "zaaktype": data.get("zaaktype", ""),
            "informatieobjecttype": data.get("informatieobjecttype", ""),
            "besluittype": data.get("besluittype", ""),
            "max_vertrouwelijkheidaanduiding": data.get("maxVertrouwelijkheidaanduiding", ""),
        }


class ApplicatieIn(serializers.Serializer):
    clientIds = serializers.ListField(child=serializers.CharField(max_length=50))
    label = serializers.CharField(max_length=100)  # type: ignore[assignment]  # the API's name
    heeftAlleAutorisaties = serializers.BooleanField(required=False, default=False)
    autorisaties = serializers.ListField(child=AutorisatieIn(), required=False, default=list)


def render_autorisatie(autorisatie: Autorisatie) -> dict[str, Any]:
    body: dict[str, Any] = {
        "component": autorisatie.component,
        "componentWeergave": WEERGAVE.get(autorisatie.component, autorisatie.component),
        "scopes": autorisatie.scopes,
    }
    for field in SHOWN.get(autorisatie.component, ()):
        name = services.API_NAMES[field]
        body[name] = getattr(autorisatie, field)
    return body


def render_applicatie(applicatie: Applicatie, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(APPLICATIE, applicatie.uuid),
        "clientIds": [client.client_id for client in applicatie.clients.all()],
        "label": applicatie.label,
        "heeftAlleAutorisaties": applicatie.heeft_alle_autorisaties,
        "autorisaties": [render_autorisatie(a) for a in applicatie.autorisaties.all()],
    }


def current_values(applicatie: Applicatie) -> dict[str, Any]:
    """The applicatie as API input, the base a PATCH is applied to."""
    return {
        "clientIds": [client.client_id for client in applicatie.clients.all()],
        "label": applicatie.label,
        "heeftAlleAutorisaties": applicatie.heeft_alle_autorisaties,
        "autorisaties": [
            {k: v for k, v in render_autorisatie(a).items() if k != "componentWeergave"}
            for a in applicatie.autorisaties.all()
        ],
    }


@no_personal_data
class ApplicatieViewSet(ZgwViewSet):
    component = "ac"
    lookup_field = "uuid"
    api_version = "1.0.0"
    scopes = {
        "list": AUTORISATIES_LEZEN,
        "retrieve": AUTORISATIES_LEZEN,
        "create": AUTORISATIES_BIJWERKEN,
        "update": AUTORISATIES_BIJWERKEN,
        "partial_update": AUTORISATIES_BIJWERKEN,
        "destroy": AUTORISATIES_BIJWERKEN,
        "consumer": Unscoped(
            "Elke client mag zijn eigen applicatie opvragen; een andere met "
            "autorisaties.lezen (de actie controleert dat zelf)."
        ),
    }

    def list(self, request: Request) -> Response:
        rows = selectors.applicaties()
        if request.query_params.get("clientIds"):
            wanted = [c for c in request.query_params["clientIds"].split(",") if c]
            rows = rows.filter(pk__in=Applicatie.objects.filter(clients__client_id__in=wanted))
        urls = Urls(request)
        return self.paginate(rows, lambda row: render_applicatie(row, urls))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.applicaties(), uuid=uuid)
        return Response(render_applicatie(row, Urls(request)))

    @action(detail=False, methods=["get"], url_path="consumer")
    def consumer(self, request: Request) -> Response:
        """The applicatie of a client id: every client may ask for its own."""
        client_id = request.query_params.get("clientId", "")
        if not client_id:
            error = serializers.ErrorDetail("Dit veld is verplicht.", code="required")
            raise serializers.ValidationError({"clientId": [error]})
        if client_id != self.client.client_id and not self.client.has_scope(AUTORISATIES_LEZEN):
            self.permission_denied(request)
        row = get_object_or_404(selectors.applicaties(), clients__client_id=client_id)
        return Response(render_applicatie(row, Urls(request)))

    def _given(self, data: Any) -> dict[str, Any]:
        given = ApplicatieIn(data=data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        return {
            "label": v["label"],
            "client_ids": v["clientIds"],
            "heeft_alle_autorisaties": v["heeftAlleAutorisaties"],
            "autorisaties": [AutorisatieIn().to_service(a) for a in v["autorisaties"]],
        }

    def create(self, request: Request) -> Response:
        applicatie = services.applicatie_create(
            actor=self.client.actor, **self._given(request.data)
        )
        row = selectors.applicaties().get(pk=applicatie.pk)
        return Response(render_applicatie(row, Urls(request)), status=status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        applicatie = get_object_or_404(selectors.applicaties(), uuid=uuid)
        data = {**current_values(applicatie), **request.data} if partial else request.data
        services.applicatie_update(
            actor=self.client.actor,
            applicatie=applicatie,
            partial=partial,
            **self._given(data),
        )
        row = selectors.applicaties().get(pk=applicatie.pk)
        return Response(render_applicatie(row, Urls(request)))

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        applicatie = get_object_or_404(Applicatie, uuid=uuid)
        services.applicatie_delete(actor=self.client.actor, applicatie=applicatie)
        return Response(status=status.HTTP_204_NO_CONTENT)
