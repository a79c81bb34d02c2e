# SPDX-License-Identifier: EUPL-1.2
"""Parties (residents by BSN, entrepreneurs by KVK number), staff and teams."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from plus1.common import bsn as bsn_crypto
from plus1.common.search_index import trigram_index


class Party(models.Model):
    """A resident or a business the municipality serves."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", "Inwoner"
        BUSINESS = "business", "Ondernemer"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres", blank=True)
    phone = models.CharField("telefoonnummer", max_length=32, blank=True)
    bsn_encrypted = models.TextField(blank=True, editable=False)
    # NULL, not "", for "no value": unique constraints must allow many parties without one.
    bsn_index = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001
    kvk_number = models.CharField("KVK-nummer", max_length=8, unique=True, null=True, blank=True)
    # From the BRP (residents) or the Handelsregister (businesses): what the contact centre
    # finds a person by when no BSN or KVK number is at hand.
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    postcode = models.CharField("postcode", max_length=6, blank=True)
    house_number = models.CharField("huisnummer", max_length=10, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="party",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "partij"
        verbose_name_plural = "partijen"
        indexes = [
            models.Index(fields=["postcode", "house_number"], name="party_address_idx"),
            trigram_index("name", "party_name_trgm_idx"),  # the workbench's search by name
        ]
        constraints = [
            models.CheckConstraint(
                name="party_has_identifier",
                condition=models.Q(kind="resident", bsn_index__isnull=False)
                | models.Q(kind="business", kvk_number__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def bsn(self) -> str:
        """The clear BSN; only for showing a resident their own data."""
        return bsn_crypto.decrypt(self.bsn_encrypted) if self.bsn_encrypted else ""

    def set_bsn(self, value: str) -> None:
        self.bsn_encrypted = bsn_crypto.encrypt(value)
        self.bsn_index = bsn_crypto.blind_index(value)


class Team(models.Model):
    """A team of staff. Flexible: members can be in several teams; no department tree."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField("URL-naam", unique=True)
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres", blank=True)
    skills = models.JSONField("vaardigheden", default=list, blank=True)
    areas = models.JSONField("gebieden", default=list, blank=True)
    members: models.ManyToManyField[Any, TeamMembership] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="teams",
        blank=True,
        verbose_name="leden",
        through="TeamMembership",
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    """A staff member in a team: whether they lead it, their own skills and areas within it,
    and the hours a week they work for it (the capacity the assignment suggestion uses)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    is_lead = models.BooleanField(
        "teamleider", default=False, help_text="Mag zaken van het team in bulk toewijzen."
    )
    weekly_hours = models.PositiveSmallIntegerField(
        "uren per week",
        default=0,
        help_text="Hoeveel uur per week deze medewerker voor dit team werkt.",
    )
    skills = models.JSONField("vaardigheden", default=list, blank=True)
    areas = models.JSONField("gebieden", default=list, blank=True)

    class Meta:
        db_table = "identity_team_members"
        verbose_name = "teamlidmaatschap"
        verbose_name_plural = "teamlidmaatschappen"
        unique_together = [("team", "user")]  # the constraint of the former implicit table

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
