# SPDX-License-Identifier: EUPL-1.2
"""The product finder as JSON: GET /api/v1/producten?zoek=..."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.catalog.api.serializers import AUDIENCE_IN, ProductOut, ProductSearchIn
from plus1.catalog.selectors import products_search


class ProductSearch(APIView):
    """Public: the products that best answer what a resident typed, best first."""

    personal_data = False  # declared for the privacy URL walk: products only

    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[ProductSearchIn],
        responses=ProductOut(many=True),
        summary="Producten zoeken",
        description="De best passende producten eerst. Elk product noemt wie het aanbiedt.",
        operation_id="producten_zoeken",
    )
    def get(self, request: Request) -> Response:
        query = ProductSearchIn(data=request.query_params)
        query.is_valid(raise_exception=True)
        audience = AUDIENCE_IN.get(query.validated_data.get("doelgroep", ""))
        products = products_search(
            query.validated_data["zoek"], audience=audience, limit=query.validated_data["aantal"]
        )
        return Response(ProductOut(products, many=True).data)
