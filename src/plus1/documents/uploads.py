# SPDX-License-Identifier: EUPL-1.2
"""Checking files that residents upload, before anything is stored: the size limit
(settings.UPLOAD_MAX_BYTES), the kinds we accept (PDF, images, Office documents), recognised
by their content (magic bytes), not by their name, and the content must match the name's
extension; then the virus-scan hook (settings.UPLOAD_VIRUS_SCANNER: the dotted path of a
callable ``scan(name: str, content: bytes) -> str | None`` that returns a reason to refuse,
or None; empty means no scanner)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

MAX_FILES = 10


class Upload(Protocol):
    name: str | None
    size: int | None

    def read(self, size: int = ..., /) -> bytes: ...
    def seek(self, offset: int, whence: int = ..., /) -> int: ...


@dataclass(frozen=True)
class Kind:
    label: str
    mime: str


PDF = Kind("PDF", "application/pdf")
PNG = Kind("PNG-afbeelding", "image/png")
JPEG = Kind("JPEG-afbeelding", "image/jpeg")
GIF = Kind("GIF-afbeelding", "image/gif")
WEBP = Kind("WebP-afbeelding", "image/webp")
TIFF = Kind("TIFF-afbeelding", "image/tiff")
DOCX = Kind(
    "Word-document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = Kind("Excel-werkblad", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PPTX = Kind(
    "PowerPoint-presentatie",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
ODT = Kind("OpenDocument-tekst", "application/vnd.oasis.opendocument.text")
ODS = Kind("OpenDocument-werkblad", "application/vnd.oasis.opendocument.spreadsheet")
ODP = Kind("OpenDocument-presentatie", "application/vnd.oasis.opendocument.presentation")
OLE = Kind("Office-document (oud formaat)", "application/x-ole-storage")

# Which content each extension may have.
EXTENSIONS: dict[str, tuple[Kind, ...]] = {
    ".pdf": (PDF,),
    ".png": (PNG,),
    ".jpg": (JPEG,),
    ".jpeg": (JPEG,),
    ".gif": (GIF,),
    ".webp": (WEBP,),
    ".tif": (TIFF,),
    ".tiff": (TIFF,),
    ".docx": (DOCX,),
    ".xlsx": (XLSX,),
    ".pptx": (PPTX,),
    ".odt": (ODT,),
    ".ods": (ODS,),
    ".odp": (ODP,),
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".ppt": (OLE,),
}
ALLOWED_TEXT = "PDF, een foto of afbeelding (JPG, PNG, GIF, WebP, TIFF) of een Office-document"
OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_TYPES = {kind.mime.encode(): kind for kind in (ODT, ODS, ODP)}


def sniff(head: bytes, content: Callable[[], bytes]) -> Kind | None:
    """What the content is, judged by its first bytes (and, for ZIP-based Office formats,
    by the parts inside); None when it is none of the kinds we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(content())
    return None


def _zip_kind(data: bytes) -> Kind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                return ODF_TYPES.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    return None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} kB"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    kind: Kind


def upload_check(files: Iterable[Upload]) -> tuple[list[CheckedFile], list[str]]:
    """Read and check every file; returns the files that passed and the problems of the
    others (a Dutch sentence each, naming the file). Nothing is stored here."""
    checked: list[CheckedFile] = []
    problems: list[str] = []
    files = list(files)
    if len(files) > MAX_FILES:
        return [], [f"Stuur hoogstens {MAX_FILES} bestanden tegelijk."]
    limit = int(settings.UPLOAD_MAX_BYTES)
    for upload in files:
        name = PurePath(upload.name or "bestand").name
        problem, content, kind = _check_one(upload, name, limit)
        if problem:
            problems.append(problem)
        elif kind is not None:
            checked.append(CheckedFile(name=name, content=content, kind=kind))
    return checked, problems


def _check_one(upload: Upload, name: str, limit: int) -> tuple[str, bytes, Kind | None]:
    if (upload.size or 0) > limit:
        return (
            f"‘{name}’ is te groot ({_megabytes(upload.size or 0)}). "
            f"Een bestand mag hoogstens {_megabytes(limit)} zijn.",
            b"",
            None,
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        return (
            f"‘{name}’ is te groot. Een bestand mag hoogstens {_megabytes(limit)} zijn.",
            b"",
            None,
        )
    if not content:
        return f"‘{name}’ is leeg.", b"", None
    expected = EXTENSIONS.get(PurePath(name).suffix.lower())
    if expected is None:
        return (
            f"‘{name}’ is geen bestandssoort die wij aannemen. Stuur een {ALLOWED_TEXT}.",
            b"",
            None,
        )
    kind = sniff(content[:16], lambda: content)
    if kind not in expected:
        return (
            f"De inhoud van ‘{name}’ past niet bij de naam: het is geen "
            f"{expected[0].label}. Stuur een {ALLOWED_TEXT}.",
            b"",
            None,
        )
    reason = _scan(name, content)
    if reason:
        return f"‘{name}’ is geweigerd door de virusscanner: {reason}", b"", None
    return "", content, kind


def _scan(name: str, content: bytes) -> str | None:
    path = getattr(settings, "UPLOAD_VIRUS_SCANNER", "")
    if not path:
        return None
    scanner: Callable[[str, bytes], str | None] = import_string(path)
    try:
        return scanner(name, content)
    except Exception:  # a scanner that fails must not let a file through
        return "het bestand kon niet worden gecontroleerd. Probeer het later opnieuw."
