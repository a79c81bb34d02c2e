# SPDX-License-Identifier: EUPL-1.2
"""Besluiten in the admin: to look at only; every change goes through the services."""

from __future__ import annotations

from django.contrib import admin

from plus1.decisions.models import Decision
from plus1.documents.admin import ReadOnly


@admin.register(Decision)
class DecisionAdmin(ReadOnly):
    list_display = ["identification", "responsible_organisation", "decision_type", "date"]
    search_fields = ["identification"]
