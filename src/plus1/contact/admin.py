# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.contrib import admin
from django.utils.html import format_html, linebreaks

from plus1.audit.admin_mixins import AuditedAdminMixin, ReadOnlyAdminMixin
from plus1.contact import message_texts
from plus1.contact.models import (
    Appointment,
    AppointmentProduct,
    ChannelPreference,
    Closure,
    Counter,
    Location,
    Message,
    MessageTemplate,
    OpeningHours,
    ProductContactSetting,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


class CounterInline(admin.TabularInline):
    model = Counter
    extra = 0


@admin.register(Location)
class LocationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, ClosureInline, CounterInline]


@admin.register(AppointmentProduct)
class AppointmentProductAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "duration_minutes", "product"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["product"]


@admin.register(Appointment)
class AppointmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Appointments change through the booking services (slot locks, messages)."""

    list_display = ["start", "product", "location", "status"]
    list_filter = ["status", "location", "product"]
    date_hierarchy = "start"
    exclude = ["cancel_code_hash"]
    readonly_fields = ["product", "location", "slot", "start", "end", "party", "status"]


@admin.register(ProductContactSetting)
class ProductContactSettingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Per product: which team calls back and within how many working days."""

    list_display = ["product", "callback_team", "callback_working_days"]
    autocomplete_fields = ["product"]
    list_select_related = ["product", "callback_team"]


# --- messages to residents ----------------------------------------------------------------


class MessageTemplateForm(forms.ModelForm):
    event = forms.ChoiceField(
        label="Gebeurtenis",
        choices=[(event, label) for event, (label, _) in message_texts.EVENTS.items()],
    )

    class Meta:
        model = MessageTemplate
        fields = ["event", "case_type", "subject", "body", "sms"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        problems = message_texts.problems_of(
            str(data.get("event", "")),
            str(data.get("subject", "")),
            str(data.get("body", "")),
            str(data.get("sms", "")),
        )
        if problems:
            raise forms.ValidationError(problems)
        return data


@admin.register(MessageTemplate)
class MessageTemplateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = MessageTemplateForm
    list_display = ["event", "case_type", "subject", "updated_at"]
    list_filter = ["event"]
    readonly_fields = ["placeholders", "preview"]
    fields = ["event", "case_type", "subject", "body", "sms", "placeholders", "preview"]

    def get_changeform_initial_data(self, request: Any) -> dict[str, str | list[str]]:
        initial = super().get_changeform_initial_data(request)
        event = str(initial.get("event", "")) or message_texts.CASE_REGISTERED
        default = message_texts.DEFAULTS.get(
            event, message_texts.DEFAULTS[message_texts.CASE_REGISTERED]
        )
        return {
            "event": event,
            "subject": default.subject,
            "body": default.body,
            "sms": default.sms,
            **initial,
        }

    @admin.display(description="Invulplekken")
    def placeholders(self, obj: MessageTemplate | None) -> str:
        rows = []
        for event, (label, examples) in message_texts.EVENTS.items():
            if obj is not None and obj.pk and obj.event != event:
                continue
            names = ", ".join("{" + name + "}" for name in sorted(examples))
            rows.append(f"{label}: {names}")
        return "\n".join(rows)

    @admin.display(description="Voorbeeld")
    def preview(self, obj: MessageTemplate | None) -> str:
        if obj is None or not obj.pk:
            return "Sla het sjabloon op om het voorbeeld te zien."
        text = message_texts.preview(obj)
        return format_html(
            "<p><strong>{}</strong></p>{}<p>Sms: {}</p>",
            text.subject,
            linebreaks(text.body),
            text.sms or "(onderwerp en link)",
        )


@admin.register(Message)
class MessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["subject", "recipient_name", "channel", "status", "created_at", "sent_at"]
    list_filter = ["status", "channel", "event"]
    search_fields = ["subject", "case__identification"]


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["party", "channel", "verified_at"]
