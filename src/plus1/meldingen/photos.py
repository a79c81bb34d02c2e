# SPDX-License-Identifier: EUPL-1.2
"""Photos with a report: checked by their content, re-encoded, and stripped of metadata.

Only what Pillow can open as a JPEG, PNG or WebP counts as a photo, whatever its name.
Every accepted photo is decoded and written anew (turned upright first), so EXIF, GPS,
comments and anything hidden after the image data are gone before it is stored.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO, Any

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
