# SPDX-License-Identifier: EUPL-1.2
"""The one writer of case types. The YAML import (catalog_import), the admin and the
Catalogi API (plus1.zgw.catalogi.services.zaaktypen) all save a CaseType through
case_type_save, so a case type is written under one rule set: only the fields named in
CASE_TYPE_FIELDS and CASE_TYPE_RELATIONS, on the row as locked and re-read, with one audit
entry named by one of the constants below."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import model_to_dict

from plus1.audit.services import Actor, audit_record
from plus1.catalog import audit_actions
from plus1.catalog import events as catalog_events
from plus1.catalog.forms_schema import (
    schema_problems,
    with_current_date_rules,
    with_field_order,
)
from plus1.catalog.models import CaseType, Product, StatusType, Transition
from plus1.catalog.workflow import (
    StatusSpec,
    TransitionSpec,
    snapshot,
    workflow_of,
    workflow_problems,
)
from plus1.events.services import outbox_put

CASE_TYPE_FIELDS = frozenset(
    {
        "code",
        "name",
        "description",
        "name_en",
        "description_en",
        "kind",
        "legal_term",
        "reply_term",
        "responsible_team",
        "confidentiality",
        "form_schema",
        "active",
        "concept",
        "penalty_applies",
        "woo_publish",
        "woo_category",
        "valid_from",
        "valid_to",
        "version_date",
    }
)
CASE_TYPE_RELATIONS = frozenset({"decision_types", "sub_case_types"})


@transaction.atomic
def case_type_save(
    *,
    actor: Actor,
    case_type: CaseType | None,
    values: dict[str, Any],
    relations: dict[str, list[Any]] | None = None,
    new: CaseType | None = None,
) -> CaseType:
    """Create a case type (case_type None; `new` is the unsaved instance to fill when the
    caller already holds one, as the admin and the Catalogi API do) or change one: the row
    is locked and re-read, so the change applies to the current row, not a stale copy.
    Refuses fields outside the whitelist, listing them all."""
    relations = relations or {}
    unknown = sorted((set(values) - CASE_TYPE_FIELDS) | (set(relations) - CASE_TYPE_RELATIONS))
    if unknown:
        raise ValidationError(f"Deze gegevens van een zaaktype zijn niet te wijzigen: {unknown}.")
    if case_type is None:
        row, before = new or CaseType(), None
    else:
        row = CaseType.objects.select_for_update(of=("self",)).get(pk=case_type.pk)
        before = _snapshot(row)
    for name, value in values.items():
        if name == "form_schema":
            value = with_field_order(with_current_date_rules(value))
        setattr(row, name, value)
    row.save()
    for name, related in relations.items():
        getattr(row, name).set(related)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_CREATED
        if before is None
        else audit_actions.CASE_TYPE_UPDATED,
        obj=row,
        before=before,
        after=_snapshot(row),
    )
    return row


@transaction.atomic
def case_type_delete(*, actor: Actor, case_type: CaseType) -> None:
    """Delete a case type; rows that still use it (cases) refuse it (ProtectedError)."""
    row = CaseType.objects.select_for_update(of=("self",)).get(pk=case_type.pk)
    audit_record(
        actor=actor, action=audit_actions.CASE_TYPE_DELETED, obj=row, before=_snapshot(row)
    )
    row.delete()


def _snapshot(row: CaseType) -> dict[str, Any]:
    fields = model_to_dict(row, fields=sorted(CASE_TYPE_FIELDS | CASE_TYPE_RELATIONS))
    return {
        name: [getattr(item, "pk", item) for item in value] if isinstance(value, list) else value
        for name, value in fields.items()
    }


# Versions, forms and workflows ----------------------------------------------------------
#
# A published case type never changes under running cases: the first change made in the
# admin creates a draft version (concept) with the same code, a copy of the published one.
# Publishing the draft ends the previous version and points the products at the new one;
# cases keep the version (and so the statuses and transitions) they started with.


def case_type_draft(*, actor: Actor, case_type: CaseType) -> CaseType:
    """The draft version to change: the case type itself when it is a concept, the open
    draft of its code, or a new copy of it."""
    if case_type.concept:
        return case_type
    existing = CaseType.objects.filter(code=case_type.code, concept=True).order_by("-pk").first()
    if existing is not None:
        return existing
    return _draft_create(actor, case_type)


@transaction.atomic
def _draft_create(actor: Actor, source: CaseType) -> CaseType:
    source = CaseType.objects.select_for_update(of=("self",)).get(pk=source.pk)
    existing = CaseType.objects.filter(code=source.code, concept=True).order_by("-pk").first()
    if existing is not None:  # made by someone else while we waited for the lock
        return existing
    today = dt.date.today()
    draft = CaseType(
        **{name: getattr(source, name) for name in CASE_TYPE_FIELDS if name != "responsible_team"},
        responsible_team=source.responsible_team,
    )
    draft.concept, draft.valid_from, draft.valid_to, draft.version_date = True, today, None, today
    draft.save()
    draft.decision_types.set(source.decision_types.all())
    draft.sub_case_types.set(source.sub_case_types.all())
    _copy_parts(source, draft)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_DRAFT_CREATED,
        obj=draft,
        before=None,
        after={**_snapshot(draft), "copy_of": str(source.uuid)},
    )
    outbox_put(
        topic=catalog_events.CASE_TYPE_CREATED,
        payload={**catalog_events.type_facts(draft, None), "copy_of": str(source.uuid)},
    )
    return draft


def _copy_parts(source: CaseType, draft: CaseType) -> None:
    """Statuses, transitions and the ZGW parts (roles, results, properties, document types,
    object types) of the new version, as copies: the old version keeps its own."""
    statuses = {}
    for status in source.statuses.order_by("order"):
        old_pk = status.pk
        status.pk, status.uuid, status.case_type = None, uuid.uuid4(), draft
        status.save()
        statuses[old_pk] = status
    for transition in source.transitions.all():
        Transition.objects.create(
            case_type=draft,
            source=statuses[transition.source_id],
            target=statuses[transition.target_id],
            label=transition.label,
        )
    for related in ("role_types", "result_types", "property_types", "object_types"):
        for row in getattr(source, related).all():
            many = {f.name: list(getattr(row, f.name).all()) for f in row._meta.many_to_many}
            row.pk, row.uuid, row.case_type = None, uuid.uuid4(), draft
            if getattr(row, "status_type_id", None):
                row.status_type = statuses.get(row.status_type_id)
            row.save()
            for name, items in many.items():
                getattr(row, name).set(items)
    for link in source.document_type_links.all():
        link.pk, link.uuid, link.case_type = None, uuid.uuid4(), draft
        if link.status_type_id:
            link.status_type = statuses.get(link.status_type_id)
        link.save()


def publish_problems(case_type: CaseType) -> list[str]:
    """Every reason this version cannot be published, in plain Dutch."""
    return workflow_problems(*workflow_of(case_type)) + schema_problems(case_type.form_schema)


@transaction.atomic
def case_type_publish(*, actor: Actor, case_type: CaseType) -> CaseType:
    """Publish a draft: new cases use it from today; the previous version ends yesterday
    (or today, when it began today) and its products move to this version. Running cases
    keep their own version."""
    row = CaseType.objects.select_for_update(of=("self",)).get(pk=case_type.pk)
    if not row.concept:
        raise ValidationError("Deze versie is al gepubliceerd.")
    problems = publish_problems(row)
    if problems:
        raise ValidationError(problems)
    before, today = _snapshot(row), dt.date.today()
    previous = list(
        CaseType.objects.select_for_update(of=("self",))
        .filter(code=row.code, concept=False)
        .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=today))
        .exclude(pk=row.pk)
    )
    row.concept, row.valid_from, row.version_date = False, max(row.valid_from, today), today
    row.save(update_fields=["concept", "valid_from", "version_date"])
    for old in previous:
        old_before = _snapshot(old)
        old.valid_to = max(old.valid_from, row.valid_from - dt.timedelta(days=1))
        old.save(update_fields=["valid_to"])
        audit_record(
            actor=actor,
            action=audit_actions.CASE_TYPE_UPDATED,
            obj=old,
            before=old_before,
            after=_snapshot(old),
        )
    moved = Product.objects.filter(case_type__in=previous)
    moved_slugs = sorted(moved.values_list("slug", flat=True))
    moved.update(case_type=row)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_PUBLISHED,
        obj=row,
        before=before,
        after={**_snapshot(row), "products": moved_slugs},
    )
    outbox_put(topic=catalog_events.CASE_TYPE_UPDATED, payload=catalog_events.type_facts(row, None))
    return row


@transaction.atomic
def case_type_form_set(*, actor: Actor, case_type: CaseType, schema: dict[str, Any]) -> CaseType:
    """Replace the request form of a case type's draft (made if needed). Refuses a form
    that cannot be answered, listing every problem; nothing is saved then."""
    problems = schema_problems(schema)
    if problems:
        raise ValidationError(problems)
    draft = case_type_draft(actor=actor, case_type=case_type)
    row = CaseType.objects.select_for_update(of=("self",)).get(pk=draft.pk)
    before = row.form_schema
    row.form_schema = schema = with_field_order(with_current_date_rules(schema))
    row.save(update_fields=["form_schema"])
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_FORM_CHANGED,
        obj=row,
        before={"form_schema": before},
        after={"form_schema": schema},
    )
    return row


@transaction.atomic
def case_type_workflow_save(
    *,
    actor: Actor,
    case_type: CaseType,
    statuses: list[StatusSpec],
    transitions: list[TransitionSpec],
) -> CaseType:
    """Replace the statuses and transitions of a case type's draft (made if needed), on one
    page. Refused with every problem listed when a status cannot be reached, no final status
    can be reached, or a transition points outside the case type; nothing is saved then."""
    problems = workflow_problems(statuses, transitions)
    if problems:
        raise ValidationError(problems)
    draft = case_type_draft(actor=actor, case_type=case_type)
    row = CaseType.objects.select_for_update(of=("self",)).get(pk=draft.pk)
    before = snapshot(*workflow_of(row))
    existing = {status.code: status for status in row.statuses.all()}
    row.transitions.all().delete()
    in_use = []
    for code in sorted(set(existing) - {status.code for status in statuses}):
        try:
            with transaction.atomic():
                existing[code].delete()
        except models.ProtectedError:
            in_use.append(f"Status ‘{existing[code].name}’ is nog in gebruik door zaken.")
        existing.pop(code)
    if in_use:
        raise ValidationError(in_use)
    # Free the unique order and initial flags before the new ones are written.
    for offset, status in enumerate(existing.values(), start=1):
        StatusType.objects.filter(pk=status.pk).update(order=100_000 + offset, is_initial=False)
    rows = {}
    for spec in statuses:
        status = existing.get(spec.code) or StatusType(case_type=row, code=spec.code)
        status.name, status.order, status.resident_text = spec.name, spec.order, spec.resident_text
        status.norm_days = spec.norm_days
        status.is_initial, status.is_final = spec.is_initial, spec.is_final
        status.save()
        rows[spec.code] = status
    for move in transitions:
        Transition.objects.create(
            case_type=row, source=rows[move.source], target=rows[move.target], label=move.label
        )
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_WORKFLOW_CHANGED,
        obj=row,
        before=before,
        after=snapshot(*workflow_of(row)),
    )
    return row
