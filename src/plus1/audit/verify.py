# SPDX-License-Identifier: EUPL-1.2
"""Verifying the audit chain: every entry, in order, against its hash and its neighbour."""

from __future__ import annotations

from dataclasses import dataclass

from plus1.audit.models import AuditEntry, AuditHead
from plus1.audit.services import GENESIS_HASH, entry_hash


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_bad_seq is None


def verify_chain() -> ChainReport:
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return ChainReport(checked, expected_seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != expected_prev:
            return ChainReport(checked, entry.seq, "does not follow the entry before it")
        if entry_hash(entry) != entry.hash:
            return ChainReport(checked, entry.seq, "was changed after it was written")
        expected_seq, expected_prev, checked = entry.seq + 1, entry.hash, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    last_seq, last_hash = (head.last_seq, head.last_hash) if head else (0, "")
    if checked != last_seq or (last_seq and expected_prev != last_hash):
        return ChainReport(checked, checked + 1, "entries at the end of the log were removed")
    return ChainReport(checked)
