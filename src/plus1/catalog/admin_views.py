# SPDX-License-Identifier: EUPL-1.2
"""The form builder, the workflow editor and publishing: admin pages of a case type. Thin
views: parse, call one service of catalog.case_type_services, render. A change to a
published case type lands in its draft version; the page then shows that draft."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.catalog import form_builder, forms_schema
from plus1.catalog.admin_forms import (
    FieldForm,
    StatusFormSet,
    TransitionFormSet,
    field_initial,
    posted_status_choices,
    status_specs,
    transition_specs,
)
from plus1.catalog.case_type_services import (
    case_type_form_set,
    case_type_publish,
    case_type_workflow_save,
    publish_problems,
)
from plus1.catalog.models import CaseType
from plus1.catalog.workflow import workflow_of

SAMPLE_PERSON = {"name": "Anna de Boer", "email": "anna@voorbeeld.nl", "phone": "06 1234 5678"}


def _case_type(model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str) -> CaseType:
    case_type = get_object_or_404(CaseType.objects.select_related("responsible_team"), pk=object_id)
    if not model_admin.has_change_permission(request, case_type):
        raise PermissionDenied
    return case_type


def _context(
    model_admin: admin.ModelAdmin, request: HttpRequest, case_type: CaseType, title: str
) -> dict[str, Any]:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": CaseType._meta,
        "original": case_type,
        "title": title,
        "versions": CaseType.objects.filter(code=case_type.code).order_by("-valid_from", "-pk"),
    }


def _page(name: str, case_type: CaseType) -> str:
    return reverse(f"admin:catalog_casetype_{name}", args=[case_type.pk])


def _saved(request: HttpRequest, before: CaseType, after: CaseType) -> None:
    if before.pk != after.pk:
        messages.info(
            request,
            "De gepubliceerde versie blijft ongewijzigd voor lopende zaken. Uw wijziging staat "
            "in een conceptversie; publiceer die om haar voor nieuwe aanvragen te gebruiken.",
        )
    messages.success(request, "De wijziging is bewaard.")


def form_builder_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    case_type = _case_type(model_admin, request, object_id)
    schema = case_type.form_schema or {"type": "object", "properties": {}}
    fields = form_builder.specs(schema)
    editing = request.POST.get("field") or request.GET.get("veld") or ""
    spec = next((item for item in fields if item.name == editing), None)
    others = [(item.name, item.label) for item in fields if item.name != editing]
    kinds = {item.name: item.kind for item in fields}
    problems: list[str] = []
    form = FieldForm(initial=field_initial(spec) if spec else None, others=others)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "save":
            form = FieldForm(request.POST, others=others)
            if form.is_valid():
                name = (
                    spec.name
                    if spec
                    else form_builder.new_name(form.cleaned_data["label"], set(kinds))
                )
                schema = form_builder.with_field(schema, form.spec(name, kinds))
            else:
                problems = [
                    f"{form.fields[key].label if key in form.fields else ''}: {message}"
                    for key, errors in form.errors.items()
                    for message in errors
                ]
        elif action in {"up", "down"}:
            schema = form_builder.moved(schema, editing, -1 if action == "up" else 1)
        elif action == "remove":
            schema = form_builder.without_field(schema, editing)
        if not problems:
            try:
                with transaction.atomic():
                    saved = case_type_form_set(
                        actor=Actor.from_user(request.user), case_type=case_type, schema=schema
                    )
            except ValidationError as exc:
                problems = exc.messages
            else:
                _saved(request, case_type, saved)
                return redirect(_page("form", saved))
    context = {
        **_context(model_admin, request, case_type, f"Aanvraagformulier van {case_type.name}"),
        "fields": fields,
        "preview_fields": forms_schema.fields(schema),
        "form": form,
        "editing": spec,
        "problems": problems,
        "kinds": form_builder.KINDS,
        "preview_url": _page("preview", case_type),
    }
    return TemplateResponse(
        request,
        "admin/catalog/casetype/form_builder.html",
        context,
        status=400 if problems else 200,
    )


def preview_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    """The form as the resident will see it, with a made-up resident's data filled in;
    sending it shows the checks the resident would get, and saves nothing."""
    case_type = _case_type(model_admin, request, object_id)
    schema = case_type.form_schema
    problems: dict[str, list[str]] = {}
    values: dict[str, Any] = forms_schema.prefill(schema, SAMPLE_PERSON)
    checked = False
    if request.method == "POST":
        values = forms_schema.form_values(schema, request.POST)
        problems = forms_schema.validate(schema, forms_schema.read_submission(schema, request.POST))
        checked = not problems
    context = {
        "case_type": case_type,
        "fields": forms_schema.fields(schema),
        "values": values,
        "problems": problems,
        "checked": checked,
    }
    return TemplateResponse(request, "catalog/form_preview.html", context)


def workflow_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    case_type = _case_type(model_admin, request, object_id)
    statuses, transitions = workflow_of(case_type)
    problems: list[str] = []
    if request.method == "POST":
        choices = posted_status_choices(request.POST)
        status_forms = StatusFormSet(request.POST, prefix="statussen")
        transition_forms = TransitionFormSet(
            request.POST, prefix="overgangen", form_kwargs={"statuses": choices}
        )
        if status_forms.is_valid() and transition_forms.is_valid():
            try:
                with transaction.atomic():
                    saved = case_type_workflow_save(
                        actor=Actor.from_user(request.user),
                        case_type=case_type,
                        statuses=status_specs(status_forms),
                        transitions=transition_specs(transition_forms),
                    )
            except ValidationError as exc:
                problems = exc.messages
            else:
                _saved(request, case_type, saved)
                return redirect(_page("workflow", saved))
        else:
            problems = _formset_problems(status_forms, "Status") + _formset_problems(
                transition_forms, "Overgang"
            )
    else:
        choices = [(status.code, status.name) for status in statuses]
        status_forms = StatusFormSet(prefix="statussen", initial=[vars(s) for s in statuses])
        transition_forms = TransitionFormSet(
            prefix="overgangen",
            initial=[vars(t) for t in transitions],
            form_kwargs={"statuses": choices},
        )
    context = {
        **_context(
            model_admin, request, case_type, f"Statussen en overgangen van {case_type.name}"
        ),
        "status_forms": status_forms,
        "transition_forms": transition_forms,
        "problems": problems,
    }
    return TemplateResponse(
        request, "admin/catalog/casetype/workflow.html", context, status=400 if problems else 200
    )


def _formset_problems(formset: Any, what: str) -> list[str]:
    problems = []
    for number, errors in enumerate(formset.errors, start=1):
        for key, messages_ in errors.items():
            label = (
                formset.forms[number - 1].fields[key].label
                if key in formset.forms[0].fields
                else ""
            )
            problems += [f"{what} {number}, {label}: {message}" for message in messages_]
    return problems + [str(message) for message in formset.non_form_errors()]


def publish_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    case_type = _case_type(model_admin, request, object_id)
    problems = publish_problems(case_type) if case_type.concept else []
    if request.method == "POST" and case_type.concept:
        try:
            with transaction.atomic():
                case_type_publish(actor=Actor.from_user(request.user), case_type=case_type)
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(
                request,
                f"Versie van {case_type.valid_from:%d-%m-%Y} is gepubliceerd: nieuwe aanvragen "
                "gebruiken haar; lopende zaken houden hun eigen versie.",
            )
            return redirect(reverse("admin:catalog_casetype_change", args=[case_type.pk]))
    context = {
        **_context(model_admin, request, case_type, f"{case_type.name} publiceren"),
        "problems": problems,
        "statuses": workflow_of(case_type)[0],
        "fields": forms_schema.fields(case_type.form_schema),
    }
    return TemplateResponse(
        request,
        "admin/catalog/casetype/publish.html",
        context,
        status=400 if problems and request.method == "POST" else 200,
    )
