# SPDX-License-Identifier: EUPL-1.2
"""The audit key: an Ed25519 private key in a file, never in the database.

It signs checkpoints (anyone can check them with the public key) and, through a key derived
from it, seals every entry (HMAC), so that someone who can write to the database but cannot
read this file cannot forge an entry that verifies.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

logger = logging.getLogger(__name__)


def key_generate(path: Path) -> Path:
    """Write a new private key (readable by its owner only); refuses to overwrite one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return path


@cache
def _private_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        logger.warning("No audit signing key at %s: making one (run `plus1 audit keygen`)", path)
        with contextlib.suppress(FileExistsError):  # another process made it first
            key_generate(path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} holds no Ed25519 private key")
    return key


def private_key() -> Ed25519PrivateKey:
    return _private_key(Path(settings.AUDIT_SIGNING_KEY_FILE))


def public_key() -> Ed25519PublicKey:
    return private_key().public_key()


def public_key_pem() -> str:
    return (
        public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def key_id() -> str:
    """A short fingerprint of the public key, printed with every checkpoint."""
    raw = public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@cache
def _seal_key(path: Path) -> bytes:
    raw = _private_key(path).private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return hashlib.sha256(b"plus1-audit-seal:" + raw).digest()


def seal(entry_hash: str) -> str:
    """The entry's seal: an HMAC of its hash with a key derived from the private key."""
    key = _seal_key(Path(settings.AUDIT_SIGNING_KEY_FILE))
    return hmac.new(key, entry_hash.encode(), hashlib.sha256).hexdigest()
