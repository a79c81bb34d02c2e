# SPDX-License-Identifier: EUPL-1.2
"""Verifying the audit chain: every entry, in order, against its hash, its seal, its
neighbour, the head row and the signed checkpoints published outside the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Subquery

from plus1.audit import keys
from plus1.audit.chain import GENESIS_HASH, entry_hash
from plus1.audit.models import AuditEntry, AuditHead

if TYPE_CHECKING:
    from plus1.audit.checkpoints import Checkpoint


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""
    head_hash: str = ""
    checkpoints: int = 0
    pending: int = 0  # committed entries not linked yet (decision 30): checked once linked

    @property
    def intact(self) -> bool:
        return self.first_bad_seq is None


class ChainBroken(Exception):
    def __init__(self, report: ChainReport) -> None:
        super().__init__(f"audit chain broken at entry {report.first_bad_seq}: {report.problem}")
        self.report = report


def verify_chain(
    checkpoints: Sequence[Checkpoint] = (), since: Checkpoint | None = None
) -> ChainReport:
    """The chain up to the head row (read first: entries linked meanwhile are checked next
    time), then what lies beyond the head, then the checkpoints. Entries written but not
    linked yet are counted as pending, not verified: the linker gives them their place.

    `since`: verify incrementally from that signed checkpoint on (its entry must still
    carry the signed hash; a checkpoint is only signed over a chain verified up to it).
    Without it the whole chain is verified."""
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        return ChainReport(0, 1, "the head row is missing: the log was emptied or replaced")
    pinned = {c.seq: c for c in checkpoints}
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    if since is not None:
        anchor = AuditEntry.objects.filter(seq=since.seq).first()
        if anchor is None:  # entries were removed: the full verification says where
            return verify_chain(checkpoints)
        pinned[since.seq] = since
        expected_seq, expected_prev = since.seq, anchor.prev_hash
    start = expected_seq
    entries = AuditEntry.objects.filter(seq__gte=start, seq__lte=head.last_seq).order_by("seq")
    for entry in entries.iterator(chunk_size=2000):
        problem = _problem(entry, expected_seq, expected_prev, pinned)
        if problem:
            return ChainReport(checked, expected_seq, problem)
        expected_seq, expected_prev, checked = expected_seq + 1, entry.hash, checked + 1
    beyond = AuditEntry.objects.filter(
        seq__gt=Subquery(AuditHead.objects.filter(pk=1).values("last_seq"))
    ).order_by("seq")
    extra = beyond.values_list("seq", flat=True).first()
    if extra is not None:
        return ChainReport(
            checked, extra, f"was added after the head (entry {head.last_seq}): a forged entry"
        )
    last = start - 1 + checked  # the last entry verified
    if last != head.last_seq:
        return ChainReport(
            checked,
            last + 1,
            f"is missing: entries at the end of the log were removed (the head says {head.last_seq})",
        )
    if checked and expected_prev != head.last_hash:
        return ChainReport(checked, last, "does not match the head row's hash")
    latest = max(pinned, default=0)
    if latest > last:
        return ChainReport(
            checked,
            last + 1,
            f"is missing: the log ends before the signed checkpoint at entry {latest} "
            "(entries were removed and the head rewritten)",
        )
    pending = AuditEntry.objects.filter(seq__isnull=True).count()
    return ChainReport(checked, head_hash=expected_prev, checkpoints=len(pinned), pending=pending)


def _problem(
    entry: AuditEntry, expected_seq: int, expected_prev: str, pinned: dict[int, Checkpoint]
) -> str:
    if entry.seq != expected_seq:
        return f"entry {expected_seq} is missing"
    if entry.prev_hash != expected_prev:
        return "does not follow the entry before it"
    if entry_hash(entry) != entry.hash:
        return "was changed after it was written"
    if entry.seal != keys.seal(entry.hash):
        return "has no valid seal: it was not written by the platform"
    checkpoint = pinned.get(entry.seq)
    if checkpoint is not None and checkpoint.hash != entry.hash:
        return (
            f"differs from the signed checkpoint of {checkpoint.signed_at}: "
            "the log was rewritten up to here"
        )
    return ""
