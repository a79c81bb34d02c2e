# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.login_page, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("aanvragen/<slug:slug>/", views.request_form, name="request"),
    path("mijn-zaken/", views.my_cases, name="my-cases"),
    path("mijn-zaken/<str:identification>/", views.case_detail, name="case-detail"),
    path("mijn-zaken/<str:identification>/ontvangen/", views.case_received, name="case-received"),
]
