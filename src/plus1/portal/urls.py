# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.portal import (
    conversation_views,
    finder_views,
    insights_views,
    login_views,
    request_views,
    views,
)

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.login_page, name="login"),
    path(
        "inloggen/digid/",
        login_views.BrokerLoginStart.as_view(broker_name="digid"),
        name="login-digid",
    ),
    path(
        "inloggen/digid/terug/",
        login_views.BrokerLoginCallback.as_view(broker_name="digid"),
        name="login-digid-callback",
    ),
    path(
        "inloggen/eherkenning/",
        login_views.BrokerLoginStart.as_view(broker_name="eherkenning"),
        name="login-eherkenning",
    ),
    path(
        "inloggen/eherkenning/terug/",
        login_views.BrokerLoginCallback.as_view(broker_name="eherkenning"),
        name="login-eherkenning-callback",
    ),
    path("sessie/verlengen/", login_views.session_extend, name="session-extend"),
    path("zoeken/", finder_views.search, name="search"),
    path("producten/", finder_views.products_list, name="products"),
    path("producten/<slug:slug>/", finder_views.product_detail, name="product"),
    path("doorverwijzen/<slug:slug>/", finder_views.handover, name="handover"),
    path(
        "doorverwijzen/ontvangen/<str:identification>/",
        finder_views.handover_received,
        name="handover-received",
    ),
    path("uitloggen/", login_views.logout_view, name="logout"),
    path("aanvragen/<slug:slug>/", request_views.request_form, name="request"),
    path("aanvragen/<slug:slug>/controleren/", request_views.request_check, name="request-check"),
    path("mijn-zaken/", views.my_cases, name="my-cases"),
    path("mijn-zaken/<str:identification>/", views.case_detail, name="case-detail"),
    path("mijn-zaken/<str:identification>/ontvangen/", views.case_received, name="case-received"),
    path(
        "mijn-zaken/<str:identification>/aanvulverzoeken/<uuid:request_uuid>/antwoord/",
        conversation_views.answer,
        name="case-answer",
    ),
    path(
        "mijn-zaken/<str:identification>/vragen/",
        conversation_views.question,
        name="case-question",
    ),
    path(
        "mijn-zaken/<str:identification>/ingebrekestelling/",
        insights_views.default_notice,
        name="default-notice",
    ),
]
