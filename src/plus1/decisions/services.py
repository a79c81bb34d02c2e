# SPDX-License-Identifier: EUPL-1.2
"""Every write to a besluit and to its documents (besluitinformatieobjecten, kept as
documents.DocumentLink rows so the Documenten API shows the same link)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.catalog.models import DecisionType
from plus1.common.identifiers import next_identification
from plus1.decisions import audit_actions
from plus1.decisions.events import announce
from plus1.decisions.models import Decision
from plus1.documents.links import (
    document_link_create,
    document_link_delete,
    document_links_delete_for,
)
from plus1.documents.models import Document, DocumentLink, ObjectType

BIO_PATH = "/besluiten/api/v1/besluitinformatieobjecten"
FIXED = {
    "identification": "identificatie",
    "responsible_organisation": "verantwoordelijkeOrganisatie",
}


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _check_case(decision_type: DecisionType, case: Case | None) -> None:
    if case is not None and not case.case_type.decision_types.filter(pk=decision_type.pk).exists():
        raise _error(
            "nonFieldErrors",
            "Het besluittype hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )


def _identification(organisation: str, given: str) -> str:
    taken = Decision.objects.filter(responsible_organisation=organisation)
    if given:
        if taken.filter(identification=given).exists():
            raise _error(
                "identificatie",
                "Deze identificatie is al in gebruik bij deze organisatie.",
                "identificatie-niet-uniek",
            )
        return given
    while True:
        candidate = next_identification("BESLUIT", timezone.localdate().year)
        if not taken.filter(identification=candidate).exists():
            return candidate


def _snapshot(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.pk if hasattr(v, "pk") else v) for k, v in values.items()}


@transaction.atomic
def decision_create(
    *,
    actor: Actor,
    decision_type: DecisionType,
    case: Case | None,
    values: dict[str, Any],
    base_url: str = "",
) -> Decision:
    """A besluit of a published besluittype; with a zaak, of one of its zaaktype's besluittypen."""
    if decision_type.concept:
        raise _error("besluittype", "Het besluittype is nog niet gepubliceerd.", "not-published")
    _check_case(decision_type, case)
    values = dict(values)
    values["identification"] = _identification(
        values["responsible_organisation"], values.get("identification", "")
    )
    decision = Decision.objects.create(decision_type=decision_type, case=case, **values)
    audit_record(
        actor=actor, action=audit_actions.DECISION_CREATED, obj=decision, after=_snapshot(values)
    )
    announce(base_url=base_url, decision=decision, actie="create")
    return decision


@transaction.atomic
def decision_update(
    *,
    actor: Actor,
    decision: Decision,
    decision_type: DecisionType | None,
    changes: dict[str, Any],
    partial: bool,
    base_url: str = "",
) -> Decision:
    """Change a besluit; its type, identification and organisation stay as they are."""
    decision = (
        Decision.objects.select_for_update().select_related("decision_type").get(pk=decision.pk)
    )
    problems = {}
    if decision_type is not None and decision_type.pk != decision.decision_type_id:
        problems["besluittype"] = "besluittype"
    for name, field in FIXED.items():
        if changes.get(name) and changes[name] != getattr(decision, name):
            problems[field] = field
    if problems:
        raise ValidationError(
            {
                field: ValidationError(
                    "Dit gegeven kan niet gewijzigd worden.", code="wijzigen-niet-toegelaten"
                )
                for field in problems
            }
        )
    if "case" in changes and changes["case"] != decision.case:
        raise ValidationError(
            {
                "zaak": ValidationError(
                    "De zaak van een besluit kan niet gewijzigd worden.",
                    code="wijzigen-niet-toegelaten",
                )
            }
        )
    before = _snapshot({name: getattr(decision, name) for name in changes})
    for name, value in changes.items():
        if name not in FIXED:
            setattr(decision, name, value)
    decision.save()
    audit_record(
        actor=actor,
        action=audit_actions.DECISION_UPDATED,
        obj=decision,
        before=before,
        after=_snapshot(changes),
    )
    announce(base_url=base_url, decision=decision, actie="partial_update" if partial else "update")
    return decision


@transaction.atomic
def decision_delete(*, actor: Actor, decision: Decision, base_url: str = "") -> None:
    """Delete a besluit and its links to documents."""
    document_links_delete_for(
        actor=actor, object_type=ObjectType.BESLUIT, object_uuid=decision.uuid
    )
    announce(base_url=base_url, decision=decision, actie="destroy")
    audit_record(
        actor=actor,
        action=audit_actions.DECISION_DELETED,
        obj=decision,
        before={"identificatie": decision.identification},
    )
    decision.delete()


@transaction.atomic
def decision_document_add(
    *, actor: Actor, decision: Decision, document: Document, base_url: str = ""
) -> DocumentLink:
    """Link a document to a besluit; its type must be one of the besluittype's documenttypen."""
    if not decision.decision_type.document_types.filter(pk=document.document_type_id).exists():
        raise _error(
            "nonFieldErrors",
            "Het informatieobjecttype van het document hoort niet bij het besluittype.",
            "missing-besluittype-informatieobjecttype-relation",
        )
    link = document_link_create(
        actor=actor, document=document, object_type=ObjectType.BESLUIT, object_uuid=decision.uuid
    )
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_ADDED,
        obj=decision,
        after={"informatieobject": str(document.uuid)},
    )
    announce(
        base_url=base_url,
        decision=decision,
        actie="create",
        resource="besluitinformatieobject",
        resource_path=f"{BIO_PATH}/{link.uuid}",
    )
    return link


@transaction.atomic
def decision_document_remove(
    *, actor: Actor, decision: Decision, link: DocumentLink, base_url: str = ""
) -> None:
    announce(
        base_url=base_url,
        decision=decision,
        actie="destroy",
        resource="besluitinformatieobject",
        resource_path=f"{BIO_PATH}/{link.uuid}",
    )
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_REMOVED,
        obj=decision,
        before={"informatieobject": str(link.document.uuid)},
    )
    document_link_delete(actor=actor, link=link)
