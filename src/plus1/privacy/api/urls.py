# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.privacy.api import views

app_name = "privacy-api"

urlpatterns = [
    path("verwerkingsactiviteiten", views.RegisterList.as_view(), name="register"),
    path("verwerkingsactiviteiten/<slug:code>", views.RegisterDetail.as_view(), name="activity"),
    path("toestemmingen/_controleer", views.ConsentCheck.as_view(), name="consent-check"),
    path("gedeelde-gegevens/_zoek", views.SharedData.as_view(), name="shared-data"),
    path("logboek/processing-activities", views.TrailRead.as_view(), name="trail-read"),
]
