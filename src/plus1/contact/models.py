# SPDX-License-Identifier: EUPL-1.2
"""Appointments at the counter: locations, their hours, products with a duration, capacity."""

from __future__ import annotations

import uuid

from django.db import models


class Location(models.Model):
    """Where residents come for an appointment: the stadhuis or a wijkpunt."""

    slug = models.SlugField(unique=True)
    name = models.CharField("naam", max_length=200)
    address = models.CharField("adres", max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name = "locatie"
        verbose_name_plural = "locaties"

    def __str__(self) -> str:
        return self.name


class OpeningHours(models.Model):
    """One opening period on a weekday (0 = maandag); a day may have several."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField("weekdag (0 = maandag)")
    opens = models.TimeField("open vanaf")
    closes = models.TimeField("open tot")

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = "openingstijd"
        verbose_name_plural = "openingstijden"
        constraints = [
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="contact_weekday"),
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")), name="contact_opens_first"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location}: dag {self.weekday}, {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    """A day a location is closed (a holiday, a move)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField("datum")
    reason = models.CharField("reden", max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "sluitingsdag"
        verbose_name_plural = "sluitingsdagen"
        constraints = [
            models.UniqueConstraint(fields=["location", "date"], name="contact_closure_once")
        ]

    def __str__(self) -> str:
        return f"{self.location} gesloten op {self.date:%d-%m-%Y}"


class AppointmentProduct(models.Model):
    """What a resident can make an appointment for, linked to the catalogue where it exists."""

    slug = models.SlugField(unique=True)
    name = models.CharField("naam", max_length=200)
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointment_products",
        verbose_name="product in de catalogus",
    )
    duration_minutes = models.PositiveSmallIntegerField("duur in minuten")
    what_to_bring = models.TextField("wat neemt u mee", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "afspraakproduct"
        verbose_name_plural = "afspraakproducten"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=5), name="contact_duration_min"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Counter(models.Model):
    """How many residents a location serves at once for a product: places per time slot."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="counters")
    product = models.ForeignKey(
        AppointmentProduct, on_delete=models.CASCADE, related_name="counters"
    )
    places = models.PositiveSmallIntegerField("plaatsen per tijdslot", default=1)

    class Meta:
        verbose_name = "balie"
        verbose_name_plural = "balies"
        constraints = [
            models.UniqueConstraint(fields=["location", "product"], name="contact_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.product} ({self.places})"


class Slot(models.Model):
    """One time slot that has bookings; its row is the lock that prevents double booking."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(AppointmentProduct, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["location", "product", "start"], name="contact_slot_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.product} om {self.start:%d-%m-%Y %H:%M}"


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", "Gepland"
        CANCELLED = "cancelled", "Geannuleerd"
        CHECKED_IN = "checked_in", "Aangemeld aan de balie"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    product = models.ForeignKey(AppointmentProduct, on_delete=models.PROTECT, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments")
    start = models.DateTimeField("begin")
    end = models.DateTimeField("einde")
    name = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    party = models.ForeignKey(
        "identity.Party", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancel_code_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start"]
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        indexes = [models.Index(fields=["location", "start"], name="contact_appt_day")]

    def __str__(self) -> str:
        return f"{self.product} op {self.start:%d-%m-%Y %H:%M}"


# Messages to residents (Mijn berichten), their templates and channel preferences.
from plus1.contact.message_models import (  # noqa: E402, F401
    Channel,
    ChannelPreference,
    Message,
    MessageTemplate,
)
