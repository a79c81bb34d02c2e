# SPDX-License-Identifier: EUPL-1.2
"""Every write to a document: create, change (a new version each time), lock, unlock, upload
in parts and delete. `base_url` is the host the ZGW API was called on (for notifications)."""

from __future__ import annotations

import math
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.catalog.models import DocumentType
from plus1.common.identifiers import next_identification
from plus1.documents import audit_actions, files
from plus1.documents.events import announce
from plus1.documents.models import Document, DocumentPart, DocumentVersion

RECEIVED_NOT_ALLOWED = ("in_bewerking", "ter_vaststelling")


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def part_size() -> int:
    return int(settings.DOCUMENT_PART_SIZE)


def _check_rules(document: Document | None, data: dict[str, Any]) -> None:
    """Rules on the combined (old + new) values of a version."""
    if data.get("ontvangstdatum") and data.get("status") in RECEIVED_NOT_ALLOWED:
        raise _error(
            "status",
            "Een ontvangen document kan niet de status ‘in bewerking’ of ‘ter vaststelling’ hebben.",
            "invalid_for_received",
        )
    if data.get("indicatieGebruiksrecht") is True and (
        document is None or not document.usage_rights.exists()
    ):
        raise _error(
            "indicatieGebruiksrecht",
            "Leg eerst gebruiksrechten vast voordat de indicatie op ‘ja’ gaat.",
            "missing-gebruiksrechten",
        )


def _identification(source_organisation: str, given: str) -> str:
    if given:
        if Document.objects.filter(
            source_organisation=source_organisation, identification=given
        ).exists():
            raise _error(
                "identificatie",
                "Deze identificatie is al in gebruik bij deze bronorganisatie.",
                "identificatie-niet-uniek",
            )
        return given
    while True:
        candidate = next_identification("DOCUMENT", timezone.localdate().year)
        if not Document.objects.filter(
            source_organisation=source_organisation, identification=candidate
        ).exists():
            return candidate


def _new_parts(version: DocumentVersion, size: int | None) -> None:
    """A version without content but with a size is uploaded in parts (bestandsdelen)."""
    if not size:
        return
    chunk = part_size()
    DocumentPart.objects.bulk_create(
        DocumentPart(version=version, number=n + 1, size=min(chunk, size - n * chunk))
        for n in range(math.ceil(size / chunk))
    )


@transaction.atomic
def document_create(
    *,
    actor: Actor,
    document_type: DocumentType,
    source_organisation: str,
    identification: str,
    confidentiality: str,
    title: str,
    data: dict[str, Any],
    content: bytes | None,
    size: int | None,
    base_url: str = "",
) -> Document:
    """A new document (version 1). Without content but with a size, it waits for its parts
    (bestandsdelen) and is locked; the lock is on the returned document."""
    if document_type.concept:
        raise _error(
            "informatieobjecttype",
            "Het informatieobjecttype is nog niet gepubliceerd.",
            "not-published",
        )
    _check_rules(None, data)
    document = Document.objects.create(
        identification=_identification(source_organisation, identification),
        source_organisation=source_organisation,
        document_type=document_type,
        confidentiality=confidentiality or document_type.confidentiality,
    )
    version = DocumentVersion(
        document=document, number=1, registered_at=timezone.now(), title=title, data=data
    )
    if content is not None:
        files.store_content(version, content, data.get("bestandsnaam", ""))
    else:
        version.size = size
    version.save()
    if content is None and size:
        _new_parts(version, size)
        document.lock = uuid.uuid4().hex  # uploading in parts happens under a lock
    document.current = version
    document.save(update_fields=["current", "lock"])
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_CREATED,
        obj=document,
        after={"titel": title, "identificatie": document.identification, **data},
    )
    announce(base_url=base_url, document=document, actie="create")
    return document


def _locked(document: Document, lock: str | None, partial: bool) -> None:
    if not document.lock:
        raise _error("nonFieldErrors", "Het document is niet vergrendeld.", "unlocked")
    if not lock:
        if partial:
            raise _error(
                "nonFieldErrors", "Geef het slot (lock) van het document mee.", "missing-lock-id"
            )
        raise _error("lock", "Dit veld is vereist.", "required")
    if lock != document.lock:
        raise _error("nonFieldErrors", "Het slot (lock) klopt niet.", "incorrect-lock-id")


