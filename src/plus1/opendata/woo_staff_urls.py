# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.opendata import woo_staff_views

app_name = "woo-werkplek"

urlpatterns = [
    path("", woo_staff_views.publication_list, name="list"),
    path("zaken/<str:identification>/", woo_staff_views.case_sources, name="case"),
    path("zaken/<str:identification>/starten/", woo_staff_views.draft_start, name="start"),
    path("<uuid:publication_uuid>/", woo_staff_views.review, name="review"),
    path("<uuid:publication_uuid>/beoordelen/", woo_staff_views.review_save, name="review-save"),
    path("<uuid:publication_uuid>/lakken/", woo_staff_views.redaction_new, name="redaction-add"),
    path("<uuid:publication_uuid>/publiceren/", woo_staff_views.publish, name="publish"),
]
