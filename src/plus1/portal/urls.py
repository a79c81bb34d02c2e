# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.portal import finder_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.login_page, name="login"),
    path("zoeken/", finder_views.search, name="search"),
    path("producten/", finder_views.products_list, name="products"),
    path("producten/<slug:slug>/", finder_views.product_detail, name="product"),
    path("doorverwijzen/<slug:slug>/", finder_views.handover, name="handover"),
    path(
        "doorverwijzen/ontvangen/<str:identification>/",
        finder_views.handover_received,
        name="handover-received",
    ),
    path("uitloggen/", views.logout_view, name="logout"),
    path("aanvragen/<slug:slug>/", views.request_form, name="request"),
    path("mijn-zaken/", views.my_cases, name="my-cases"),
    path("mijn-zaken/<str:identification>/", views.case_detail, name="case-detail"),
    path("mijn-zaken/<str:identification>/ontvangen/", views.case_received, name="case-received"),
]
