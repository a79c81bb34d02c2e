# SPDX-License-Identifier: EUPL-1.2
"""What the Klantinteracties API needs beyond the contact moments and callbacks themselves.

A klantcontact IS a `ContactMoment` and an interne taak IS a `Callback`; these rows only add
the standard's fields the platform's model has no place for (docs/klantinteracties.md), and
the digital addresses (e-mail, phone) a party or a contact's betrokkene gave."""

from __future__ import annotations

import uuid

from django.db import models


class KlantcontactDetails(models.Model):
    """The Klantinteracties fields of one contact moment, and of its one betrokkene."""

    class Role(models.TextChoices):
        CUSTOMER = "klant", "Klant"
        REPRESENTATIVE = "vertegenwoordiger", "Vertegenwoordiger"

    contact_moment = models.OneToOneField(
        "contact.ContactMoment",
        on_delete=models.CASCADE,
        related_name="klantinteracties",
        verbose_name="contactmoment",
    )
    subject = models.CharField("onderwerp", max_length=200, blank=True)
    response = models.TextField("reactie", blank=True)
    language = models.CharField("taal (ISO 639-2/B)", max_length=3, blank=True)
    confidential = models.BooleanField("vertrouwelijk", default=False)
    reference = models.CharField("referentienummer", max_length=10, blank=True)
    contact_succeeded = models.BooleanField("contact gelukt", null=True, blank=True)
    # The betrokkene (at most one per contact moment; its party is ContactMoment.party).
    has_betrokkene = models.BooleanField("heeft een betrokkene", default=False)
    role = models.CharField(
        "rol van de betrokkene", max_length=20, choices=Role.choices, default=Role.CUSTOMER
    )
    initiator = models.BooleanField("betrokkene nam het initiatief", default=True)
    initials = models.CharField("voorletters", max_length=10, blank=True)
    first_name = models.CharField("voornaam", max_length=200, blank=True)
    surname_prefix = models.CharField("voorvoegsel achternaam", max_length=10, blank=True)
    surname = models.CharField("achternaam", max_length=200, blank=True)
    organisation_name = models.CharField("organisatienaam", max_length=200, blank=True)

    class Meta:
        verbose_name = "klantcontactgegevens"
        verbose_name_plural = "klantcontactgegevens"

    def __str__(self) -> str:
        return f"Klantcontactgegevens van {self.contact_moment}"

    @property
    def contact_name(self) -> str:
        parts = (self.first_name or self.initials, self.surname_prefix, self.surname)
        return " ".join(part for part in parts if part)


class InterneTaakDetails(models.Model):
    """The Klantinteracties fields of one callback (interne taak)."""

    callback = models.OneToOneField(
        "contact.Callback",
        on_delete=models.CASCADE,
        related_name="klantinteracties",
        verbose_name="terugbelverzoek",
    )
    requested_action = models.CharField("gevraagde handeling", max_length=200, blank=True)
    reference = models.CharField("referentienummer", max_length=10, blank=True)

    class Meta:
        verbose_name = "gegevens van een interne taak"
        verbose_name_plural = "gegevens van interne taken"

    def __str__(self) -> str:
        return f"Gegevens van {self.callback}"


class DigitalAddress(models.Model):
    """An e-mail address or phone number a party, or the betrokkene of one contact, gave."""

    class Kind(models.TextChoices):
        EMAIL = "email", "E-mail"
        PHONE = "telefoonnummer", "Telefoonnummer"
        OTHER = "overig", "Overig"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        "identity.Party",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="digital_addresses",
        verbose_name="inwoner of ondernemer",
    )
    contact_moment = models.ForeignKey(
        "contact.ContactMoment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="digital_addresses",
        verbose_name="gegeven bij contactmoment",
    )
    kind = models.CharField("soort", max_length=16, choices=Kind.choices)
    address = models.CharField("adres", max_length=80)
    description = models.CharField("omschrijving", max_length=40, blank=True)
    is_default = models.BooleanField("standaardadres", default=False)
    reference = models.CharField("referentie", max_length=50, blank=True)
    verified_on = models.DateField("geverifieerd op", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "digitaal adres"
        verbose_name_plural = "digitale adressen"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.address}"
