# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse

from plus1.audit.admin_mixins import AuditedAdminMixin, ReadOnlyAdminMixin
from plus1.audit.services import Actor
from plus1.catalog import admin_views
from plus1.catalog.case_type_services import (
    CASE_TYPE_FIELDS,
    CASE_TYPE_RELATIONS,
    case_type_delete,
    case_type_draft,
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
)


@admin.register(CaseType)
class CaseTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Functional administrators configure case types here, without code."""

    list_display = [
        "name",
        "code",
        "version",
        "valid_from",
        "valid_to",
        "responsible_team",
        "legal_term",
        "offered",
    ]
    list_filter = ["concept", "active", "responsible_team", "confidentiality"]
    search_fields = ["name", "code"]
    readonly_fields = ["concept", "valid_from", "valid_to", "version_date"]
    change_form_template = "admin/catalog/casetype/change_form.html"
    fieldsets = [
        (None, {"fields": ["name", "code", "description", "responsible_team", "active"]}),
        ("Termijn en vertrouwelijkheid", {"fields": ["legal_term", "confidentiality"]}),
        ("Wet open overheid (Woo)", {"fields": ["woo_publish", "woo_category"]}),
        ("Versie", {"fields": ["concept", "valid_from", "valid_to", "version_date"]}),
        ("Koppelingen", {"fields": ["decision_types", "sub_case_types"]}),
        (
            "Aanvraagformulier als JSON Schema (voor export en import)",
            {
                "fields": ["form_schema"],
                "classes": ["collapse"],
                "description": "Gewoon wijzigen gaat met de knop ‘Aanvraagformulier’ bovenaan.",
            },
        ),
    ]

    @admin.display(description="versie", ordering="concept")
    def version(self, case_type: CaseType) -> str:
        return "concept" if case_type.concept else "gepubliceerd"

    @admin.display(description="actief", ordering="active")
    def offered(self, case_type: CaseType) -> str:
        return "ja" if case_type.active else "nee"

    def get_urls(self):  # type: ignore[no-untyped-def]
        def page(view, suffix, name):  # type: ignore[no-untyped-def]
            wrapped = self.admin_site.admin_view(
                lambda request, object_id: view(self, request, object_id)
            )
            return path(f"<path:object_id>/{suffix}/", wrapped, name=f"catalog_casetype_{name}")

        return [
            page(admin_views.form_builder_view, "formulier", "form"),
            page(admin_views.preview_view, "formulier/voorbeeld", "preview"),
            page(admin_views.workflow_view, "statussen", "workflow"),
            page(admin_views.publish_view, "publiceren", "publish"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        """Through the one writer of case types, with the form's fields and relations. A
        change to a published version lands in its draft, which the page then shows."""
        data = form.cleaned_data
        actor = Actor.from_user(request.user)
        target = obj if change else None
        if change and not obj.concept:
            target = case_type_draft(actor=actor, case_type=obj)
            request._plus1_draft = target
        if not change:
            obj.concept = True  # a new case type is a draft until its workflow is published
        case_type_save(
            actor=actor,
            case_type=target,
            new=None if change else obj,
            values={
                name: data[name] for name in CASE_TYPE_FIELDS if name in data and name != "concept"
            },
            relations={name: list(data[name]) for name in CASE_TYPE_RELATIONS if name in data},
        )

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        """The relations were saved by case_type_save."""

    def response_change(self, request, obj):  # type: ignore[no-untyped-def]
        draft = getattr(request, "_plus1_draft", None)
        if draft is None:
            return super().response_change(request, obj)
        messages.info(
            request,
            "De gepubliceerde versie blijft ongewijzigd voor lopende zaken. Uw wijziging staat "
            "in een conceptversie; publiceer die om haar voor nieuwe aanvragen te gebruiken.",
        )
        return HttpResponseRedirect(reverse("admin:catalog_casetype_change", args=[draft.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):  # type: ignore[no-untyped-def]
        if obj is not None:
            context["versions"] = CaseType.objects.filter(code=obj.code).order_by(
                "-valid_from", "-pk"
            )
            context["statuses"] = obj.statuses.order_by("order")
        return super().render_change_form(request, context, add, change, form_url, obj)

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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        """Only the version of a case type in force: a draft is not offered to residents
        until it is published, and publishing moves the products along."""
        if db_field.name == "case_type":
            kwargs["queryset"] = CaseType.objects.current().select_related("responsible_team")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "layer", "url", "phone"]
    list_filter = ["layer"]
    search_fields = ["name"]


# The other catalogue types (ZGW) are managed through the Catalogi API, whose services keep
# the publication rules; the parts of a case type belong to one of its versions (a draft
# copies them). Readable here, not editable.
@admin.register(DocumentType)
class DocumentTypeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["description", "category", "confidentiality", "concept", "valid_from"]
    list_filter = ["concept", "confidentiality"]
    search_fields = ["description"]


@admin.register(DecisionType)
class DecisionTypeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["description", "category", "concept", "valid_from"]
    list_filter = ["concept"]
    search_fields = ["description"]


@admin.register(RoleType, ResultType, PropertyType)
class CaseTypePartAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "case_type"]
    list_select_related = ["case_type"]
