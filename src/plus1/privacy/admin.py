# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.privacy.models import (
    ApiClient,
    CaseTypeActivity,
    Consent,
    DataTrailRecord,
    GdprRequest,
    Partner,
    ProcessingActivity,
)


class CaseTypeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CaseTypeActivity
    extra = 0


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "code", "legal_ground", "confidential", "active"]
    list_filter = ["legal_ground", "confidential", "active"]
    inlines = [CaseTypeInline]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "active"]


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "client_id", "partner", "active"]
    exclude = ["secret_hash"]


@admin.register(DataTrailRecord)
class DataTrailRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: the data trail is append-only."""

    list_display = ["start_time", "name", "action", "activity", "refused"]
    list_filter = ["action", "refused", "activity"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


admin.site.register(Consent)
admin.site.register(GdprRequest)
