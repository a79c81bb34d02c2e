# SPDX-License-Identifier: EUPL-1.2
"""The public GeoJSON feed of open reports.

GET /api/v1/meldingen?bbox=minLon,minLat,maxLon,maxLat (WGS84, as in OGC API Features).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.meldingen.categories import CATEGORY_SLUGS
from plus1.meldingen.selectors import public_open


class FeedQuery(serializers.Serializer):  # type: ignore[type-arg]
    bbox = serializers.CharField(required=False)
    categorie = serializers.ChoiceField(choices=list(CATEGORY_SLUGS), required=False)

    def validate_bbox(self, value: str) -> tuple[float, float, float, float]:
        parts = value.split(",")
        try:
            min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
        except ValueError:
            raise serializers.ValidationError(
                "Geef vier getallen: minLon,minLat,maxLon,maxLat (WGS84)."
            ) from None
        if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
            raise serializers.ValidationError(
                "De hoeken liggen verkeerd om of buiten de wereld: "
                "minLon < maxLon en minLat < maxLat."
            )
        return min_lat, min_lon, max_lat, max_lon


class MeldingenFeed(APIView):
    """Open public-space reports as GeoJSON, without personal data."""

    personal_data = False  # declaration for the privacy check of every view

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="meldingen_list",
        summary="Openstaande meldingen openbare ruimte (GeoJSON)",
        description=(
            "Een GeoJSON FeatureCollection van openstaande meldingen. De plek is afgerond op "
            "ongeveer 25 meter; er staan geen persoonsgegevens in en geen omschrijving van de "
            "melder, alleen een tekst die de gemeente publiceerde."
        ),
        parameters=[
            OpenApiParameter(
                "bbox",
                str,
                description="minLon,minLat,maxLon,maxLat in WGS84, bv. 5.07,52.03,5.10,52.05",
            ),
            OpenApiParameter("categorie", str, enum=list(CATEGORY_SLUGS)),
        ],
        responses={200: OpenApiTypes.OBJECT},
        tags=["meldingen"],
    )
    def get(self, request: Request) -> Response:
        query = FeedQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        reports = public_open(
            bbox=query.validated_data.get("bbox"),
            category=query.validated_data.get("categorie", ""),
            in_words=False,  # the feed gives coordinates, not the nearest address
        )
        body = {"type": "FeatureCollection", "features": [report.feature() for report in reports]}
        return Response(body, content_type="application/geo+json")
