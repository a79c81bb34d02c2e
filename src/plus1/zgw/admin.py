# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import AuditedAdminMixin, ReadOnlyAdminMixin
from plus1.zgw.models import Applicatie, ApplicatieClient, Autorisatie, Catalogus, ClientSecret


class ClientInline(admin.TabularInline):
    model = ApplicatieClient
    extra = 1


class AutorisatieInline(admin.TabularInline):
    model = Autorisatie
    extra = 1


@admin.register(Applicatie)
class ApplicatieAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Applicaties and autorisaties change through the Autorisaties API (its services)."""

    list_display = ["label", "heeft_alle_autorisaties"]
    search_fields = ["label", "clients__client_id"]
    inlines = [ClientInline, AutorisatieInline]


@admin.register(ClientSecret)
class ClientSecretAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Secrets are issued by the Autorisaties services; the secret itself is not shown."""

    exclude = ["secret"]

    list_display = ["client_id"]
    search_fields = ["client_id"]


@admin.register(Catalogus)
class CatalogusAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "domein", "rsin", "responsible_team"]
