# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.workbench import insights_views, login_views, views

app_name = "workbench"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("inloggen/", login_views.LoginView.as_view(), name="login"),
    path("inloggen/code/", login_views.login_code, name="login-code"),
    path("inloggen/app-koppelen/", login_views.login_setup, name="login-setup"),
    path("herstelcodes/", login_views.recovery_codes, name="recovery-codes"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("zaken/<str:identification>/", views.case_detail, name="case"),
    path("zaken/<str:identification>/notities/", views.case_note, name="case-note"),
    path("zaken/<str:identification>/status/", views.case_status, name="case-status"),
    path("termijnen/", insights_views.legal_clock_overview, name="legal-clock"),
]
