# SPDX-License-Identifier: EUPL-1.2
"""Key rotation for stored BSNs: re-encrypt every row under the current PLUS1_BSN_KEY.

No downtime: while it runs, every server reads both the current and the previous keys
(PLUS1_BSN_PREVIOUS_KEYS) and writes with the current one. Rows are done in small batches, each
its own transaction, and a row is only overwritten if its ciphertext did not change meanwhile.
The blind index has its own key and is left alone, so lookups by BSN keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.db import models, transaction

from plus1.audit.services import Actor, Change, audit_record_many
from plus1.common import bsn as bsn_crypto
from plus1.privacy.audit_actions import BSN_KEY_ROTATED

ENCRYPTED_FIELD = "bsn_encrypted"


def models_with_encrypted_bsn() -> list[type[models.Model]]:
    """Every model that stores an encrypted BSN (found by its field, so none is forgotten)."""
    return [
        model
        for model in apps.get_models()
        if any(f.name == ENCRYPTED_FIELD for f in model._meta.concrete_fields)
    ]


@dataclass
class RotationReport:
    reencrypted: dict[str, int] = field(default_factory=dict)
    already_current: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, list[object]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not any(self.unreadable.values())


def bsn_keys_rotate(*, actor: Actor, batch_size: int = 500) -> RotationReport:
    """Re-encrypt every stored BSN under the current key; rows already current are skipped."""
    report = RotationReport()
    for model in models_with_encrypted_bsn():
        label = model._meta.label
        report.reencrypted[label] = report.already_current[label] = 0
        report.unreadable[label] = []
        rows = model._default_manager.exclude(**{ENCRYPTED_FIELD: ""}).order_by("pk")
        last_pk: object = None
        while True:
            batch = rows if last_pk is None else rows.filter(pk__gt=last_pk)
            pks = list(batch.values_list("pk", flat=True)[:batch_size])
            if not pks:
                break
            _rotate_batch(actor, model, pks, report)
            last_pk = pks[-1]
    return report


@transaction.atomic
def _rotate_batch(
    actor: Actor, model: type[models.Model], pks: list[object], report: RotationReport
) -> None:
    label, changes = model._meta.label, []
    locked = model._default_manager.select_for_update().filter(pk__in=pks)
    for pk, token in locked.values_list("pk", ENCRYPTED_FIELD):
        if bsn_crypto.is_current(token):
            report.already_current[label] += 1
            continue
        try:
            fresh = bsn_crypto.reencrypt(token)
        except InvalidToken:
            report.unreadable[label].append(pk)
            continue
        updated = model._default_manager.filter(pk=pk, **{ENCRYPTED_FIELD: token}).update(
            **{ENCRYPTED_FIELD: fresh}
        )
        if updated:
            report.reencrypted[label] += 1
            changes.append(Change(model(pk=pk), after={"veld": ENCRYPTED_FIELD}))
    if changes:
        audit_record_many(actor=actor, action=BSN_KEY_ROTATED, changes=changes)
