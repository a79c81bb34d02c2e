# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.insights import rating_views

app_name = "ratings"

urlpatterns = [path("<str:token>", rating_views.rate, name="rate")]
