# SPDX-License-Identifier: EUPL-1.2
"""Writes to what hangs off a document: its links to zaken and besluiten (objectinformatie-
objecten, shown by the Zaken and Besluiten APIs as zaak-/besluitinformatieobjecten) and its
usage rights (gebruiksrechten).

For the Zaken API (and decisions): call `document_link_create` / `document_link_update` /
`document_link_delete` inside your own write; `document_links_delete_for` when the zaak or
besluit itself is deleted. Read them with `plus1.documents.selectors.links_of`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.documents import audit_actions
from plus1.documents.events import announce
from plus1.documents.models import Document, DocumentLink, DocumentVersion, UsageRight

USAGE_RIGHTS_PATH = "/documenten/api/v1/gebruiksrechten"


@transaction.atomic
def document_link_create(
    *,
    actor: Actor,
    document: Document,
    object_type: str,
    object_uuid: uuid.UUID | str,
    data: dict[str, Any] | None = None,
) -> DocumentLink:
    if DocumentLink.objects.filter(
        document=document, object_type=object_type, object_uuid=object_uuid
    ).exists():
        raise ValidationError(
            {
                "nonFieldErrors": ValidationError(
                    "Dit document is al aan dit object gekoppeld.", code="unique"
                )
            }
        )
    link = DocumentLink.objects.create(
        document=document, object_type=object_type, object_uuid=object_uuid, data=data or {}
    )
    audit_record(
        actor=actor,
        action=audit_actions.LINK_CREATED,
        obj=document,
        after={"object_type": object_type, "object": str(object_uuid), **(data or {})},
    )
    return link


@transaction.atomic
def document_link_update(*, actor: Actor, link: DocumentLink, data: dict[str, Any]) -> DocumentLink:
    link = DocumentLink.objects.select_for_update().get(pk=link.pk)
    before = dict(link.data)
    link.data = {**link.data, **data}
    link.save(update_fields=["data"])
    audit_record(
        actor=actor, action=audit_actions.LINK_UPDATED, obj=link.document, before=before, after=data
    )
    return link


@transaction.atomic
def document_link_delete(*, actor: Actor, link: DocumentLink) -> None:
    audit_record(
        actor=actor,
        action=audit_actions.LINK_DELETED,
        obj=link.document,
        before={"object_type": link.object_type, "object": str(link.object_uuid)},
    )
    link.delete()


@transaction.atomic
def document_links_delete_for(
    *, actor: Actor, object_type: str, object_uuid: uuid.UUID | str
) -> int:
    """Remove every link to a zaak or besluit that is being deleted."""
    rows = list(
        DocumentLink.objects.select_related("document").filter(
            object_type=object_type, object_uuid=object_uuid
        )
    )
    for link in rows:
        document_link_delete(actor=actor, link=link)
    return len(rows)


def _set_usage_indication(document: Document, value: bool | None) -> None:
    """The indication follows the usage rights on the current version (no new version)."""
    if document.current_id is None:
        return
    version = DocumentVersion.objects.select_for_update().get(pk=document.current_id)
    version.data = {**version.data, "indicatieGebruiksrecht": value}
    version.save(update_fields=["data"])


def _announce(base_url: str, right: UsageRight, actie: str) -> None:
    announce(
        base_url=base_url,
        document=right.document,
        actie=actie,
        resource="gebruiksrechten",
        resource_path=f"{USAGE_RIGHTS_PATH}/{right.uuid}",
    )


@transaction.atomic
def usage_right_create(
    *,
    actor: Actor,
    document: Document,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    conditions: str,
    base_url: str = "",
) -> UsageRight:
    right = UsageRight.objects.create(
        document=document, starts_at=starts_at, ends_at=ends_at, conditions=conditions
    )
    _set_usage_indication(document, True)
    audit_record(
        actor=actor,
        action=audit_actions.USAGE_RIGHT_CREATED,
        obj=document,
        after={"startdatum": starts_at, "einddatum": ends_at, "voorwaarden": conditions},
    )
    _announce(base_url, right, "create")
    return right


@transaction.atomic
def usage_right_update(
    *, actor: Actor, right: UsageRight, changes: dict[str, Any], base_url: str = ""
) -> UsageRight:
    """Change the dates or conditions; the document (informatieobject) cannot change."""
    if "document" in changes and changes["document"].pk != right.document_id:
        raise ValidationError(
            {
                "informatieobject": ValidationError(
                    "Het informatieobject kan niet gewijzigd worden.",
                    code="wijzigen-niet-toegelaten",
                )
            }
        )
    right = UsageRight.objects.select_for_update().select_related("document").get(pk=right.pk)
    before = {"startdatum": right.starts_at, "einddatum": right.ends_at}
    for name in ("starts_at", "ends_at", "conditions"):
        if name in changes:
            setattr(right, name, changes[name])
    right.save()
    audit_record(
        actor=actor,
        action=audit_actions.USAGE_RIGHT_UPDATED,
        obj=right.document,
        before=before,
        after={k: v for k, v in changes.items() if k != "document"},
    )
    _announce(base_url, right, "partial_update")
    return right


@transaction.atomic
def usage_right_delete(*, actor: Actor, right: UsageRight, base_url: str = "") -> None:
    document = right.document
    _announce(base_url, right, "destroy")
    audit_record(
        actor=actor,
        action=audit_actions.USAGE_RIGHT_DELETED,
        obj=document,
        before={"startdatum": right.starts_at, "voorwaarden": right.conditions},
    )
    right.delete()
    if not document.usage_rights.exists():
        _set_usage_indication(document, None)
