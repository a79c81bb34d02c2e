# SPDX-License-Identifier: EUPL-1.2
"""Signed checkpoints of the audit chain's head, appended to storage outside the database.

A checkpoint says "entry N had hash H", signed with the audit key (Ed25519). Because every
hash covers the one before it, a checkpoint pins the whole chain up to N: whoever rewrites
the database (all entries, the head row, even with valid hashes) cannot make it match a
checkpoint written before. Checkpoints are lines of `checkpoints.jsonl`, only ever
appended to; the folder belongs on storage the database user cannot change.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.utils import timezone

from plus1.audit import keys
from plus1.audit.chain import audit_link_pending
from plus1.audit.models import AuditHead

FILE_NAME = "checkpoints.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    signed_at: str
    key_id: str
    signature: str = ""

    def message(self) -> bytes:
        fields = {"seq": self.seq, "hash": self.hash, "signed_at": self.signed_at}
        fields["key_id"] = self.key_id
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


class CheckpointError(ValueError):
    """A checkpoint file that cannot be trusted: unreadable, or a signature that fails."""


def checkpoint_dir(directory: Path | str | None = None) -> Path:
    return Path(directory or settings.AUDIT_CHECKPOINT_DIR)


def checkpoints_read(directory: Path | str | None = None) -> list[Checkpoint]:
    """Every checkpoint in the folder, oldest first, each signature checked."""
    path = checkpoint_dir(directory) / FILE_NAME
    if not path.exists():
        return []
    public_key, found = keys.public_key(), []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoint = Checkpoint(**json.loads(line))
            public_key.verify(base64.b64decode(checkpoint.signature), checkpoint.message())
        except (ValueError, TypeError, InvalidSignature) as exc:
            raise CheckpointError(f"checkpoint on line {number} of {path} is not valid") from exc
        found.append(checkpoint)
    return found


def checkpoint_write(directory: Path | str | None = None) -> Checkpoint | None:
    """Link what is pending, then sign the current head and append it, after checking the
    chain. None when nothing was added since; ChainBroken when the chain does not hold."""
    from plus1.audit.verify import ChainBroken, verify_chain

    audit_link_pending()

    folder = checkpoint_dir(directory)
    earlier = checkpoints_read(folder)
    head = AuditHead.objects.filter(pk=1).first()
    if head is None or head.last_seq == 0 or (earlier and earlier[-1].seq >= head.last_seq):
        return None
    report = verify_chain(earlier)
    if not report.intact:
        raise ChainBroken(report)
    unsigned = Checkpoint(
        seq=report.checked,
        hash=report.head_hash,
        signed_at=timezone.now().isoformat(timespec="seconds"),
        key_id=keys.key_id(),
    )
    signature = base64.b64encode(keys.private_key().sign(unsigned.message())).decode()
    checkpoint = Checkpoint(**{**asdict(unsigned), "signature": signature})
    folder.mkdir(parents=True, exist_ok=True)
    published_key = folder / "public-key.pem"
    if not published_key.exists():  # for whoever checks the checkpoints outside Plus1
        published_key.write_text(keys.public_key_pem())
    with (folder / FILE_NAME).open("a") as file:  # append only: never rewritten
        file.write(json.dumps(asdict(checkpoint), sort_keys=True) + "\n")
        file.flush()
        os.fsync(file.fileno())
    return checkpoint
