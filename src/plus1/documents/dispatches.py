# SPDX-License-Identifier: EUPL-1.2
"""Writes to the verzendingen of a document (documents.Dispatch): each with its audit entry
on the document (so it shows in the document's audittrail) and its event, announced on
kanaal `documenten` by plus1.zgw.notifications. The caller validates the fields."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.documents import audit_actions, events
from plus1.documents.models import Dispatch, Document
from plus1.events.services import outbox_put

FIELDS = (
    "betrokkene",
    "relation",
    "explanation",
    "received_on",
    "sent_on",
    "contact_person",
    "contact_person_name",
    "address",
)


def _snapshot(dispatch: Dispatch) -> dict[str, Any]:
    """What the audit entry keeps: the relation and dates, not the address itself."""
    return {
        "verzending": str(dispatch.uuid),
        "betrokkene": dispatch.betrokkene,
        "aardRelatie": dispatch.relation,
        "ontvangstdatum": dispatch.received_on,
        "verzenddatum": dispatch.sent_on,
        "adressoort": sorted(dispatch.address),
    }


@transaction.atomic
def dispatch_create(*, actor: Actor, document: Document, values: dict[str, Any]) -> Dispatch:
    document = (
        Document.objects.select_for_update().select_related("document_type").get(pk=document.pk)
    )
    dispatch = Dispatch.objects.create(
        document=document, **{k: v for k, v in values.items() if k in FIELDS}
    )
    audit_record(
        actor=actor, action=audit_actions.DISPATCH_CREATED, obj=document, after=_snapshot(dispatch)
    )
    outbox_put(topic=events.DISPATCH_CREATED, payload=events.dispatch_facts(dispatch))
    return dispatch


@transaction.atomic
def dispatch_update(
    *, actor: Actor, dispatch: Dispatch, values: dict[str, Any], partial: bool
) -> Dispatch:
    """Change a verzending; its document (informatieobject) cannot change."""
    dispatch = (
        Dispatch.objects.select_for_update()
        .select_related("document__document_type")
        .get(pk=dispatch.pk)
    )
    if "document" in values and values["document"].pk != dispatch.document_id:
        raise ValidationError(
            {
                "informatieobject": ValidationError(
                    "Het informatieobject kan niet gewijzigd worden.",
                    code="wijzigen-niet-toegelaten",
                )
            }
        )
    before = _snapshot(dispatch)
    for name in FIELDS:
        if name in values:
            setattr(dispatch, name, values[name])
    dispatch.save()
    audit_record(
        actor=actor,
        action=audit_actions.DISPATCH_UPDATED,
        obj=dispatch.document,
        before=before,
        after=_snapshot(dispatch),
    )
    outbox_put(
        topic=events.DISPATCH_UPDATED, payload=events.dispatch_facts(dispatch, partial=partial)
    )
    return dispatch


@transaction.atomic
def dispatch_delete(*, actor: Actor, dispatch: Dispatch) -> None:
    dispatch = (
        Dispatch.objects.select_for_update()
        .select_related("document__document_type")
        .get(pk=dispatch.pk)
    )
    outbox_put(topic=events.DISPATCH_DELETED, payload=events.dispatch_facts(dispatch))
    audit_record(
        actor=actor,
        action=audit_actions.DISPATCH_DELETED,
        obj=dispatch.document,
        before=_snapshot(dispatch),
    )
    dispatch.delete()
