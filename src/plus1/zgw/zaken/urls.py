# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1 routes (mounted at /zaken/api/v1)."""

from rest_framework.routers import SimpleRouter

from plus1.zgw.zaken.views.documents import ZaakInformatieObjectViewSet
from plus1.zgw.zaken.views.nested import (
    AuditTrailViewSet,
    ZaakBesluitViewSet,
    ZaakEigenschapViewSet,
)
from plus1.zgw.zaken.views.records import (
    KlantContactViewSet,
    ResultaatViewSet,
    RolViewSet,
    ZaakObjectViewSet,
)
from plus1.zgw.zaken.views.references import ZaakContactMomentViewSet, ZaakVerzoekViewSet
from plus1.zgw.zaken.views.zaken import StatusViewSet, ZaakViewSet

ZAAK = r"zaken/(?P<zaak_uuid>[0-9a-fA-F-]{36})"

router = SimpleRouter(trailing_slash=False)
router.register("zaken", ZaakViewSet, basename="zaak")
router.register("statussen", StatusViewSet, basename="status")
router.register("rollen", RolViewSet, basename="rol")
router.register("resultaten", ResultaatViewSet, basename="resultaat")
router.register("zaakobjecten", ZaakObjectViewSet, basename="zaakobject")
router.register("klantcontacten", KlantContactViewSet, basename="klantcontact")
router.register("zaakcontactmomenten", ZaakContactMomentViewSet, basename="zaakcontactmoment")
router.register("zaakverzoeken", ZaakVerzoekViewSet, basename="zaakverzoek")
router.register(
    "zaakinformatieobjecten", ZaakInformatieObjectViewSet, basename="zaakinformatieobject"
)
router.register(f"{ZAAK}/zaakeigenschappen", ZaakEigenschapViewSet, basename="zaakeigenschap")
router.register(f"{ZAAK}/audittrail", AuditTrailViewSet, basename="zaak-audit")
router.register(f"{ZAAK}/besluiten", ZaakBesluitViewSet, basename="zaakbesluit")
urlpatterns = router.urls
