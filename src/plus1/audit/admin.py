# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import ReadOnlyAdminMixin
from plus1.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["number", "moment", "who", "what", "kind", "which"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "actor_label"]

    @admin.display(description="nummer", ordering="seq")
    def number(self, entry: AuditEntry) -> int | None:  # None: not linked yet
        return entry.seq

    @admin.display(description="moment", ordering="occurred_at")
    def moment(self, entry: AuditEntry) -> object:
        return entry.occurred_at

    @admin.display(description="wie")
    def who(self, entry: AuditEntry) -> str:
        return entry.actor_label

    @admin.display(description="handeling", ordering="action")
    def what(self, entry: AuditEntry) -> str:
        return entry.action

    @admin.display(description="soort gegeven")
    def kind(self, entry: AuditEntry) -> str:
        return entry.object_type

    @admin.display(description="welk gegeven")
    def which(self, entry: AuditEntry) -> str:
        return entry.object_id
