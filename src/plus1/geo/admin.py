# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.geo.models import District, Neighbourhood, Street


@admin.register(District)
class DistrictAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "district"]
    list_filter = ["district"]
    search_fields = ["code", "name"]


@admin.register(Street)
class StreetAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "first_number", "last_number", "postcode", "neighbourhood"]
    list_filter = ["neighbourhood__district"]
    search_fields = ["name", "postcode"]
    exclude = ["name_key"]
