# SPDX-License-Identifier: EUPL-1.2
"""The ZGW APIs, each under its own root as the standard prescribes (no trailing slash)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from plus1.zgw.api import referentielijsten as ref
from plus1.zgw.api.autorisaties import ApplicatieViewSet
from plus1.zgw.api.besluiten import BesluitInformatieObjectViewSet, BesluitViewSet
from plus1.zgw.api.catalogi import CatalogusViewSet, StatusTypeViewSet, ZaakTypeViewSet
from plus1.zgw.api.catalogi_parts import (
    EigenschapViewSet,
    ResultaatTypeViewSet,
    RolTypeViewSet,
    ZaakObjectTypeViewSet,
    ZaakTypeInformatieObjectTypeViewSet,
)
from plus1.zgw.api.catalogi_types import BesluitTypeViewSet, InformatieObjectTypeViewSet
from plus1.zgw.api.documenten import DocumentViewSet
from plus1.zgw.api.documenten_rel import ObjectLinkViewSet, PartViewSet, UsageRightViewSet
from plus1.zgw.api.notificaties import AbonnementViewSet, KanaalViewSet, NotificatieViewSet
from plus1.zgw.api.zaken import StatusViewSet, ZaakViewSet
from plus1.zgw.api.zaken_documents import ZaakInformatieObjectViewSet
from plus1.zgw.api.zaken_nested import AuditTrailViewSet, ZaakBesluitViewSet, ZaakEigenschapViewSet
from plus1.zgw.api.zaken_records import (
    KlantContactViewSet,
    ResultaatViewSet,
    RolViewSet,
    ZaakObjectViewSet,
)
from plus1.zgw.api.zaken_references import ZaakContactMomentViewSet, ZaakVerzoekViewSet

catalogi = SimpleRouter(trailing_slash=False)
catalogi.register("catalogussen", CatalogusViewSet, basename="catalogus")
catalogi.register("zaaktypen", ZaakTypeViewSet, basename="zaaktype")
catalogi.register("statustypen", StatusTypeViewSet, basename="statustype")
catalogi.register("informatieobjecttypen", InformatieObjectTypeViewSet, "informatieobjecttype")
catalogi.register("besluittypen", BesluitTypeViewSet, basename="besluittype")
catalogi.register("roltypen", RolTypeViewSet, basename="roltype")
catalogi.register("resultaattypen", ResultaatTypeViewSet, basename="resultaattype")
catalogi.register("eigenschappen", EigenschapViewSet, basename="eigenschap")
catalogi.register("zaakobjecttypen", ZaakObjectTypeViewSet, basename="zaakobjecttype")
catalogi.register(
    "zaaktype-informatieobjecttypen",
    ZaakTypeInformatieObjectTypeViewSet,
    basename="zaaktypeinformatieobjecttype",
)

zaken = SimpleRouter(trailing_slash=False)
zaken.register("zaken", ZaakViewSet, basename="zaak")
zaken.register("statussen", StatusViewSet, basename="status")
zaken.register("rollen", RolViewSet, basename="rol")
zaken.register("resultaten", ResultaatViewSet, basename="resultaat")
zaken.register("zaakobjecten", ZaakObjectViewSet, basename="zaakobject")
zaken.register("klantcontacten", KlantContactViewSet, basename="klantcontact")
zaken.register("zaakcontactmomenten", ZaakContactMomentViewSet, basename="zaakcontactmoment")
zaken.register("zaakverzoeken", ZaakVerzoekViewSet, basename="zaakverzoek")
zaken.register(
    "zaakinformatieobjecten", ZaakInformatieObjectViewSet, basename="zaakinformatieobject"
)
zaken.register(
    r"zaken/(?P<zaak_uuid>[0-9a-fA-F-]{36})/zaakeigenschappen",
    ZaakEigenschapViewSet,
    basename="zaakeigenschap",
)
zaken.register(
    r"zaken/(?P<zaak_uuid>[0-9a-fA-F-]{36})/audittrail", AuditTrailViewSet, basename="zaak-audit"
)
zaken.register(
    r"zaken/(?P<zaak_uuid>[0-9a-fA-F-]{36})/besluiten", ZaakBesluitViewSet, basename="zaakbesluit"
)

urlpatterns = [
    path("catalogi/api/v1/", include(catalogi.urls)),
    path("zaken/api/v1/", include(zaken.urls)),
]

autorisaties = SimpleRouter(trailing_slash=False)
autorisaties.register("applicaties", ApplicatieViewSet, basename="applicatie")
urlpatterns += [path("autorisaties/api/v1/", include(autorisaties.urls))]

UUID = "<uuid:uuid>"
referentielijsten = [
    path("procestypen", ref.ProcesTypen.as_view()),
    path(f"procestypen/{UUID}", ref.ProcesType.as_view()),
    path("resultaten", ref.Resultaten.as_view()),
    path(f"resultaten/{UUID}", ref.Resultaat.as_view()),
    path("resultaattypeomschrijvingen", ref.ResultaattypeOmschrijvingen.as_view()),
    path(f"resultaattypeomschrijvingen/{UUID}", ref.ResultaattypeOmschrijving.as_view()),
    path("health", ref.Health.as_view()),
]
urlpatterns += [path("referentielijsten/api/v1/", include(referentielijsten))]

notificaties = SimpleRouter(trailing_slash=False)
notificaties.register("kanaal", KanaalViewSet, basename="kanaal")
notificaties.register("abonnement", AbonnementViewSet, basename="abonnement")
notificaties.register("notificaties", NotificatieViewSet, basename="notificatie")
urlpatterns += [path("notificaties/api/v1/", include(notificaties.urls))]

documenten = SimpleRouter(trailing_slash=False)
documenten.register(
    "enkelvoudiginformatieobjecten", DocumentViewSet, basename="enkelvoudiginformatieobject"
)
documenten.register("gebruiksrechten", UsageRightViewSet, basename="gebruiksrechten")
documenten.register(
    "objectinformatieobjecten", ObjectLinkViewSet, basename="objectinformatieobject"
)
documenten.register("bestandsdelen", PartViewSet, basename="bestandsdeel")
besluiten = SimpleRouter(trailing_slash=False)
besluiten.register("besluiten", BesluitViewSet, basename="besluit")
besluiten.register(
    "besluitinformatieobjecten", BesluitInformatieObjectViewSet, basename="besluitinformatieobject"
)
urlpatterns += [
    path("documenten/api/v1/", include(documenten.urls)),
    path("besluiten/api/v1/", include(besluiten.urls)),
]
