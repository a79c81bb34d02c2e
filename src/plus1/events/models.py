# SPDX-License-Identifier: EUPL-1.2
"""The transactional outbox (written with the change, delivered after commit), the keys of
effects already done (so a retried delivery is not a second e-mail), and the Notificaties
API channels and subscriptions it delivers to."""

import uuid

from django.db import models
from django.utils import timezone


class OutboxMessage(models.Model):
    """One event for one consumer: each consumer of an event is retried, and parked, alone."""

    class State(models.TextChoices):
        PENDING = "pending", "Wacht op bezorging"
        DELIVERED = "delivered", "Bezorgd"
        PARKED = "parked", "Opgegeven na herhaalde fouten"

    event_id = models.UUIDField("gebeurtenis", default=uuid.uuid4, db_index=True)
    topic = models.CharField(max_length=64)
    consumer = models.CharField("afnemer", max_length=64, default="")
    key = models.CharField("idempotentiesleutel", max_length=255, unique=True)
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
        return f"{self.topic} → {self.consumer} #{self.pk} ({self.state})"


class IdempotencyKey(models.Model):
    """The key of a delivery whose effect happened (an e-mail sent, notifications queued):
    recorded in the transaction of the effect, so a retried delivery skips it."""

    key = models.CharField("idempotentiesleutel", max_length=255, unique=True)
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "afgehandelde bezorging"
        verbose_name_plural = "afgehandelde bezorgingen"

    def __str__(self) -> str:
        return self.key


class Kanaal(models.Model):
    """A Notificaties API channel (kanaal), e.g. `zaken`, with the kenmerken one may filter on."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=50, unique=True)
    documentatie_link = models.URLField("documentatielink", max_length=200, blank=True)
    filters = models.JSONField(
        default=list, blank=True, help_text='Bijvoorbeeld ["bronorganisatie"].'
    )

    class Meta:
        verbose_name = "kanaal"
        verbose_name_plural = "kanalen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Berichtformaat(models.TextChoices):
    """How an abonnement receives its notifications (a Plus1 extension of the Notificaties
    API: the standard knows only its own format)."""

    ZGW = "zgw", "ZGW-notificatie (Notificaties API)"
    CLOUDEVENTS = "cloudevents", "CloudEvent (NL GOV profile for CloudEvents)"


class Abonnement(models.Model):
    """A subscriber: notifications of its kanalen are POSTed to callback_url with `auth`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    callback_url = models.URLField("callback-URL", max_length=200)
    auth = models.CharField("Authorization-header", max_length=1000)
    client_id = models.CharField("client id", max_length=255, blank=True)
    berichtformaat = models.CharField(
        max_length=20, choices=Berichtformaat.choices, default=Berichtformaat.ZGW
    )

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.callback_url


class AbonnementKanaal(models.Model):
    """One kanaal of an abonnement, with the kenmerken a notification must have."""

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.ForeignKey(Kanaal, on_delete=models.CASCADE, related_name="abonnementen")
    filters = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "kanaal van een abonnement"
        verbose_name_plural = "kanalen van abonnementen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.abonnement} op {self.kanaal}"
