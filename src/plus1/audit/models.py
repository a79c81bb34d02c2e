# SPDX-License-Identifier: EUPL-1.2
"""The append-only, hash-chained audit log."""

import uuid

from django.db import models
from django.db.models import Q

# Audit entries' public identifiers (the ZGW audittrail) derive from their row number.
PUBLIC_UUID_NAMESPACE = uuid.UUID("8f5c2b1e-6f0a-4c55-9c1d-706c75733161")


class AuditEntry(models.Model):
    """One state change: who did what to which object, before and after.

    Written inside the change's transaction without its place in the chain; right after
    commit the linker (plus1.audit.chain) gives it ``seq``, ``prev_hash``, ``hash`` and
    ``seal`` in commit order. ``hash`` covers every field and the previous entry's hash,
    so a change, deletion or reordering of any linked entry breaks the chain.
    """

    # The place in the chain, set when linked; empty while the entry is pending.
    seq = models.PositiveBigIntegerField(unique=True, null=True, editable=False)
    occurred_at = models.DateTimeField(editable=False)
    actor_kind = models.CharField(max_length=16, editable=False)
    actor_id = models.CharField(max_length=64, editable=False)
    actor_label = models.CharField(max_length=200, editable=False)
    action = models.CharField(max_length=64, editable=False)
    object_type = models.CharField(max_length=64, editable=False)
    object_id = models.CharField(max_length=64, editable=False)
    before = models.JSONField(null=True, editable=False)
    after = models.JSONField(null=True, editable=False)
    prev_hash = models.CharField(max_length=64, default="", editable=False)
    hash = models.CharField(max_length=64, default="", editable=False)
    # HMAC of `hash` with a key held outside the database (plus1.audit.keys): a forged
    # entry, even one with a correct hash, has no valid seal.
    seal = models.CharField(max_length=64, default="", editable=False)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["id"]  # the order of writing; a pending entry has no seq yet
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["id"], condition=Q(seq__isnull=True), name="audit_pending_idx"),
        ]

    def __str__(self) -> str:
        place = f"#{self.seq}" if self.seq is not None else "(not yet linked)"
        return f"{place} {self.action} {self.object_type}:{self.object_id}"

    @property
    def public_uuid(self) -> uuid.UUID:
        """Stable from the moment of writing, before the entry is linked into the chain."""
        return uuid.uuid5(PUBLIC_UUID_NAMESPACE, str(self.pk))


class AuditHead(models.Model):
    """The single row holding the chain's end: the linker locks it for the few
    milliseconds of linking, so the chain stays linear, and it lets verification notice
    entries removed from the end."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"audit head at #{self.last_seq}"
