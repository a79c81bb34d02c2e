# SPDX-License-Identifier: EUPL-1.2
"""Besluiten API 1.1.0 routes (mounted at /besluiten/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.besluiten.views import BesluitInformatieObjectViewSet, BesluitViewSet

router = SimpleRouter(trailing_slash=False)
router.register("besluiten", BesluitViewSet, basename="besluit")
router.register(
    "besluitinformatieobjecten", BesluitInformatieObjectViewSet, basename="besluitinformatieobject"
)
urlpatterns = router.urls
