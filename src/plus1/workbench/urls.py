# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.workbench import views

app_name = "workbench"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("zaken/<str:identification>/", views.case_detail, name="case"),
    path("zaken/<str:identification>/notities/", views.case_note, name="case-note"),
    path("zaken/<str:identification>/status/", views.case_status, name="case-status"),
]
