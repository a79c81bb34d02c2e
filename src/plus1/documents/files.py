# SPDX-License-Identifier: EUPL-1.2
"""File handling for documents through Django's default storage, in chunks where possible."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from plus1.documents.models import DocumentPart, DocumentVersion

CHUNK = 1024 * 1024


def store_content(version: DocumentVersion, content: bytes, filename: str) -> None:
    version.content.save(filename or "document.bin", ContentFile(content), save=False)
    version.size = len(content)


def store_part(part: DocumentPart, upload: File) -> None:
    """Save one uploaded part as it came in (Django streams large uploads to disk)."""
    part.content.save(f"{part.uuid}.part", upload, save=False)


def merge_parts(version: DocumentVersion, parts: Iterable[DocumentPart], filename: str) -> None:
    """Glue the parts into the version's file, a chunk at a time, without holding it in memory."""
    with tempfile.TemporaryFile() as merged:
        size = 0
        for part in parts:
            with part.content.open("rb") as piece:
                for chunk in piece.chunks(CHUNK):
                    merged.write(chunk)
                    size += len(chunk)
        merged.seek(0)
        version.content.save(filename or "document.bin", File(merged), save=False)
    version.size = size


def delete_after_commit(names: Iterable[str]) -> None:
    """Remove files once the rows that pointed to them are gone for good."""
    unique = sorted({name for name in names if name})

    def remove() -> None:
        for name in unique:
            default_storage.delete(name)

    transaction.on_commit(remove)
