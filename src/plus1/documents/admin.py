# SPDX-License-Identifier: EUPL-1.2
"""Documents in the admin: to look at only; every change goes through the services."""

from __future__ import annotations

from django.contrib import admin

from plus1.audit.admin_mixins import ReadOnlyAdminMixin
from plus1.documents.models import Document, DocumentVersion


class ReadOnly(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    pass


class VersionInline(admin.TabularInline):
    model = DocumentVersion
    fields = readonly_fields = ("number", "registered_at", "title", "size", "content")
    extra = 0
    can_delete = False


@admin.register(Document)
class DocumentAdmin(ReadOnly):
    list_display = ["identification", "source_organisation", "document_type", "confidentiality"]
    search_fields = ["identification"]
    inlines = [VersionInline]
