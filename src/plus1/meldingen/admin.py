# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import ReadOnlyAdminMixin
from plus1.meldingen.models import Follower, Melding, Photo, RoutingRule


@admin.register(RoutingRule)
class RoutingRuleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Routing rules are data with rules (overlap, fallback): to look at only here."""

    list_display = [
        "name",
        "category",
        "area_code",
        "weekdays",
        "start_time",
        "end_time",
        "team",
        "active",
    ]
    list_filter = ["category", "team", "active"]


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 0
    readonly_fields = ["file", "content_type", "width", "height"]


class FollowerInline(admin.TabularInline):
    model = Follower
    extra = 0
    raw_id_fields = ["party"]


@admin.register(Melding)
class MeldingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Meldingen change through their services (classification, merging, status)."""

    list_display = ["case", "category", "subcategory", "created_at", "merged_into"]
    list_filter = ["category"]
    search_fields = ["case__identification"]
    raw_id_fields = ["case", "merged_into"]
    inlines = [PhotoInline, FollowerInline]
