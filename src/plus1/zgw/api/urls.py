# SPDX-License-Identifier: EUPL-1.2
"""The ZGW APIs, each under its own root as the standard prescribes (no trailing slash)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from plus1.zgw.api.catalogi import CatalogusViewSet, StatusTypeViewSet, ZaakTypeViewSet
from plus1.zgw.api.zaken import StatusViewSet, ZaakViewSet

catalogi = SimpleRouter(trailing_slash=False)
catalogi.register("catalogussen", CatalogusViewSet, basename="catalogus")
catalogi.register("zaaktypen", ZaakTypeViewSet, basename="zaaktype")
catalogi.register("statustypen", StatusTypeViewSet, basename="statustype")

zaken = SimpleRouter(trailing_slash=False)
zaken.register("zaken", ZaakViewSet, basename="zaak")
zaken.register("statussen", StatusViewSet, basename="status")

urlpatterns = [
    path("catalogi/api/v1/", include(catalogi.urls)),
    path("zaken/api/v1/", include(zaken.urls)),
]
