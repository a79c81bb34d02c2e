# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.events.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["pk", "topic", "state", "attempts", "created_at", "delivered_at"]
    list_filter = ["state", "topic"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
