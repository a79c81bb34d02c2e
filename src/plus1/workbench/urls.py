# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.workbench import (
    breakthrough_views,
    conversation_views,
    friction_views,
    insights_views,
    login_views,
    process_views,
    views,
    work_views,
)

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
    path(
        "zaken/<str:identification>/aanvulverzoeken/",
        conversation_views.request_create,
        name="case-request",
    ),
    path(
        "zaken/<str:identification>/aanvulverzoeken/<uuid:request_uuid>/intrekken/",
        conversation_views.request_withdraw,
        name="case-request-withdraw",
    ),
    path(
        "zaken/<str:identification>/aanvulverzoeken/<uuid:request_uuid>/buiten-behandeling/",
        conversation_views.request_set_aside,
        name="case-request-set-aside",
    ),
    path(
        "zaken/<str:identification>/documenten/<uuid:document_uuid>/",
        conversation_views.case_document,
        name="case-document",
    ),
    path(
        "zaken/<str:identification>/berichten/",
        conversation_views.message_post,
        name="case-message",
    ),
    path(
        "zaken/<str:identification>/behandelaar/",
        work_views.case_assign_view,
        name="case-assign",
    ),
    path(
        "zaken/<str:identification>/doorbraak/",
        breakthrough_views.case_breakthrough_mark_view,
        name="case-breakthrough",
    ),
    path(
        "zaken/<str:identification>/doorbraak/besluit/",
        breakthrough_views.case_breakthrough_decide_view,
        name="case-breakthrough-decide",
    ),
    path("vastgelopen/", friction_views.stuck_cases_view, name="stuck-cases"),
    path("waar-lopen-mensen-vast/", friction_views.form_friction_view, name="form-friction"),
    path("mijn-werk/", work_views.my_work_view, name="my-work"),
    path("zoeken/", work_views.search_view, name="search"),
    path("werkverdeling/", work_views.workload_view, name="workload"),
    path("toewijzen/", work_views.bulk_assign_view, name="bulk-assign"),
    path("termijnen/", insights_views.legal_clock_overview, name="legal-clock"),
    path("prestaties/", insights_views.team_performance, name="team-performance"),
    path("procesinzicht/", process_views.process_insight_view, name="process-insight"),
]
