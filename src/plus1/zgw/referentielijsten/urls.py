# SPDX-License-Identifier: EUPL-1.2
"""Referentielijsten API routes (mounted at /referentielijsten/api/v1)."""

from django.urls import path

from plus1.zgw.referentielijsten import views

UUID = "<uuid:uuid>"
urlpatterns = [
    path("procestypen", views.ProcesTypen.as_view()),
    path(f"procestypen/{UUID}", views.ProcesType.as_view()),
    path("resultaten", views.Resultaten.as_view()),
    path(f"resultaten/{UUID}", views.Resultaat.as_view()),
    path("resultaattypeomschrijvingen", views.ResultaattypeOmschrijvingen.as_view()),
    path(f"resultaattypeomschrijvingen/{UUID}", views.ResultaattypeOmschrijving.as_view()),
    path("health", views.Health.as_view()),
]
