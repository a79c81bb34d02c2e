# SPDX-License-Identifier: EUPL-1.2
"""The insights context's own rows. It reads other contexts and writes only these."""

from __future__ import annotations

import uuid

from django.db import models


class DefaultNotice(models.Model):
    """A notice of default (ingebrekestelling, Awb 4:17) a resident sent for a late decision."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.PROTECT,
        related_name="default_notice",
        verbose_name="zaak",
    )
    sent_by = models.ForeignKey(
        "identity.Party", on_delete=models.PROTECT, related_name="+", verbose_name="verstuurd door"
    )
    sent_on = models.DateField("datum ingebrekestelling")
    sent_at = models.DateTimeField("verstuurd op", auto_now_add=True)
    deadline = models.DateField("gemiste uiterlijke einddatum")
    penalty_applies = models.BooleanField("dwangsom van toepassing")

    class Meta:
        verbose_name = "ingebrekestelling"
        verbose_name_plural = "ingebrekestellingen"

    def __str__(self) -> str:
        return f"Ingebrekestelling {self.case_id} ({self.sent_on})"


class SatisfactionRating(models.Model):
    """The resident's answer to "how satisfied are you?" after a case closed (1–5)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="satisfaction_rating",
        verbose_name="zaak",
    )
    score = models.PositiveSmallIntegerField("cijfer (1 tot en met 5)")
    comment = models.TextField("toelichting", blank=True)
    answered_at = models.DateTimeField("beantwoord op", auto_now_add=True)

    class Meta:
        verbose_name = "tevredenheidsoordeel"
        verbose_name_plural = "tevredenheidsoordelen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"Oordeel {self.score} voor zaak {self.case_id}"


class FormCounter(models.Model):
    """How an online request form fares, per case type and day, without personal data.

    The form's own row (field and kind empty) counts forms started (first page shown) and
    submitted; a field's row counts its validation errors of one kind (e.g. `required`,
    `format`). Never a value, never who. Upserted with F() increments."""

    case_type_code = models.SlugField("zaaktype (code)", max_length=64)
    day = models.DateField("dag")
    field = models.CharField("veld (sleutel)", max_length=100, blank=True)
    kind = models.CharField("soort fout", max_length=40, blank=True)
    started = models.PositiveIntegerField("begonnen", default=0)
    submitted = models.PositiveIntegerField("verstuurd", default=0)
    errors = models.PositiveIntegerField("fouten", default=0)

    class Meta:
        verbose_name = "formulierteller"
        verbose_name_plural = "formuliertellers"
        constraints = [
            models.UniqueConstraint(
                fields=["case_type_code", "day", "field", "kind"], name="one_form_counter_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_type_code} {self.day} {self.field or 'formulier'}"
