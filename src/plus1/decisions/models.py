# SPDX-License-Identifier: EUPL-1.2
"""Decisions (besluiten). Their documents are documents.DocumentLink rows (object_type besluit)."""

from __future__ import annotations

import uuid

from django.db import models


class ExpiryReason(models.TextChoices):
    TIJDELIJK = "tijdelijk", "Besluit met tijdelijke werking"
    INGETROKKEN_OVERHEID = "ingetrokken_overheid", "Besluit ingetrokken door overheid"
    INGETROKKEN_BELANGHEBBENDE = (
        "ingetrokken_belanghebbende",
        "Besluit ingetrokken o.v.v. belanghebbende",
    )


class Decision(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField("identificatie", max_length=50)
    responsible_organisation = models.CharField("verantwoordelijke organisatie", max_length=9)
    decision_type = models.ForeignKey(
        "catalog.DecisionType", on_delete=models.PROTECT, related_name="decisions"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    date = models.DateField("datum")
    explanation = models.TextField("toelichting", blank=True)
    governing_body = models.CharField("bestuursorgaan", max_length=50, blank=True)
    effective_from = models.DateField("ingangsdatum")
    expires_on = models.DateField("vervaldatum", null=True, blank=True)
    expiry_reason = models.CharField(
        "vervalreden", max_length=30, choices=ExpiryReason.choices, blank=True
    )
    published_on = models.DateField("publicatiedatum", null=True, blank=True)
    sent_on = models.DateField("verzenddatum", null=True, blank=True)
    response_deadline = models.DateField("uiterlijke reactiedatum", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["responsible_organisation", "identification"],
                name="decision_identification_unique",
            )
        ]

    def __str__(self) -> str:
        return self.identification
