# SPDX-License-Identifier: EUPL-1.2
"""Mounted at /api/v1/meldingen/categoriesuggesties (see plus1.conf.api_urls)."""

from django.urls import path

from plus1.meldingen.api import views

app_name = "meldingen-api"

urlpatterns = [
    path("", views.CategorySuggestions.as_view(), name="categoriesuggesties"),
]
