# SPDX-License-Identifier: EUPL-1.2
"""Writing to the audit log, always inside the caller's transaction.

Entries are inserted without their chain link; `plus1.audit.chain` links them right after
commit, so no write holds the chain's head lock (decision 30)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from plus1.audit.chain import GENESIS_HASH, entry_hash, link_on_commit
from plus1.audit.models import AuditEntry

__all__ = ["GENESIS_HASH", "Actor", "Change", "audit_record", "audit_record_many", "entry_hash"]


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
    """Append one entry per change with one query, whatever their number. The entries are
    linked into the chain right after the transaction commits."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the change's transaction")
    occurred_at = timezone.now()
    entries = [
        AuditEntry(
            occurred_at=occurred_at,
            actor_kind=actor.kind,
            actor_id=actor.id,
            actor_label=actor.label,
            action=action,
            object_type=change.obj._meta.label_lower,
            object_id=str(change.obj.pk),
            before=_jsonable(change.before),
            after=_jsonable(change.after),
        )
        for change in changes
    ]
    AuditEntry.objects.bulk_create(entries)
    link_on_commit()
    return entries
