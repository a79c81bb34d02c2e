# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import ReadOnlyAdminMixin
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
class ProcessingActivityAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """The processing register is changed through its services."""

    list_display = ["name", "code", "legal_ground", "confidential", "active"]
    list_filter = ["legal_ground", "confidential", "active"]
    inlines = [CaseTypeInline]


@admin.register(Partner)
class PartnerAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "active"]


@admin.register(ApiClient)
class ApiClientAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "client_id", "partner", "active"]
    exclude = ["secret_hash"]


@admin.register(DataTrailRecord)
class DataTrailRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: the data trail is append-only."""

    list_display = ["start_time", "name", "action", "activity", "refused"]
    list_filter = ["action", "refused", "activity"]


@admin.register(Consent, GdprRequest)
class PrivacyRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Consents and GDPR requests change through their services (revoke, handle)."""
