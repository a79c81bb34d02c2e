# SPDX-License-Identifier: EUPL-1.2
"""The append-only, hash-chained audit log."""

from django.db import models


class AuditEntry(models.Model):
    """One state change: who did what to which object, before and after.

    ``hash`` covers every field and the previous entry's hash, so a change,
    deletion or reordering of any stored entry breaks the chain.
    """

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(editable=False)
    actor_kind = models.CharField(max_length=16, editable=False)
    actor_id = models.CharField(max_length=64, editable=False)
    actor_label = models.CharField(max_length=200, editable=False)
    action = models.CharField(max_length=64, editable=False)
    object_type = models.CharField(max_length=64, editable=False)
    object_id = models.CharField(max_length=64, editable=False)
    before = models.JSONField(null=True, editable=False)
    after = models.JSONField(null=True, editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)
    # HMAC of `hash` with a key held outside the database (plus1.audit.keys): a forged
    # entry, even one with a correct hash, has no valid seal.
    seal = models.CharField(max_length=64, default="", editable=False)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The single row holding the chain's end: appends lock it, so the chain stays linear,
    and it lets verification notice entries removed from the end."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"audit head at #{self.last_seq}"
