# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.opendata import woo_views

app_name = "woo"

urlpatterns = [
    path("", woo_views.publication_list, name="list"),
    path("publicaties.json", woo_views.publication_listing, name="listing"),
    path("<uuid:publication_uuid>/", woo_views.publication_detail, name="detail"),
    path("<uuid:publication_uuid>/document.pdf", woo_views.publication_download, name="download"),
]
