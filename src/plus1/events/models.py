# SPDX-License-Identifier: EUPL-1.2
"""The transactional outbox: written with the change, delivered after commit."""

from django.db import models
from django.utils import timezone


class OutboxMessage(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Wacht op bezorging"
        DELIVERED = "delivered", "Bezorgd"
        PARKED = "parked", "Opgegeven na herhaalde fouten"

    topic = models.CharField(max_length=64)
    payload = models.JSONField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "uitgaand bericht"
        verbose_name_plural = "uitgaande berichten"
        indexes = [models.Index(fields=["state", "available_at"], name="outbox_due_idx")]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk} ({self.state})"
