# SPDX-License-Identifier: EUPL-1.2
"""Appointments at the counter, contact moments across channels, callbacks and coordinators."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


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
    checked_in_at = models.DateTimeField("aangemeld aan de balie op", null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geboekt door medewerker",
    )

    class Meta:
        ordering = ["start"]
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        indexes = [models.Index(fields=["location", "start"], name="contact_appt_day")]

    def __str__(self) -> str:
        return f"{self.product} op {self.start:%d-%m-%Y %H:%M}"


# --- Contact history, callbacks and coordinators (one history across channels) ---------------


class ContactChannel(models.TextChoices):
    """How a resident or business reached the municipality (or the other way round)."""

    PHONE = "telefoon", _("Telefoon")
    COUNTER = "balie", _("Balie")
    EMAIL = "e-mail", _("E-mail")
    CHAT = "chat", _("Chat")
    LETTER = "brief", _("Brief")
    HOME_VISIT = "huisbezoek", _("Huisbezoek")
    SOCIAL_MEDIA = "sociale media", _("Sociale media")


class ContactMoment(models.Model):
    """One contact with a resident or business on any channel (klantcontact)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField("kanaal", max_length=16, choices=ContactChannel.choices)
    party = models.ForeignKey(
        "identity.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_moments",
        verbose_name="inwoner of ondernemer",
        help_text="Leeg bij een anoniem contact.",
    )
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_moments",
        verbose_name="onderwerp (product)",
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_moments",
        verbose_name="zaak",
    )
    summary = models.TextField("korte samenvatting")
    answered = models.BooleanField("vraag beantwoord", default=False)
    internal_remark = models.TextField(
        "interne opmerking", blank=True, help_text="Alleen voor medewerkers; nooit in het portaal."
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geregistreerd door",
    )
    registered_at = models.DateTimeField("geregistreerd op", default=timezone.now)
    # The callback this moment asked for (a callback's outcome points back via Callback.outcome_moment).
    callback = models.ForeignKey(
        "Callback",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requesting_moments",
        verbose_name="terugbelverzoek",
    )
    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_moments",
        verbose_name="afspraak",
    )

    class Meta:
        ordering = ["-registered_at", "-pk"]
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        indexes = [
            models.Index(fields=["party", "-registered_at"], name="contact_moment_party"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} op {self.registered_at:%d-%m-%Y %H:%M}"


class TimeOfDay(models.TextChoices):
    """When a resident prefers to be called back."""

    ANY = "any", _("Maakt niet uit")
    MORNING = "morning", _("Ochtend (9:00-12:00)")
    AFTERNOON = "afternoon", _("Middag (12:00-17:00)")


def in_dutch(label: object) -> str:
    """A choice's label as messages, events and the data trail carry it: in Dutch, whatever
    language the page that caused them was in (the labels follow the page's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


class Callback(models.Model):
    """A request to call a resident back: an interne taak for the team that owns the product."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Afgehandeld")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        "identity.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="callbacks",
        verbose_name="inwoner of ondernemer",
    )
    name = models.CharField("naam", max_length=200)
    phone = models.CharField("telefoonnummer", max_length=32)
    preferred_time = models.CharField(
        "voorkeur voor het moment van de dag",
        max_length=16,
        choices=TimeOfDay.choices,
        default=TimeOfDay.ANY,
    )
    question = models.TextField("vraag", blank=True)
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="callbacks",
        verbose_name="onderwerp (product)",
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="callbacks",
        verbose_name="zaak",
    )
    team = models.ForeignKey(
        "identity.Team", on_delete=models.PROTECT, related_name="callbacks", verbose_name="team"
    )
    due_at = models.DateTimeField("terugbellen uiterlijk")
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField("uitkomst", blank=True)
    done_at = models.DateTimeField("afgehandeld op", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="afgehandeld door",
    )
    source = models.ForeignKey(
        ContactMoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_callbacks",
        verbose_name="vanuit contactmoment",
    )
    outcome_moment = models.OneToOneField(
        ContactMoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="completed_callback",
        verbose_name="contactmoment van het terugbellen",
    )
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = "terugbelverzoek"
        verbose_name_plural = "terugbelverzoeken"
        indexes = [models.Index(fields=["team", "status", "due_at"], name="contact_callback_queue")]
        constraints = [
            models.CheckConstraint(
                name="contact_callback_done_has_time",
                condition=models.Q(status="open", done_at__isnull=True)
                | models.Q(status="done", done_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"Terugbellen {self.name} voor {self.due_at:%d-%m-%Y %H:%M}"


class ProductContactSetting(models.Model):
    """Contact-centre settings of one product: which team calls back, and within how long."""

    product = models.OneToOneField(
        "catalog.Product",
        on_delete=models.CASCADE,
        related_name="contact_setting",
        verbose_name="product",
    )
    callback_team = models.ForeignKey(
        "identity.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="team dat terugbelt",
        help_text="Leeg: het team van het zaaktype van het product.",
    )
    callback_working_days = models.PositiveSmallIntegerField(
        "terugbellen binnen (werkdagen)", default=1
    )

    class Meta:
        verbose_name = "contactinstelling van een product"
        verbose_name_plural = "contactinstellingen van producten"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(callback_working_days__gte=1),
                name="contact_callback_days_min",
            )
        ]

    def __str__(self) -> str:
        return f"{self.product}: binnen {self.callback_working_days} werkdag(en)"


class Coordinator(models.Model):
    """A named contact person (casemanager, regisseur) for a resident's cases or household."""

    class Role(models.TextChoices):
        CASE_MANAGER = "casemanager", _("Casemanager")
        COORDINATOR = "regisseur", _("Regisseur")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coordinations",
        verbose_name="medewerker",
    )
    party = models.ForeignKey(
        "identity.Party",
        on_delete=models.CASCADE,
        related_name="coordinators",
        verbose_name="inwoner of ondernemer (huishouden)",
    )
    cases = models.ManyToManyField(
        "cases.Case", related_name="coordinators", blank=True, verbose_name="zaken"
    )
    role = models.CharField("rol", max_length=16, choices=Role.choices, default=Role.CASE_MANAGER)
    display_name = models.CharField("naam zoals de inwoner die ziet", max_length=200)
    phone = models.CharField("telefoonnummer", max_length=32, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    reachable = models.CharField(
        "bereikbaar", max_length=200, blank=True, help_text="Bijvoorbeeld: maandag tot donderdag."
    )
    household = models.BooleanField(
        "voor het hele huishouden",
        default=False,
        help_text="Eén huishouden, één plan, één regisseur: geldt voor alle zaken van het huishouden.",
    )
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)
    ended_at = models.DateTimeField("beëindigd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "contactpersoon (casemanager of regisseur)"
        verbose_name_plural = "contactpersonen (casemanagers en regisseurs)"

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.display_name}"


# The Klantinteracties API's own fields (docs/klantinteracties.md), and the messages to
# residents (Mijn berichten) with their templates and channel preferences, in their own modules.
from plus1.contact.klantinteracties_models import (  # noqa: E402, F401
    DigitalAddress,
    InterneTaakDetails,
    KlantcontactDetails,
)
from plus1.contact.message_models import (  # noqa: E402, F401
    Channel,
    ChannelPreference,
    Message,
    MessageTemplate,
)