@transaction.atomic
def document_update(
    *,
    actor: Actor,
    document: Document,
    lock: str | None,
    partial: bool,
    changes: dict[str, Any],
    content: bytes | None = None,
    content_given: bool = False,
    force: bool = False,
    base_url: str = "",
) -> Document:
    """Change a locked document: a new version with the changes on top of the current one.

    changes holds `identification`, `source_organisation`, `confidentiality`, `title`, `size`
    and the other ZGW fields (camelCase) under `data`. A definitief document changes only
    with force (scope documenten.geforceerd-bijwerken).
    """
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("current")
        .get(pk=document.pk)
    )
    _locked(document, lock, partial)
    current = document.current
    assert current is not None
    if current.data.get("status") == "definitief" and not force:
        raise _error(
            "nonFieldErrors",
            "Een definitief document kan niet meer gewijzigd worden.",
            "modify-status-definitief",
        )
    data = {**current.data, **changes.get("data", {})}
    _check_rules(document, data)
    version = DocumentVersion(
        document=document,
        number=current.number + 1,
        registered_at=timezone.now(),
        title=changes.get("title", current.title),
        data=data,
        content=current.content.name,
        size=changes.get("size", current.size),
    )
    if content is not None:
        files.store_content(version, content, data.get("bestandsnaam", ""))
    elif content_given:
        version.content = ""
    version.save()
    if content_given and content is None:
        _new_parts(version, version.size)
    before = {"versie": current.number, "titel": current.title, **current.data}
    for name in ("identification", "source_organisation", "confidentiality"):
        if changes.get(name):
            setattr(document, name, changes[name])
    document.current = version
    document.save()
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_UPDATED,
        obj=document,
        before=before,
        after={"versie": version.number, "titel": version.title, **data},
    )
    announce(base_url=base_url, document=document, actie="partial_update" if partial else "update")
    return document


@transaction.atomic
def document_lock(*, actor: Actor, document: Document) -> str:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.lock:
        raise _error("nonFieldErrors", "Het document is al vergrendeld.", "existing-lock")
    document.lock = uuid.uuid4().hex
    document.save(update_fields=["lock"])
    audit_record(actor=actor, action=audit_actions.DOCUMENT_LOCKED, obj=document)
    return document.lock


@transaction.atomic
def document_unlock(*, actor: Actor, document: Document, lock: str, force: bool) -> Document:
    """Release the lock (anyone with the lock id, or forced); completed parts are merged."""
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("current")
        .get(pk=document.pk)
    )
    if not force and (not lock or lock != document.lock):
        raise _error("nonFieldErrors", "Het slot (lock) klopt niet.", "incorrect-lock-id")
    version = document.current
    assert version is not None
    parts = list(version.parts.order_by("number"))
    if parts:
        if not all(part.content for part in parts):
            raise _error(
                "nonFieldErrors",
                "Nog niet alle bestandsdelen zijn geüpload.",
                "incomplete-upload",
            )
        files.merge_parts(version, parts, version.data.get("bestandsnaam", ""))
        version.save(update_fields=["content", "size"])
        files.delete_after_commit(part.content.name for part in parts)
        DocumentPart.objects.filter(version=version).delete()
    document.lock = ""
    document.save(update_fields=["lock"])
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_UNLOCKED,
        obj=document,
        after={"geforceerd": force},
    )
    return document


@transaction.atomic
def document_part_upload(*, actor: Actor, part: DocumentPart, lock: str, upload: File) -> None:
    """Store one part of a file being uploaded in parts; the document must be locked with `lock`."""
    part = (
        DocumentPart.objects.select_for_update().select_related("version__document").get(pk=part.pk)
    )
    document = part.version.document
    if not document.lock or lock != document.lock:
        raise _error("lock", "Het slot (lock) klopt niet.", "incorrect-lock-id")
    if upload.size != part.size:
        raise _error(
            "inhoud",
            f"Dit bestandsdeel moet precies {part.size} bytes groot zijn.",
            "file-size",
        )
    old = part.content.name
    files.store_part(part, upload)
    part.save(update_fields=["content"])
    files.delete_after_commit([old] if old else [])
    audit_record(
        actor=actor,
        action=audit_actions.PART_UPLOADED,
        obj=document,
        after={"volgnummer": part.number, "omvang": part.size},
    )


@transaction.atomic
def document_delete(*, actor: Actor, document: Document, base_url: str = "") -> None:
    """Delete a document with its versions, parts and usage rights; not while it is linked."""
    document = (
        Document.objects.select_for_update().select_related("document_type").get(pk=document.pk)
    )
    if document.links.exists():
        raise _error(
            "nonFieldErrors",
            "Het document hoort nog bij een zaak of besluit; ontkoppel het eerst.",
            "pending-relations",
        )
    names = [v.content.name for v in document.versions.all()]
    names += [p.content.name for p in DocumentPart.objects.filter(version__document=document)]
    announce(base_url=base_url, document=document, actie="destroy")
    audit_record(
        actor=actor,
        action=audit_actions.DOCUMENT_DELETED,
        obj=document,
        before={"identificatie": document.identification},
    )
    Document.objects.filter(pk=document.pk).update(current=None)
    document.delete()
    files.delete_after_commit(names)
