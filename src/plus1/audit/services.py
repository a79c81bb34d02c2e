# SPDX-License-Identifier: EUPL-1.2
"""Writing to the audit log, always inside the caller's transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from plus1.audit.keys import seal
from plus1.audit.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a staff member, a resident, an API client or the system."""

    kind: str
    id: str
    label: str
    user_id: int | None = None

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(kind="system", id=name, label=name)

    @classmethod
    def from_user(cls, user: Any) -> Actor:
        party = getattr(user, "party", None) if user.pk else None
        if party is not None:
            return cls(kind=party.kind, id=str(party.uuid), label=party.name, user_id=user.pk)
        label = user.get_full_name() or user.get_username()
        return cls(kind="staff", id=str(user.pk), label=label, user_id=user.pk)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str)) if value is not None else None


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


@dataclass(frozen=True)
class Change:
    obj: models.Model
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry. Must be called inside the transaction that makes the change."""
    return audit_record_many(actor=actor, action=action, changes=[Change(obj, before, after)])[0]


def audit_record_many(*, actor: Actor, action: str, changes: list[Change]) -> list[AuditEntry]:
    """Append one entry per change with a fixed number of queries, whatever their number."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the change's transaction")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    occurred_at, prev_hash, entries = timezone.now(), head.last_hash or GENESIS_HASH, []
    for seq, change in enumerate(changes, start=head.last_seq + 1):
        entry = AuditEntry(
            seq=seq,
            occurred_at=occurred_at,
            actor_kind=actor.kind,
            actor_id=actor.id,
            actor_label=actor.label,
            action=action,
            object_type=change.obj._meta.label_lower,
            object_id=str(change.obj.pk),
            before=_jsonable(change.before),
            after=_jsonable(change.after),
            prev_hash=prev_hash,
        )
        entry.hash = prev_hash = entry_hash(entry)
        entry.seal = seal(entry.hash)
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries)
    head.last_seq, head.last_hash = head.last_seq + len(entries), prev_hash
    head.save(update_fields=["last_seq", "last_hash"])
    return entries
