# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/meldingen/categoriesuggesties: which category fits a report's text."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from plus1.meldingen.api.serializers import SuggestionsIn, SuggestionsOut
from plus1.meldingen.categories import category_name
from plus1.meldingen.classification import suggest


class SuggestionThrottle(AnonRateThrottle):
    """60 requests a minute per client, counted in the default cache.

    The client's address is kept only as a keyed hash."""

    scope = "meldingen_categoriesuggesties"
    rate = "60/minute"

    def get_ident(self, request: Request) -> str:
        ident = super().get_ident(request)
        key = settings.SECRET_KEY.encode()
        return hmac.new(key, ident.encode(), hashlib.sha256).hexdigest()[:32]


class CategorySuggestions(APIView):
    """Public: residents use it while writing a report, without logging in."""

    # The text is classified in memory; it is never stored or logged.
    personal_data = False

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [SuggestionThrottle]

    @extend_schema(
        operation_id="meldingen_categoriesuggesties",
        summary="Categorie voorstellen voor een melding",
        description=(
            "Geeft bij de tekst van een melding openbare ruimte elke categorie met een geschatte "
            "kans, de waarschijnlijkste eerst. De tekst wordt niet bewaard. Zonder inloggen; "
            "hoogstens 60 verzoeken per minuut."
        ),
        request=SuggestionsIn,
        responses={
            200: SuggestionsOut,
            400: OpenApiResponse(description="Ongeldige invoer (problem+json, invalidParams)."),
            429: OpenApiResponse(description="Te veel verzoeken (problem+json)."),
        },
        examples=[
            OpenApiExample(
                "Kapotte lantaarnpaal",
                value={"tekst": "De lantaarnpaal voor mijn huis brandt al een week niet."},
                request_only=True,
            )
        ],
        tags=["meldingen"],
    )
    def post(self, request: Request) -> Response:
        data = SuggestionsIn(data=request.data)
        data.is_valid(raise_exception=True)
        ranked = suggest(data.validated_data["tekst"])
        suggestions = [
            {"categorie": slug, "naam": category_name(slug), "kans": round(p, 4)}
            for slug, p in ranked
        ]
        return Response(SuggestionsOut({"suggesties": suggestions}).data)
