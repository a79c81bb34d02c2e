# SPDX-License-Identifier: EUPL-1.2
"""Messages to residents and businesses: every one is kept (Mijn berichten), with the
channel it went out by and its delivery status; the templates they are built from; and the
channel a person prefers, verified by a code. Imported by contact/models.py."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"
    SMS = "sms", "Sms"
    LETTER = "letter", "Brief"


class Message(models.Model):
    """One message from the municipality to one recipient, through one channel at a time."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Wordt verstuurd"
        SENT = "sent", "Verstuurd"
        FAILED = "failed", "Niet verstuurd"
        BOUNCED = "bounced", "Niet aangekomen"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        "identity.Party",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name="ontvanger",
        help_text="Leeg voor iemand zonder account (een melder, een afspraak zonder DigiD).",
    )
    recipient_name = models.CharField("naam ontvanger", max_length=200, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_messages",
        verbose_name="zaak",
    )
    event = models.CharField("gebeurtenis", max_length=64)
    subject = models.CharField("onderwerp", max_length=300)
    body = models.TextField("tekst")
    sms_text = models.CharField("sms-tekst", max_length=320, blank=True)
    link = models.URLField("link", max_length=500, blank=True)
    channel = models.CharField("kanaal", max_length=16, choices=Channel.choices)
    address = models.CharField("adres", max_length=300, blank=True)
    fallbacks = models.JSONField(
        "volgende kanalen", default=list, blank=True, help_text="[kanaal, adres] als het mislukt"
    )
    attachments = models.JSONField("bijlagen", default=list, blank=True)
    status = models.CharField(
        "status", max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    reason = models.TextField("reden", blank=True)
    history = models.JSONField("verloop", default=list, blank=True)
    attempts = models.PositiveIntegerField("pogingen op dit kanaal", default=0)
    letter = models.CharField("brief (pdf)", max_length=300, blank=True)
    provider_reference = models.CharField("kenmerk bij de verzender", max_length=200, blank=True)
    listed = models.BooleanField(
        "in Mijn berichten", default=True, help_text="Een verificatiecode staat er niet in."
    )
    read_at = models.DateTimeField("gelezen op", null=True, blank=True)
    created_at = models.DateTimeField("gemaakt op", default=timezone.now)
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="contact_msg_recipient"),
            models.Index(fields=["case", "-created_at"], name="contact_msg_case"),
        ]

    def __str__(self) -> str:
        return self.subject


class MessageTemplate(models.Model):
    """The text of a message for one event: a default (no case type) or a case type's own."""

    event = models.CharField("gebeurtenis", max_length=64)
    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="message_templates",
        verbose_name="zaaktype",
        help_text="Leeg: de standaardtekst voor alle zaaktypen.",
    )
    subject = models.CharField("onderwerp", max_length=300)
    body = models.TextField("tekst")
    sms = models.CharField(
        "sms-tekst",
        max_length=320,
        blank=True,
        help_text="Korte tekst voor een sms. Leeg: het onderwerp en de link.",
    )
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["event", "case_type__name"]
        verbose_name = "berichtsjabloon"
        verbose_name_plural = "berichtsjablonen"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "case_type"], name="contact_template_once_per_type"
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(case_type__isnull=True),
                name="contact_template_one_default",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.case_type or 'standaard'})"


class ChannelPreference(models.Model):
    """How a person wants to hear from the municipality; addresses count once verified."""

    party = models.OneToOneField(
        "identity.Party",
        on_delete=models.CASCADE,
        related_name="channel_preference",
        verbose_name="partij",
    )
    channel = models.CharField("kanaal", max_length=16, choices=Channel.choices)
    email = models.EmailField("e-mailadres", blank=True)
    phone = models.CharField("mobiel nummer", max_length=32, blank=True)
    postal_address = models.TextField("postadres", blank=True)
    pending_channel = models.CharField(
        "nog te bevestigen kanaal", max_length=16, choices=Channel.choices, blank=True
    )
    pending_address = models.CharField("nog te bevestigen adres", max_length=300, blank=True)
    code_hash = models.CharField(max_length=64, blank=True)
    code_sent_at = models.DateTimeField("code verstuurd op", null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField("bevestigd op", null=True, blank=True)

    class Meta:
        verbose_name = "berichtvoorkeur"
        verbose_name_plural = "berichtvoorkeuren"

    def __str__(self) -> str:
        return f"{self.party}: {self.get_channel_display()}"
