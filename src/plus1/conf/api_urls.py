# SPDX-License-Identifier: EUPL-1.2
"""Our own APIs under /api/v1 (NL API Design Rules). Each context adds its routes here."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("openapi.json", SpectacularAPIView.as_view(), name="openapi"),
]
