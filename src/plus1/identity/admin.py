# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.identity.models import Party, Team, TeamMembership


@admin.register(Party)
class PartyAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "kvk_number", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "kvk_number", "email"]
    readonly_fields = ["uuid", "created_at"]
    exclude = ["bsn_encrypted", "bsn_index"]


class TeamMembershipInline(admin.StackedInline):
    model = TeamMembership
    extra = 0
    fields = ["user", "is_lead", "weekly_hours", "skills", "areas"]


@admin.register(Team)
class TeamAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "email"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TeamMembershipInline]
