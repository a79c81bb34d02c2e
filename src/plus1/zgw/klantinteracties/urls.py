# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0 routes (mounted at /klantinteracties/api/v1). The route names
carry a `ki-` prefix: the Zaken API has its own `klantcontacten`."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.klantinteracties import views

router = SimpleRouter(trailing_slash=False)
router.register("klantcontacten", views.KlantcontactViewSet, basename="ki-klantcontact")
router.register("maak-klantcontact", views.MaakKlantcontactViewSet, basename="ki-maakklantcontact")
router.register("betrokkenen", views.BetrokkeneViewSet, basename="ki-betrokkene")
router.register("onderwerpobjecten", views.OnderwerpobjectViewSet, basename="ki-onderwerpobject")
router.register("internetaken", views.InterneTaakViewSet, basename="ki-internetaak")
router.register("partijen", views.PartijViewSet, basename="ki-partij")
router.register("digitaleadressen", views.DigitaalAdresViewSet, basename="ki-digitaaladres")
router.register("actoren", views.ActorViewSet, basename="ki-actor")
router.register(
    "actorklantcontacten", views.ActorKlantcontactViewSet, basename="ki-actorklantcontact"
)
router.register(
    "partij-identificatoren", views.PartijIdentificatorViewSet, basename="ki-partijidentificator"
)
urlpatterns = router.urls
