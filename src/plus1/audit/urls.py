# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.audit import views

app_name = "audit"

urlpatterns = [path("checkpoints/", views.checkpoints, name="checkpoints")]
