# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.meldingen import views

app_name = "meldingen"

urlpatterns = [
    path("", views.public_map, name="map"),
    path("nieuw/", views.new, name="new"),
    path("nieuw/kaart.svg", views.map_image, name="map-image"),
    path("<str:identification>/", views.detail, name="detail"),
    path("<str:identification>/volgen/", views.follow, name="follow"),
]
