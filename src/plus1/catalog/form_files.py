# SPDX-License-Identifier: EUPL-1.2
"""The file-upload field of a request form: which kinds of file and how large, as the form
schema says them (`x-kind: file`, `x-fileKinds`, `x-maxMegabytes`), in words for residents,
and the answer it stores: the document's UUID with the file's name (`<uuid>:<name>`).

The check of the file itself is the one of the conversation uploads
(plus1.documents.uploads): kind by content, size, virus scan."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

#: The kinds an administrator can allow, with the extensions each takes.
FILE_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": (gettext_noop("PDF"), (".pdf",)),
    "afbeelding": (
        gettext_noop("foto of afbeelding"),
        (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff"),
    ),
    "office": (
        gettext_noop("Office-document"),
        (".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp"),
    ),
}


def is_file(prop: dict[str, Any]) -> bool:
    return prop.get("x-kind") == "file" or prop.get("x-widget") == "file"


def kinds_of(prop: dict[str, Any]) -> list[str]:
    """The allowed kinds (all when the form names none)."""
    named = [kind for kind in prop.get("x-fileKinds") or [] if kind in FILE_KINDS]
    return named or list(FILE_KINDS)


def extensions_of(prop: dict[str, Any]) -> tuple[str, ...]:
    return tuple(ext for kind in kinds_of(prop) for ext in FILE_KINDS[kind][1])


def max_bytes_of(prop: dict[str, Any], platform_limit: int) -> int:
    """The field's limit, never above the platform's (settings.UPLOAD_MAX_BYTES)."""
    megabytes = prop.get("x-maxMegabytes")
    if isinstance(megabytes, int) and megabytes > 0:
        return min(megabytes * 1024 * 1024, platform_limit)
    return platform_limit


def rule_in_words(prop: dict[str, Any], platform_limit: int) -> str:
    """‘Een PDF of foto of afbeelding, hoogstens 5 MB.’"""
    kinds = f" {_('of')} ".join(_(FILE_KINDS[kind][0]) for kind in kinds_of(prop))
    megabytes = max_bytes_of(prop, platform_limit) // (1024 * 1024)
    return _("Stuur een %(kinds)s van hoogstens %(size)s MB.") % {
        "kinds": kinds,
        "size": megabytes,
    }


def file_problems(label: str, prop: dict[str, Any]) -> list[str]:
    """What is wrong with a file field's rules, in Dutch (for schema_problems)."""
    problems = []
    unknown = [kind for kind in prop.get("x-fileKinds") or [] if kind not in FILE_KINDS]
    if unknown:
        problems.append(
            f"Veld ‘{label}’: onbekende bestandssoort {', '.join(map(str, unknown))}; "
            f"kies uit {', '.join(FILE_KINDS)}."
        )
    megabytes = prop.get("x-maxMegabytes")
    if megabytes is not None and (not isinstance(megabytes, int) or megabytes < 1):
        problems.append(f"Veld ‘{label}’: de grootste bestandsgrootte moet 1 MB of meer zijn.")
    return problems


def file_answer(document_uuid: str, name: str) -> str:
    return f"{document_uuid}:{name}"


def document_of(answer: Any) -> str:
    return str(answer).split(":", 1)[0] if isinstance(answer, str) and ":" in answer else ""


def file_name(answer: Any) -> str:
    return str(answer).split(":", 1)[1] if isinstance(answer, str) and ":" in answer else ""
