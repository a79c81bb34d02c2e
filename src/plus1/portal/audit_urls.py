# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.portal import audit_views as views

app_name = "audit"

urlpatterns = [path("checkpoints/", views.checkpoints, name="checkpoints")]
