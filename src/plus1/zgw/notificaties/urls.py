# SPDX-License-Identifier: EUPL-1.2
"""Notificaties API 1.0.0 routes (mounted at /notificaties/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.notificaties.views import AbonnementViewSet, KanaalViewSet, NotificatieViewSet

router = SimpleRouter(trailing_slash=False)
router.register("kanaal", KanaalViewSet, basename="kanaal")
router.register("abonnement", AbonnementViewSet, basename="abonnement")
router.register("notificaties", NotificatieViewSet, basename="notificatie")
urlpatterns = router.urls
