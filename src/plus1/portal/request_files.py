# SPDX-License-Identifier: EUPL-1.2
"""The files of a request form (field kind `file`, catalog.form_files).

A file is checked when its page is sent, with the check of the conversation uploads
(plus1.documents.uploads: kind by content, size, virus scan) and the field's own kinds and
size; a refused file stores nothing and the page says why, with the page's other problems.
Files are stored only when the page has no problem at all. An accepted file is stored at
once as a document received from the resident (filed under the case type's incoming
document type) and its answer names it (`<uuid>:<name>`); sending the request links those
documents to the new case, in the same transaction, so staff find them on the case page and
the Zaken and Documenten APIs list them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.events import case_facts
from plus1.cases.models import Case
from plus1.catalog import form_files
from plus1.catalog.models import CaseType
from plus1.documents.links import document_link_create
from plus1.documents.models import Document, ObjectType
from plus1.documents.uploads import CheckedFile, Upload, upload_check
from plus1.identity.models import Party
from plus1.portal.conversation_services import incoming_document_type, received_document


def file_fields(schema: dict[str, Any], names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    properties = schema.get("properties", {})
    return {
        n: properties[n] for n in names if n in properties and form_files.is_file(properties[n])
    }


def _field_problems(prop: dict[str, Any], upload: Upload) -> list[str]:
    name = upload.name or "bestand"
    problems = []
    if not name.lower().endswith(form_files.extensions_of(prop)):
        problems.append(f"‘{name}’ is hier geen toegestane bestandssoort.")
    limit = form_files.max_bytes_of(prop, int(settings.UPLOAD_MAX_BYTES))
    if (upload.size or 0) > limit:
        problems.append(f"‘{name}’ is groter dan {limit // (1024 * 1024)} MB.")
    return problems


def request_files_check(
    *, case_type: CaseType, fields: dict[str, dict[str, Any]], uploads: dict[str, Upload]
) -> tuple[dict[str, CheckedFile], dict[str, list[str]]]:
    """The files that passed, by field, and every problem of the others (nothing stored)."""
    problems: dict[str, list[str]] = {}
    accepted = {}
    can_file = incoming_document_type(case_type) is not None
    for name, prop in fields.items():
        upload = uploads.get(name)
        if upload is None:
            continue
        found = _field_problems(prop, upload)
        checked, refused = upload_check([upload]) if not found else ([], [])
        found += refused
        if not can_file:
            found.append("Bij deze aanvraag kunt u geen bestanden sturen.")
        if found:
            limit = int(settings.UPLOAD_MAX_BYTES)
            problems[name] = [*found, form_files.rule_in_words(prop, limit)]
        elif checked:
            accepted[name] = checked[0]
    return accepted, problems


@transaction.atomic
def request_files_store(
    *, actor: Actor, party: Party, case_type: CaseType, accepted: dict[str, CheckedFile]
) -> dict[str, str]:
    """Store the checked files as documents received from the resident; their answers."""
    document_type = incoming_document_type(case_type)
    answers = {}
    for name, item in accepted.items():
        if document_type is None:
            continue
        document = received_document(
            actor=actor,
            party=party,
            document_type=document_type,
            confidentiality=case_type.confidentiality,
            item=item,
            description=f"Bijlage bij een aanvraag {case_type.name}",
        )
        answers[name] = form_files.file_answer(str(document.uuid), item.name)
    return answers


def request_files_link(*, actor: Actor, case: Case) -> int:
    """Link the documents the case's answers name to the new case (call in its transaction);
    returns how many."""
    properties = case.case_type.form_schema.get("properties", {})
    keys = [
        form_files.document_of(value)
        for name, value in case.form_data.items()
        if form_files.is_file(properties.get(name, {}))
    ]
    documents = Document.objects.filter(uuid__in=[key for key in keys if key])
    for document in documents.select_related("current").order_by("pk"):
        title = document.current.title if document.current else ""
        document_link_create(
            actor=actor,
            document=document,
            object_type=ObjectType.ZAAK,
            object_uuid=case.uuid,
            data={"titel": title, "beschrijving": "Bijlage bij de aanvraag"},
            subject=case_facts(case, actor),
        )
    return len(documents)
