# SPDX-License-Identifier: EUPL-1.2
"""The ZGW APIs, each under its own root as the standard prescribes (no trailing slash)."""

from django.urls import include, path

APIS = (
    "catalogi",
    "zaken",
    "documenten",
    "besluiten",
    "autorisaties",
    "notificaties",
    "referentielijsten",
    "klantinteracties",
)
urlpatterns = [
    path("", include("plus1.zgw.openapi.urls")),  # API roots and their OpenAPI documents
    *(path(f"{api}/api/v1/", include(f"plus1.zgw.{api}.urls")) for api in APIS),
]
