# SPDX-License-Identifier: EUPL-1.2
"""Photos with a report: checked by their content, re-encoded, and stripped of metadata.

Only what Pillow can open as a JPEG, PNG or WebP counts as a photo, whatever its name.
Every accepted photo is decoded and written anew (turned upright first), so EXIF, GPS,
comments and anything hidden after the image data are gone before it is stored.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 3
MAX_SIDE = 2560
MAX_PIXELS = 50_000_000
ENCODER_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 85},
    "WEBP": {"quality": 85},
    "PNG": {"optimize": True},
}
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}


class PhotoRefused(ValueError):
    """Not a photo we accept; the message says why in plain Dutch."""


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int


def clean_photo(upload: Any) -> CleanPhoto:
    """Check one uploaded file and return it re-encoded without metadata."""
    name = getattr(upload, "name", "") or "foto"
    if (getattr(upload, "size", 0) or 0) > MAX_BYTES:
        raise PhotoRefused(f"‘{name}’ is groter dan 10 MB. Kies een kleinere foto.")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PhotoRefused(f"‘{name}’ is groter dan 10 MB. Kies een kleinere foto.")
    image = _open(data, name)
    content_type, extension = FORMATS[str(image.format)]
    clean = _reencode(image)
    return CleanPhoto(clean.getvalue(), content_type, extension, *_size(clean))


def _open(data: bytes, name: str) -> Image.Image:
    not_a_photo = PhotoRefused(
        f"‘{name}’ is geen foto die wij kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.open(_buffer(data)).verify()  # a quick structural check
            image = Image.open(_buffer(data))
            if image.format not in FORMATS:
                raise not_a_photo
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRefused(f"‘{name}’ heeft te veel beeldpunten. Kies een kleinere foto.")
            image.load()
    except PhotoRefused:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise not_a_photo from exc
    return image


def _buffer(data: bytes) -> IO[bytes]:
    return io.BytesIO(data)


def _reencode(image: Image.Image) -> io.BytesIO:
    fmt = str(image.format)
    upright = ImageOps.exif_transpose(image) or image
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    has_alpha = upright.mode in {"RGBA", "LA", "P"} and fmt != "JPEG"
    pixels = upright.convert("RGBA" if has_alpha else "RGB")
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)  # a new image: no info, EXIF, ICC, XMP or comments carried over
    out = io.BytesIO()
    options = ENCODER_OPTIONS[fmt]
    fresh.save(out, format=fmt, **options)
    return out


def _size(buffer: io.BytesIO) -> tuple[int, int]:
    with Image.open(io.BytesIO(buffer.getvalue())) as image:
        return image.width, image.height


# ── Photos kept while the resident corrects the form ──────────────────────────────────
# A browser cannot refill a file field, so after a failed submission the accepted photos are
# kept (already cleaned) under a random token that the form sends back in a hidden field.
# They are removed when the report is sent, and anything older than STASH_HOURS is swept.
STASH_DIR = "meldingen/tijdelijk"
STASH_HOURS = 24
TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def photos_stash(uploads: list[Any], token: str = "") -> tuple[str, int]:
    """Clean and keep the photos that can be used (refused ones are left out; the form says
    why). Adds to the photos already kept under `token`. Returns the token and the count."""
    _sweep()
    token = token if TOKEN.match(token or "") else secrets.token_urlsafe(18)
    kept = len(photos_kept(token))
    for upload in uploads:
        if kept >= MAX_PHOTOS:
            break
        if hasattr(upload, "seek"):
            upload.seek(0)  # the submission already read it once
        try:
            photo = clean_photo(upload)
        except PhotoRefused:
            continue
        kept += 1
        default_storage.save(
            f"{STASH_DIR}/{token}/{kept}.{photo.extension}", ContentFile(photo.content)
        )
    return token, kept


def photos_kept(token: str) -> list[SimpleUploadedFile]:
    """The kept photos as uploads, so they pass the same checks as new ones."""
    if not TOKEN.match(token or ""):
        return []
    try:
        _, names = default_storage.listdir(f"{STASH_DIR}/{token}")
    except FileNotFoundError:
        return []
    found = []
    for name in sorted(names):
        with default_storage.open(f"{STASH_DIR}/{token}/{name}") as handle:
            found.append(SimpleUploadedFile(f"foto-{name}", handle.read()))
    return found


def photos_discard(token: str) -> None:
    if not TOKEN.match(token or ""):
        return
    try:
        _, names = default_storage.listdir(f"{STASH_DIR}/{token}")
    except FileNotFoundError:
        return
    for name in names:
        default_storage.delete(f"{STASH_DIR}/{token}/{name}")


def _sweep() -> None:
    """Remove kept photos of forms that were never sent."""
    limit = timezone.now() - dt.timedelta(hours=STASH_HOURS)
    try:
        folders, _ = default_storage.listdir(STASH_DIR)
    except FileNotFoundError:
        return
    for folder in folders:
        _, names = default_storage.listdir(f"{STASH_DIR}/{folder}")
        for name in names:
            path = f"{STASH_DIR}/{folder}/{name}"
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
