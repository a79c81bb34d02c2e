# SPDX-License-Identifier: EUPL-1.2
"""Our privacy APIs: the public register, partners' consent questions and fetches, and the
read interface of the Logboek Dataverwerkingen standard."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.identity.models import Party
from plus1.identity.selectors import party_by_bsn
from plus1.privacy import declarations
from plus1.privacy.api.auth import ApiClientAuthentication, IsPartner, IsTrailReader
from plus1.privacy.api.serializers import (
    ActivityOut,
    ConsentAnswerOut,
    PartnerRequestIn,
    SharedDataOut,
    TrailOut,
    TrailQueryIn,
    trail_record_out,
)
from plus1.privacy.models import ApiClient
from plus1.privacy.selectors import register_public, trail_for_reader
from plus1.privacy.services import partner_request
from plus1.privacy.services.clients import trail_read_refused


class RegisterList(APIView):
    """The public processing register."""

    personal_data = False
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=ActivityOut(many=True), summary="Verwerkingsregister")
    def get(self, request: Request) -> Response:
        return Response(ActivityOut(register_public(), many=True).data)


class RegisterDetail(APIView):
    personal_data = False
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=ActivityOut, summary="Eén verwerkingsactiviteit")
    def get(self, request: Request, code: str) -> Response:
        activity = register_public().filter(code=code).first()
        if activity is None:
            raise Http404
        return Response(ActivityOut(activity).data)


def _party(data: dict[str, Any]) -> Party | None:
    if data.get("bsn"):
        return party_by_bsn(data["bsn"])
    return Party.objects.filter(kvk_number=data.get("kvkNummer")).first()


class ConsentCheck(APIView):
    """The closed question: may this partner use these data of this person for this purpose?"""

    processing_activity = declarations.CONSENT
    authentication_classes = [ApiClientAuthentication]
    permission_classes = [IsPartner]

    @extend_schema(
        request=PartnerRequestIn, responses=ConsentAnswerOut, summary="Toestemming controleren"
    )
    def post(self, request: Request) -> Response:
        data = _validated(PartnerRequestIn, request)
        answer = partner_request(
            client=_client(request), party=_party(data), activity_code=data["doel"],
            categories=data["gegevens"], fetch=False,
        )  # fmt: skip
        return Response({"toegestaan": answer is not None})


class SharedData(APIView):
    """The data a valid consent covers; refused (403) and logged without one."""

    processing_activity = declarations.CONSENT
    authentication_classes = [ApiClientAuthentication]
    permission_classes = [IsPartner]

    @extend_schema(
        request=PartnerRequestIn,
        responses={
            200: SharedDataOut,
            403: OpenApiResponse(description="Geen geldige toestemming"),
        },
        summary="Gedeelde gegevens ophalen",
    )
    def post(self, request: Request) -> Response:
        data = _validated(PartnerRequestIn, request)
        shared = partner_request(
            client=_client(request), party=_party(data), activity_code=data["doel"],
            categories=data["gegevens"], fetch=True,
        )  # fmt: skip
        if shared is None:
            raise exceptions.PermissionDenied(
                "Er is geen geldige toestemming van deze persoon voor dit doel en deze gegevens."
            )
        return Response({"gegevens": shared})


class TrailRead(APIView):
    """Logboek Dataverwerkingen, extension 'lezen': records by subject, activity or trace."""

    processing_activity = declarations.TRAIL_READING
    authentication_classes = [ApiClientAuthentication]
    permission_classes = [IsTrailReader]

    @extend_schema(
        request=TrailQueryIn,
        responses={
            200: TrailOut,
            403: OpenApiResponse(description="Geen lezer van het logboek"),
            404: OpenApiResponse(description="Geen verwerkingen van deze betrokkene"),
        },
        summary="Dataverwerkingen lezen",
    )
    def post(self, request: Request) -> Response:
        query = _validated(TrailQueryIn, request)
        client = _client(request)
        subject = query.get("data_subject_id", "")
        records = trail_for_reader(
            activities=client.trail_activities.all(),
            data_subject_id=subject,
            activity_uri_code=query.get("processing_activity_id", "")
            .rstrip("/")
            .rsplit("/", 1)[-1],
            trace_id=re.sub("-", "", query.get("traceId", "")).lower(),
            start=_from_ms(query.get("startTime")),
            end=_from_ms(query.get("endTime")),
        )
        if subject and not records.exists():
            trail_read_refused(client=client, data_subject_id=subject)
            raise Http404
        return Response({"processingActivities": [trail_record_out(r) for r in records[:1000]]})


def _client(request: Request) -> ApiClient:
    assert isinstance(request.user, ApiClient)  # guaranteed by the permission classes
    return request.user


def _validated(serializer_class: Any, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _from_ms(value: int | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC) if value is not None else None
