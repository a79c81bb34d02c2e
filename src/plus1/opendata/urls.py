# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("catalogus.jsonld", views.catalogue, name="catalogue"),
    path("<slug:slug>.<str:ext>", views.download, name="download"),
]
