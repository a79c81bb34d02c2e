# SPDX-License-Identifier: EUPL-1.2
"""Delivery reports from a message provider (an sms gateway, an e-mail relay): a message
that did not arrive falls back to the next channel, or is marked bounced.

POST /api/v1/afleverrapporten with `Authorization: Bearer PLUS1_DELIVERY_REPORT_TOKEN`;
without that setting the endpoint is off (404)."""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.contact.message_services import message_bounce


class DeliveryReportIn(serializers.Serializer):
    referentie = serializers.CharField(
        max_length=200, help_text="Het kenmerk dat de verzender gaf, of het id van het bericht."
    )
    status = serializers.ChoiceField(choices=["afgeleverd", "niet_aangekomen"])
    reden = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class DeliveryReportOut(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    status = serializers.CharField()
    kanaal = serializers.CharField(source="channel")


class DeliveryReports(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]
    personal_data = False  # the answer names a message id and status, no person

    @extend_schema(
        request=DeliveryReportIn,
        responses={
            200: DeliveryReportOut,
            202: OpenApiResponse(description="Afgeleverd: er verandert niets."),
            400: OpenApiResponse(description="problem+json"),
            403: OpenApiResponse(description="problem+json"),
            404: OpenApiResponse(description="problem+json"),
        },
        summary="Afleverrapport",
        description="Een verzender meldt dat een bericht niet is aangekomen. Het bericht "
        "gaat dan via het volgende kanaal, of krijgt de status 'niet aangekomen'.",
        operation_id="afleverrapport_melden",
    )
    def post(self, request: Request) -> Response:
        token = settings.DELIVERY_REPORT_TOKEN
        if not token:
            raise exceptions.NotFound("Afleverrapporten staan uit.")
        given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise exceptions.PermissionDenied("Geef het juiste token mee (Authorization: Bearer).")
        report = DeliveryReportIn(data=request.data)
        report.is_valid(raise_exception=True)
        data = report.validated_data
        if data["status"] == "afgeleverd":
            return Response(status=202)
        message = message_bounce(reference=data["referentie"], reason=data["reden"])
        if message is None:
            raise exceptions.NotFound("Geen verstuurd bericht met dit kenmerk.")
        return Response(DeliveryReportOut(message).data)
