# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.contact.models import (
    Appointment,
    AppointmentProduct,
    Closure,
    Counter,
    Location,
    OpeningHours,
    ProductContactSetting,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


class CounterInline(admin.TabularInline):
    model = Counter
    extra = 0


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, ClosureInline, CounterInline]


@admin.register(AppointmentProduct)
class AppointmentProductAdmin(admin.ModelAdmin):
    list_display = ["name", "duration_minutes", "product"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["product"]


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["start", "product", "location", "status"]
    list_filter = ["status", "location", "product"]
    date_hierarchy = "start"
    exclude = ["cancel_code_hash"]
    readonly_fields = ["product", "location", "slot", "start", "end", "party", "status"]


@admin.register(ProductContactSetting)
class ProductContactSettingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Per product: which team calls back and within how many working days."""

    list_display = ["product", "callback_team", "callback_working_days"]
    autocomplete_fields = ["product"]
    list_select_related = ["product", "callback_team"]
