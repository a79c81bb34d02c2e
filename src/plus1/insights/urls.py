# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.performance_page, name="performance"),
    path("doorbraak/", views.breakthroughs_page, name="breakthroughs"),
]
