# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.catalog.api import views

app_name = "catalog-api"

urlpatterns = [
    path("producten", views.ProductSearch.as_view(), name="product-search"),
]
