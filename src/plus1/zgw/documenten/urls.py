# SPDX-License-Identifier: EUPL-1.2
"""Documenten API 1.4.2 routes (mounted at /documenten/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.documenten.verzendingen import VerzendingViewSet
from plus1.zgw.documenten.views.documenten import DocumentViewSet
from plus1.zgw.documenten.views.related import ObjectLinkViewSet, PartViewSet, UsageRightViewSet

router = SimpleRouter(trailing_slash=False)
router.register(
    "enkelvoudiginformatieobjecten", DocumentViewSet, basename="enkelvoudiginformatieobject"
)
router.register("gebruiksrechten", UsageRightViewSet, basename="gebruiksrechten")
router.register("objectinformatieobjecten", ObjectLinkViewSet, basename="objectinformatieobject")
router.register("bestandsdelen", PartViewSet, basename="bestandsdeel")
router.register("verzendingen", VerzendingViewSet, basename="verzending")
urlpatterns = router.urls
