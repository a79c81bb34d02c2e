# SPDX-License-Identifier: EUPL-1.2
"""Cases (zaken), their status history and notes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from plus1.catalog.models import CaseType, Confidentiality, StatusType
from plus1.identity.models import Party, Team


class Case(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField("zaaknummer", max_length=40, unique=True)
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="cases")
    initiator = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="cases", null=True, blank=True
    )
    form_data = models.JSONField("gegevens uit het formulier", default=dict, blank=True)
    status = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    responsible_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    confidentiality = models.CharField(max_length=32, choices=Confidentiality.choices)
    registered_on = models.DateField("registratiedatum")
    deadline = models.DateField("uiterlijke einddatum afdoening")
    closed_on = models.DateField("einddatum", null=True, blank=True)
    # Where the case is about (zaakgeometrie): GeoJSON in WGS84, with the point used for
    # lookups and the neighbourhood (CBS codes) it falls in. Cases without a place leave them empty.
    geometry = models.JSONField("zaakgeometrie", null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    neighbourhood_code = models.CharField("buurtcode", max_length=10, blank=True, db_index=True)
    district_code = models.CharField("wijkcode", max_length=8, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        indexes = [
            models.Index(
                fields=["responsible_team", "closed_on", "deadline"], name="case_inbox_idx"
            ),
            models.Index(fields=["initiator", "-registered_on"], name="case_initiator_idx"),
            models.Index(fields=["latitude", "longitude"], name="case_point_idx"),
        ]

    def __str__(self) -> str:
        return self.identification


class CaseStatus(models.Model):
    """One step of a case's history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    status = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    explanation = models.CharField("toelichting", max_length=1000, blank=True)

    class Meta:
        verbose_name = "status van een zaak"
        verbose_name_plural = "statusgeschiedenis"
        ordering = ["set_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} → {self.status}"


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField("notitie")
    visible_to_initiator = models.BooleanField("zichtbaar voor de aanvrager", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notitie"
        verbose_name_plural = "notities"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.text[:40]}"
