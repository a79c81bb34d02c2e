# SPDX-License-Identifier: EUPL-1.2
"""Our own APIs under /api/v1 (NL API Design Rules). Each context adds its routes here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from plus1.contact.api.delivery_reports import DeliveryReports
from plus1.meldingen.feed import MeldingenFeed

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("meldingen", MeldingenFeed.as_view(), name="meldingen-feed"),
    path("meldingen/categoriesuggesties", include("plus1.meldingen.api.urls")),
    path("", include("plus1.privacy.api.urls")),
    path("", include("plus1.catalog.api.urls")),
    path("", include("plus1.contact.api.urls")),
    path("afleverrapporten", DeliveryReports.as_view(), name="delivery-reports"),
]
