# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import ReadOnlyAdminMixin
from plus1.cases.models import Case, Role


class RoleInline(admin.TabularInline):
    """Who is involved (rollen); the BSN stays encrypted and is not shown."""

    model = Role
    fields = ("role_type", "betrokkene_type", "party", "explanation", "registered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only overview; cases change only through the workbench and its services."""

    list_display = ["identification", "case_type", "status", "responsible_team", "deadline"]
    inlines = [RoleInline]
    list_filter = ["case_type", "responsible_team"]
    search_fields = ["identification"]
