# SPDX-License-Identifier: EUPL-1.2
"""Linking written audit entries into the one hash chain, in commit order (decision 30).

A write inserts its entries without a place in the chain (`seq` empty) and never touches
the head row, so business transactions do not wait for each other on the audit log and a
read that writes an entry (a search by BSN) never waits for a writer. Right after commit
`audit_link_pending` locks the head for a few milliseconds, gives every committed pending
entry the next `seq`, its `prev_hash`, `hash` and `seal`, and moves the head. Only
committed rows are visible to it, so the chain holds them in the order of linking (what
committed before a linker ran comes before what committed after it; within one linking,
by row id); a transaction that rolls back leaves nothing to link.
"""

from __future__ import annotations

import hashlib
import json
import logging

from django.db import transaction

from plus1.audit.keys import seal
from plus1.audit.models import AuditEntry, AuditHead

logger = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64
LINK_BATCH = 2000
LINK_SQL = (
    "UPDATE audit_auditentry SET seq = %s, prev_hash = %s, hash = %s, seal = %s WHERE id = %s"
)


def entry_hash(entry: AuditEntry) -> str:
    payload = {
        "seq": entry.seq,
        "occurred_at": entry.occurred_at.isoformat(),
        "actor": [entry.actor_kind, entry.actor_id, entry.actor_label],
        "action": entry.action,
        "object": [entry.object_type, entry.object_id],
        "before": entry.before,
        "after": entry.after,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def audit_link_pending(*, batch: int = LINK_BATCH, wait: bool = True) -> int:
    """Link every committed pending entry; returns how many were linked. Safe to run from
    any number of processes at once: the head row's lock takes them one at a time.

    `wait=False` (after a commit): when another linker holds the head, leave the entries to
    it instead of waiting. One that committed after that linker read the pending entries
    waits for the next write's linker or the worker's (every 5 seconds)."""
    linked = 0
    while True:
        with transaction.atomic():
            _commit_without_waiting_for_disk()
            head = AuditHead.objects.select_for_update(skip_locked=not wait).filter(pk=1).first()
            if head is None:
                if AuditHead.objects.filter(pk=1).exists():
                    return linked  # locked by another linker, which takes these along
                # made by a migration; a flushed database (the tests) starts without it
                head = AuditHead.objects.create(pk=1)
            # Read after the lock is held: rows linked by whoever held it before are seen.
            pending = list(AuditEntry.objects.filter(seq__isnull=True).order_by("id")[:batch])
            if not pending:
                return linked
            prev_hash = head.last_hash or GENESIS_HASH
            for seq, entry in enumerate(pending, start=head.last_seq + 1):
                entry.seq, entry.prev_hash = seq, prev_hash
                entry.hash = prev_hash = entry_hash(entry)
                entry.seal = seal(entry.hash)
            with transaction.get_connection().cursor() as cursor:  # bulk_update: half the time
                cursor.executemany(
                    LINK_SQL, [(e.seq, e.prev_hash, e.hash, e.seal, e.pk) for e in pending]
                )
            AuditHead.objects.filter(pk=1).update(
                last_seq=head.last_seq + len(pending), last_hash=prev_hash
            )
        linked += len(pending)
        if len(pending) < batch:  # all there were; a next call links what committed since
            return linked


def _commit_without_waiting_for_disk() -> None:
    """A linking is derived from committed entries only: lost in a crash, it leaves them
    pending and the next linker links them again. PostgreSQL writes its log in order, so a
    later durable commit (a business write, a signed checkpoint) makes it durable too; not
    waiting for the disk saves each write a second flush."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _link_after_commit() -> None:
    try:
        audit_link_pending(wait=False)
    except Exception:  # the change is committed: the worker links what is left behind
        logger.exception("Linking audit entries after commit failed; the worker catches up")


def link_on_commit() -> None:
    """Ask for linking once the current transaction commits (once per transaction)."""
    connection = transaction.get_connection()
    if not any(callback is _link_after_commit for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(_link_after_commit)
