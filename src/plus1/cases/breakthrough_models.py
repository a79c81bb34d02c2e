# SPDX-License-Identifier: EUPL-1.2
"""A doorbraak: a case where rules or systems block a sensible outcome, handed to the
doorbraak team with its own short term (imported by models.py)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from plus1.identity.models import Team


class Breakthrough(models.Model):
    """One case marked "doorbraak nodig": what blocks it, the team it came from, the term of
    the doorbraak team, and (once decided) the decision and the rule that pinched."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="breakthroughs", verbose_name="zaak"
    )
    blocker = models.TextField("wat een redelijke uitkomst blokkeert")
    from_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name="van team"
    )
    from_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="behandelaar daarvoor",
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="gemeld door",
    )
    marked_at = models.DateTimeField("gemeld op")
    due_on = models.DateField("doorbraak uiterlijk op")
    decided_at = models.DateTimeField("besloten op", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="besloten door",
    )
    decision = models.TextField("besluit", blank=True)
    rule = models.TextField("de regel die knelde", blank=True)
    legal_basis = models.CharField("wettelijke grondslag", max_length=200, blank=True)
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="product",
    )

    class Meta:
        verbose_name = "doorbraak"
        verbose_name_plural = "doorbraken"
        ordering = ["marked_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(decided_at__isnull=True),
                name="one_open_breakthrough_per_case",
            )
        ]
        indexes = [models.Index(fields=["decided_at", "product"], name="breakthrough_decided_idx")]

    def __str__(self) -> str:
        return f"Doorbraak {self.case_id}"
