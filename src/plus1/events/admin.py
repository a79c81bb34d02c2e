# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.contrib import admin

from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal, OutboxMessage


class ReadOnlyAdminMixin:
    """To look at only (events may not import audit, so this is events' own copy of
    plus1.audit.admin_mixins.ReadOnlyAdminMixin): kanalen and abonnementen change through
    the Notificaties API's services, the outbox through its worker."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The outbox is delivered by the worker; to look at only."""

    list_display = ["pk", "topic", "consumer", "state", "attempts", "created_at", "delivered_at"]
    list_filter = ["state", "topic", "consumer"]
    search_fields = ["key", "event_id"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]


@admin.register(Kanaal)
class KanaalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Kanalen are made through the Notificaties API (its services)."""

    list_display = ["naam", "documentatie_link"]
    search_fields = ["naam"]


class AbonnementKanaalInline(admin.TabularInline):
    model = AbonnementKanaal
    extra = 1


@admin.register(Abonnement)
class AbonnementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Abonnementen are made through the Notificaties API (its services)."""

    list_display = ["callback_url", "client_id"]
    inlines = [AbonnementKanaalInline]
