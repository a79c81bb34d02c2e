# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API 1.3.1 routes (mounted at /catalogi/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.catalogi.views.parts import (
    EigenschapViewSet,
    ResultaatTypeViewSet,
    RolTypeViewSet,
    ZaakObjectTypeViewSet,
    ZaakTypeInformatieObjectTypeViewSet,
)
from plus1.zgw.catalogi.views.types import BesluitTypeViewSet, InformatieObjectTypeViewSet
from plus1.zgw.catalogi.views.zaaktypen import CatalogusViewSet, StatusTypeViewSet, ZaakTypeViewSet

router = SimpleRouter(trailing_slash=False)
router.register("catalogussen", CatalogusViewSet, basename="catalogus")
router.register("zaaktypen", ZaakTypeViewSet, basename="zaaktype")
router.register("statustypen", StatusTypeViewSet, basename="statustype")
router.register("informatieobjecttypen", InformatieObjectTypeViewSet, "informatieobjecttype")
router.register("besluittypen", BesluitTypeViewSet, basename="besluittype")
router.register("roltypen", RolTypeViewSet, basename="roltype")
router.register("resultaattypen", ResultaatTypeViewSet, basename="resultaattype")
router.register("eigenschappen", EigenschapViewSet, basename="eigenschap")
router.register("zaakobjecttypen", ZaakObjectTypeViewSet, basename="zaakobjecttype")
router.register(
    "zaaktype-informatieobjecttypen",
    ZaakTypeInformatieObjectTypeViewSet,
    basename="zaaktypeinformatieobjecttype",
)
urlpatterns = router.urls
