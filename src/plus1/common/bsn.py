# SPDX-License-Identifier: EUPL-1.2
"""The BSN (burgerservicenummer): the elfproef, encryption at rest and a blind index.

A BSN never leaves this module in clear text except to the person it belongs to.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from functools import cache

from cryptography.fernet import Fernet
from django.conf import settings

BSN_PATTERN = re.compile(r"(?<!\d)\d{9}(?!\d)")
# The value of any query parameter or field named like a BSN (inpBsn=…, "bsn": "…"),
# whatever its length: a BSN typed without its leading zero is still a BSN.
BSN_PARAMETER = re.compile(
    r"""(bsn[\w.\]\[]*["']?\s*(?:[=:]|%3d)\s*["']?)[^&\s"',;]+""", re.IGNORECASE
)


def is_valid_bsn(value: str) -> bool:
    """The elfproef: 9 digits whose weighted sum (9..2, and -1 for the last) divides by 11."""
    if not re.fullmatch(r"\d{9}", value or ""):
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    total = sum(int(digit) * weight for digit, weight in zip(value, weights, strict=True))
    return total % 11 == 0 and total != 0


@cache
def _key_material(purpose: str) -> bytes:
    secret = settings.FIELD_ENCRYPTION_KEY or settings.SECRET_KEY
    return hashlib.sha256(f"plus1:{purpose}:{secret}".encode()).digest()


def _fernet() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_key_material("encrypt")))


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def blind_index(value: str) -> str:
    """A keyed hash: finds a record by BSN without storing the BSN in searchable form."""
    return hmac.new(_key_material("index"), value.encode(), hashlib.sha256).hexdigest()


def scrub(text: str) -> str:
    """Replace anything that looks like a BSN by asterisks (for logs and errors)."""
    return BSN_PATTERN.sub("*********", BSN_PARAMETER.sub(r"\1*********", text))
