# SPDX-License-Identifier: EUPL-1.2
"""Reports about the public space: the report beside its case, photos, followers, routing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from plus1.cases.models import Case
from plus1.identity.models import Party, Team
from plus1.meldingen.categories import category_choices


class Melding(models.Model):
    """A report; its case (zaak) carries status, team, deadline and location."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="melding")
    category = models.CharField("categorie", max_length=32, choices=category_choices())
    subcategory = models.CharField("subcategorie", max_length=64, blank=True)
    address = models.CharField("adres of plek", max_length=200, blank=True)
    reporter_email = models.EmailField("e-mailadres melder", blank=True)
    reporter_phone = models.CharField("telefoonnummer melder", max_length=32, blank=True)
    public_description = models.TextField(
        "openbare omschrijving",
        blank=True,
        help_text="Alleen deze tekst staat op de openbare kaart, nooit wat de melder schreef.",
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name="samengevoegd met",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        indexes = [models.Index(fields=["category", "created_at"], name="melding_category_idx")]

    def __str__(self) -> str:
        return f"{self.case.identification} ({self.category})"


class Photo(models.Model):
    """A photo with a report, re-encoded without metadata before it was stored."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField("bestand", max_length=200)
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        verbose_name = "foto"
        verbose_name_plural = "foto's"

    def __str__(self) -> str:
        return self.file.name


class Follower(models.Model):
    """Someone who gets the updates of a report: a logged-in party or an e-mail address."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="followers")
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField("e-mailadres", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "volger"
        verbose_name_plural = "volgers"
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "party"],
                condition=models.Q(party__isnull=False),
                name="follower_party_once",
            ),
            models.UniqueConstraint(
                fields=["melding", "email"],
                condition=~models.Q(email=""),
                name="follower_email_once",
            ),
            models.CheckConstraint(
                condition=models.Q(party__isnull=False) | ~models.Q(email=""),
                name="follower_reachable",
            ),
        ]

    def __str__(self) -> str:
        return f"volger van {self.melding}"


class RoutingRule(models.Model):
    """category x area x time window → team. Empty conditions match everything; the most
    specific matching rule wins (category, then buurt over wijk, then time window)."""

    name = models.CharField("omschrijving", max_length=120)
    category = models.CharField(
        "categorie",
        max_length=32,
        choices=category_choices(),
        blank=True,
        help_text="Leeg: elke categorie.",
    )
    area_code = models.CharField(
        "gebied",
        max_length=10,
        blank=True,
        help_text="Wijkcode (WK…) of buurtcode (BU…); leeg: overal.",
    )
    weekdays = models.JSONField(
        "dagen",
        default=list,
        blank=True,
        help_text="ISO-weekdagen 1 (maandag) t/m 7 (zondag); leeg: elke dag.",
    )
    start_time = models.TimeField("van", null=True, blank=True)
    end_time = models.TimeField(
        "tot", null=True, blank=True, help_text="Een venster over middernacht (22:00–07:00) mag."
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name="team")
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "routeringsregel"
        verbose_name_plural = "routeringsregels"
        ordering = ["category", "area_code", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.start_time is None) != (self.end_time is None):
            raise ValidationError("Vul bij een tijdvenster zowel ‘van’ als ‘tot’ in.")
        if self.area_code and self.area_code[:2] not in {"WK", "BU"}:
            raise ValidationError({"area_code": "Gebruik een wijkcode (WK…) of buurtcode (BU…)."})
        if any(day not in range(1, 8) for day in self.weekdays or []):
            raise ValidationError({"weekdays": "Dagen zijn getallen van 1 (maandag) tot en met 7."})
