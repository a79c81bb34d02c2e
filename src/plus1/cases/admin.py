# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.cases.models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Read-only overview; cases change only through the workbench and its services."""

    list_display = ["identification", "case_type", "status", "responsible_team", "deadline"]
    list_filter = ["case_type", "responsible_team"]
    search_fields = ["identification"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
