# SPDX-License-Identifier: EUPL-1.2
"""Notificaties API 1.0.0: kanalen, abonnementen and POST /notificaties over the rows of
`events`. Thin: parse, call a selector or service, render. Lists are plain arrays."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.events.models import Abonnement, Berichtformaat, Kanaal
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.base import UrlField, Urls, ZgwViewSet
from plus1.zgw.notificaties import selectors
from plus1.zgw.notificaties import services as services
from plus1.zgw.scopes import NOTIFICATIES_CONSUMEREN, NOTIFICATIES_PUBLICEREN

KANAAL, ABONNEMENT = "/notificaties/api/v1/kanaal", "/notificaties/api/v1/abonnement"
READ = (NOTIFICATIES_PUBLICEREN, NOTIFICATIES_CONSUMEREN)  # reading needs either scope
MESSAGE_FIELDS = ("kanaal", "hoofdObject", "resource", "resourceUrl", "actie", "aanmaakdatum")


class KanaalIn(serializers.Serializer):
    naam = serializers.CharField(max_length=50)
    documentatieLink = UrlField(max_length=200, required=False, allow_blank=True, default="")
    filters = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list
    )


class FilterGroupIn(serializers.Serializer):
    naam = serializers.CharField()
    filters = serializers.DictField(
        child=serializers.CharField(max_length=1000), required=False, default=dict
    )


class AbonnementIn(serializers.Serializer):
    callbackUrl = UrlField(max_length=200)
    auth = serializers.CharField(max_length=1000)
    kanalen = serializers.ListField(child=FilterGroupIn())
    # Plus1 extension: `cloudevents` delivers by the NL GOV profile for CloudEvents
    berichtformaat = serializers.ChoiceField(
        Berichtformaat.values, required=False, default=Berichtformaat.ZGW
    )


class MessageIn(serializers.Serializer):
    kanaal = serializers.CharField(max_length=50)
    hoofdObject = UrlField()
    resource = serializers.CharField(max_length=100)
    resourceUrl = UrlField()
    actie = serializers.CharField(max_length=100)
    aanmaakdatum = serializers.DateTimeField()
    kenmerken = serializers.DictField(
        child=serializers.CharField(max_length=1000), required=False, default=dict
    )


def render_kanaal(kanaal: Kanaal, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(KANAAL, kanaal.uuid),
        "naam": kanaal.naam,
        "documentatieLink": kanaal.documentatie_link,
        "filters": kanaal.filters,
    }


def masked_auth(value: str) -> str:
    """The stored Authorization header is a secret: show its scheme only (`Bearer ****`)."""
    scheme, _, credentials = value.partition(" ")
    return f"{scheme} ********" if credentials else "********"


def _kanalen(abonnement: Abonnement) -> list[dict[str, Any]]:
    return [{"naam": k.kanaal.naam, "filters": k.filters} for k in abonnement.kanalen.all()]


def render_abonnement(abonnement: Abonnement, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(ABONNEMENT, abonnement.uuid),
        "callbackUrl": abonnement.callback_url,
        "auth": masked_auth(abonnement.auth),
        "kanalen": _kanalen(abonnement),
        "berichtformaat": abonnement.berichtformaat,
    }


class NotificatiesViewSet(ZgwViewSet):
    component = "nrc"
    api_version = "1.0.0"
    lookup_field = "uuid"


@no_personal_data
class KanaalViewSet(NotificatiesViewSet):
    scopes = {"list": READ, "retrieve": READ, "create": NOTIFICATIES_PUBLICEREN}

    def list(self, request: Request) -> Response:
        rows = selectors.kanalen()
        if "naam" in request.query_params:
            rows = rows.filter(naam=request.query_params["naam"])
        urls = Urls(request)
        return Response([render_kanaal(row, urls) for row in rows])

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.kanalen(), uuid=uuid)
        return Response(render_kanaal(row, Urls(request)))

    def create(self, request: Request) -> Response:
        given = KanaalIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        kanaal = services.kanaal_create(
            actor=self.client.actor,
            naam=v["naam"],
            documentatie_link=v["documentatieLink"],
            filters=v["filters"],
        )
        return Response(render_kanaal(kanaal, Urls(request)), status=status.HTTP_201_CREATED)


@no_personal_data
class AbonnementViewSet(NotificatiesViewSet):
    scopes = {
        "list": READ,
        "retrieve": READ,
        "create": NOTIFICATIES_CONSUMEREN,
        "update": NOTIFICATIES_CONSUMEREN,
        "partial_update": NOTIFICATIES_CONSUMEREN,
        "destroy": NOTIFICATIES_CONSUMEREN,
    }

    def _own(self) -> Any:
        return selectors.abonnementen_of(self.client.client_id)

    def list(self, request: Request) -> Response:
        urls = Urls(request)
        return Response([render_abonnement(row, urls) for row in self._own()])

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(self._own(), uuid=uuid)
        return Response(render_abonnement(row, Urls(request)))

    def _given(self, data: Any) -> dict[str, Any]:
        given = AbonnementIn(data=data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        return {
            "callback_url": v["callbackUrl"],
            "auth": v["auth"],
            "kanalen": v["kanalen"],
            "berichtformaat": v["berichtformaat"],
        }

    def create(self, request: Request) -> Response:
        abonnement = services.abonnement_create(
            actor=self.client.actor, **self._given(request.data)
        )
        row = self._own().get(pk=abonnement.pk)
        return Response(render_abonnement(row, Urls(request)), status=status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        abonnement = get_object_or_404(self._own(), uuid=uuid)
        data = request.data
        if partial:  # what is not given stays, the stored auth included (never the mask)
            current = {
                "callbackUrl": abonnement.callback_url,
                "auth": abonnement.auth,
                "kanalen": _kanalen(abonnement),
                "berichtformaat": abonnement.berichtformaat,
            }
            data = {**current, **request.data}
        services.abonnement_update(
            actor=self.client.actor, abonnement=abonnement, **self._given(data)
        )
        row = self._own().get(pk=abonnement.pk)
        return Response(render_abonnement(row, Urls(request)))

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        abonnement = get_object_or_404(self._own(), uuid=uuid)
        services.abonnement_delete(actor=self.client.actor, abonnement=abonnement)
        return Response(status=status.HTTP_204_NO_CONTENT)


@no_personal_data
class NotificatieViewSet(NotificatiesViewSet):
    scopes = {"create": NOTIFICATIES_PUBLICEREN}

    def create(self, request: Request) -> Response:
        given = MessageIn(data=request.data)
        given.is_valid(raise_exception=True)
        bericht = {name: request.data[name] for name in MESSAGE_FIELDS if name in request.data}
        bericht["kenmerken"] = given.validated_data["kenmerken"]
        services.notificatie_publish(actor=self.client.actor, bericht=bericht)
        # 201 as Open Notificaties and the VNG suite have it (the 1.0.0 spec file says 200).
        return Response(bericht, status=status.HTTP_201_CREATED)
