# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.audit.services import Actor
from plus1.catalog.case_type_services import (
    CASE_TYPE_FIELDS,
    CASE_TYPE_RELATIONS,
    case_type_delete,
    case_type_save,
)
from plus1.catalog.models import (
    CaseType,
    DecisionType,
    DocumentType,
    LegalBasis,
    Organisation,
    Product,
    PropertyType,
    ResultType,
    RoleType,
    StatusType,
    Transition,
)


class StatusTypeInline(admin.TabularInline):
    model = StatusType
    extra = 0
    ordering = ["order"]


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    fk_name = "case_type"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        object_id = (
            request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        )
        if db_field.name in {"source", "target"} and object_id:
            kwargs["queryset"] = StatusType.objects.filter(case_type_id=object_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CaseType)
class CaseTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Functional administrators configure case types here, without code."""

    list_display = [
        "name",
        "code",
        "valid_from",
        "responsible_team",
        "legal_term",
        "confidentiality",
        "active",
    ]
    list_filter = ["active", "responsible_team", "confidentiality"]
    search_fields = ["name", "code"]
    filter_horizontal = ["decision_types"]
    inlines = [StatusTypeInline, TransitionInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        """Through the one writer of case types, with the form's fields and relations."""
        data = form.cleaned_data
        case_type_save(
            actor=Actor.from_user(request.user),
            case_type=obj if change else None,
            new=None if change else obj,
            values={name: data[name] for name in CASE_TYPE_FIELDS if name in data},
            relations={name: list(data[name]) for name in CASE_TYPE_RELATIONS if name in data},
        )

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        """The relations were saved by case_type_save; the inlines are saved as usual."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        case_type_delete(actor=Actor.from_user(request.user), case_type=obj)

    def delete_queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        for obj in queryset:
            self.delete_model(request, obj)


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


@admin.register(Product)
class ProductAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """UPL fields are overwritten by `plus1 catalog import-upl`; the local fields are kept."""

    list_display = [
        "name",
        "slug",
        "audience",
        "case_type",
        "login_level",
        "provider",
        "published",
        "text_reviewed",
    ]
    list_filter = ["text_reviewed", "audience", "published", "provider"]
    search_fields = ["name", "upl_name", "summary", "resident_words"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["upl_uri", "upl_name", "layers", "kinds"]
    inlines = [LegalBasisInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "layer", "url", "phone"]
    list_filter = ["layer"]
    search_fields = ["name"]


# The other catalogue types (ZGW): mostly managed through the Catalogi API, readable here.
@admin.register(DocumentType)
class DocumentTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["description", "category", "confidentiality", "concept", "valid_from"]
    list_filter = ["concept", "confidentiality"]
    search_fields = ["description"]


@admin.register(DecisionType)
class DecisionTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["description", "category", "concept", "valid_from"]
    list_filter = ["concept"]
    search_fields = ["description"]


@admin.register(RoleType, ResultType, PropertyType)
class CaseTypePartAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "case_type"]
    list_select_related = ["case_type"]
