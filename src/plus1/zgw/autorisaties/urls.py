# SPDX-License-Identifier: EUPL-1.2
"""Autorisaties API 1.0.0 routes (mounted at /autorisaties/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.autorisaties.views import ApplicatieViewSet

router = SimpleRouter(trailing_slash=False)
router.register("applicaties", ApplicatieViewSet, basename="applicatie")
urlpatterns = router.urls
