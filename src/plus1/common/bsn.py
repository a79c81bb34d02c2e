# SPDX-License-Identifier: EUPL-1.2
"""The BSN (burgerservicenummer): the elfproef, encryption at rest and a blind index.

A BSN never leaves this module in clear text except to the person it belongs to.

Two separate keys, neither derived from the Django secret in production:
- PLUS1_BSN_KEY encrypts (Fernet). PLUS1_BSN_PREVIOUS_KEYS stay readable while
  `plus1 keys rotate` re-encrypts every stored BSN with the current key.
- PLUS1_BSN_INDEX_KEY keys the blind index (and other keyed pseudonyms). Rotation does not
  touch it, so lookups by BSN keep working throughout.
Only without them (the demo) are both derived from the secret key; the deploy checks refuse that.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

BSN_PATTERN = re.compile(r"(?<!\d)\d{9}(?!\d)")
# The value of any query parameter or field named like a BSN (inpBsn=…, "bsn": "…"),
# whatever its length: a BSN typed without its leading zero is still a BSN.
BSN_PARAMETER = re.compile(
    r"""(bsn[\w.\]\[]*["']?\s*(?:[=:]|%3d)\s*["']?)[^&\s"',;]+""", re.IGNORECASE
)
MIN_INDEX_KEY_LENGTH = 32
KEY_SETTINGS = {"BSN_KEY", "BSN_PREVIOUS_KEYS", "BSN_INDEX_KEY", "SECRET_KEY"}


def is_valid_bsn(value: str) -> bool:
    """The elfproef: 9 digits whose weighted sum (9..2, and -1 for the last) divides by 11."""
    if not re.fullmatch(r"\d{9}", value or ""):
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    total = sum(int(digit) * weight for digit, weight in zip(value, weights, strict=True))
    return total % 11 == 0 and total != 0


def _demo_key_material(purpose: str) -> bytes:
    return hashlib.sha256(f"plus1:{purpose}:{settings.SECRET_KEY}".encode()).digest()


def keys_configured() -> bool:
    """True when the BSN keys come from their own settings, not from the secret key."""
    return bool(settings.BSN_KEY and settings.BSN_INDEX_KEY)


def key_problems() -> list[str]:
    """What is wrong with the configured keys (for the deploy checks), in plain words."""
    problems = []
    for name, value in [("PLUS1_BSN_KEY", settings.BSN_KEY)] + [
        ("PLUS1_BSN_PREVIOUS_KEYS", key) for key in settings.BSN_PREVIOUS_KEYS
    ]:
        if value and not _is_fernet_key(value):
            problems.append(f"{name} is not a key made by `plus1 keys generate`.")
    index_key = settings.BSN_INDEX_KEY
    if index_key and len(index_key) < MIN_INDEX_KEY_LENGTH:
        problems.append(f"PLUS1_BSN_INDEX_KEY is shorter than {MIN_INDEX_KEY_LENGTH} characters.")
    secret = settings.SECRET_KEY
    if secret in {settings.BSN_KEY, index_key, *settings.BSN_PREVIOUS_KEYS}:
        problems.append("A BSN key equals PLUS1_SECRET_KEY; give each its own random value.")
    if settings.BSN_KEY and index_key == settings.BSN_KEY:
        problems.append("PLUS1_BSN_KEY and PLUS1_BSN_INDEX_KEY must differ.")
    return problems


def _is_fernet_key(value: str) -> bool:
    try:
        Fernet(value)
    except (ValueError, TypeError):
        return False
    return True


def generate_key() -> str:
    return Fernet.generate_key().decode()


@cache
def _fernets() -> tuple[Fernet, ...]:
    """The current key first, then the previous ones (readable during a rotation)."""
    if not settings.BSN_KEY:
        return (Fernet(base64.urlsafe_b64encode(_demo_key_material("encrypt"))),)
    problems = key_problems()
    if problems:
        raise ImproperlyConfigured(" ".join(problems))
    return tuple(Fernet(key) for key in [settings.BSN_KEY, *settings.BSN_PREVIOUS_KEYS])


def _cipher() -> MultiFernet:
    return MultiFernet(list(_fernets()))


@cache
def subkey(purpose: str) -> bytes:
    """A key for one purpose (blind index, data-trail pseudonym), from the index key."""
    if not settings.BSN_INDEX_KEY:
        return _demo_key_material(purpose)
    return hmac.new(settings.BSN_INDEX_KEY.encode(), f"plus1:{purpose}".encode(), "sha256").digest()


def encrypt(value: str) -> str:
    return _cipher().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _cipher().decrypt(token.encode()).decode()


def is_current(token: str) -> bool:
    """Encrypted with the current key (nothing to do for a rotation)."""
    try:
        _fernets()[0].decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def reencrypt(token: str) -> str:
    """The same BSN under the current key (raises InvalidToken when no known key reads it)."""
    return _cipher().rotate(token.encode()).decode()


def blind_index(value: str) -> str:
    """A keyed hash: finds a record by BSN without storing the BSN in searchable form."""
    return hmac.new(subkey("index"), value.encode(), hashlib.sha256).hexdigest()


def scrub(text: str) -> str:
    """Replace anything that looks like a BSN by asterisks (for logs and errors)."""
    return BSN_PATTERN.sub("*********", BSN_PARAMETER.sub(r"\1*********", text))


@receiver(setting_changed)
def _forget_keys(*, setting: str, **kwargs: Any) -> None:
    if setting in KEY_SETTINGS:
        _fernets.cache_clear()
        subkey.cache_clear()
