# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.privacy import views, views_gdpr, views_staff

app_name = "privacy"

urlpatterns = [
    path("privacy/verwerkingen/", views.register, name="register"),
    path("mijn-gegevens/", views.my_data, name="my-data"),
    path("mijn-gegevens/dataspoor/", views.my_trail, name="my-trail"),
    path("mijn-gegevens/download.<str:fmt>", views.download, name="download"),
    path("mijn-gegevens/toestemmingen/", views.consents, name="consents"),
    path(
        "mijn-gegevens/toestemmingen/<uuid:consent_id>/intrekken/",
        views.consent_withdraw,
        name="consent-withdraw",
    ),
    path("mijn-gegevens/privacyrechten/", views_gdpr.gdpr_request, name="gdpr-request"),
    path(
        "werkplek/avg/<str:identification>/verlengen/", views_gdpr.gdpr_extend, name="gdpr-extend"
    ),
    path("werkplek/avg/<str:identification>/besluit/", views_gdpr.gdpr_decide, name="gdpr-decide"),
    path("werkplek/inwoner/", views_staff.lookup, name="lookup"),
]
