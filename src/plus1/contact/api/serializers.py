# SPDX-License-Identifier: EUPL-1.2
"""Input and output of the appointment API (Dutch field names, NL API Design Rules)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rest_framework import serializers

from plus1.contact.models import Appointment, AppointmentProduct, Location
from plus1.contact.selectors import MAX_RANGE_DAYS
from plus1.contact.services import person_problems, start_problems

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
STATUS_OUT = {"booked": "gepland", "cancelled": "geannuleerd", "checked_in": "aangemeld"}


class AppointmentProductOut(serializers.Serializer):
    id = serializers.CharField(source="slug", help_text="Gebruik dit als `product`.")
    naam = serializers.CharField(source="name")
    duurMinuten = serializers.IntegerField(source="duration_minutes")
    meenemen = serializers.CharField(source="what_to_bring", help_text="Wat de inwoner meeneemt.")
    catalogusproduct = serializers.SerializerMethodField(help_text="Slug in de productcatalogus.")
    locaties = serializers.SerializerMethodField(help_text="Waar dit kan (locatie-id's).")

    def get_catalogusproduct(self, product: AppointmentProduct) -> str | None:
        return product.product.slug if product.product else None

    def get_locaties(self, product: AppointmentProduct) -> list[str]:
        return [counter.location.slug for counter in product.counters.all()]


class OpeningHoursOut(serializers.Serializer):
    weekdag = serializers.SerializerMethodField()
    van = serializers.TimeField(source="opens", format="%H:%M")
    tot = serializers.TimeField(source="closes", format="%H:%M")

    def get_weekdag(self, period: Any) -> str:
        return WEEKDAYS[period.weekday]


class ClosureOut(serializers.Serializer):
    datum = serializers.DateField(source="date")
    reden = serializers.CharField(source="reason")


class LocationOut(serializers.Serializer):
    id = serializers.CharField(source="slug", help_text="Gebruik dit als `locatie`.")
    naam = serializers.CharField(source="name")
    adres = serializers.CharField(source="address")
    openingstijden = OpeningHoursOut(source="hours.all", many=True)
    sluitingsdagen = ClosureOut(source="closures.all", many=True)


class SlotQueryIn(serializers.Serializer):
    product = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=AppointmentProduct.objects.all(),
        help_text="Afspraakproduct-id.",
    )
    locatie = serializers.SlugRelatedField(
        slug_field="slug", queryset=Location.objects.all(), help_text="Locatie-id."
    )
    van = serializers.DateField(help_text="Eerste dag, JJJJ-MM-DD.")
    tot = serializers.DateField(help_text=f"Laatste dag (hoogstens {MAX_RANGE_DAYS} dagen na van).")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["tot"] < attrs["van"]:
            raise serializers.ValidationError({"tot": ["Kies een dag op of na ‘van’."]})
        if attrs["tot"] - attrs["van"] > dt.timedelta(days=MAX_RANGE_DAYS):
            raise serializers.ValidationError(
                {"tot": [f"Vraag hoogstens {MAX_RANGE_DAYS} dagen tegelijk op."]}
            )
        return attrs


class SlotOut(serializers.Serializer):
    start = serializers.DateTimeField()
    eind = serializers.DateTimeField(source="end")
    beschikbaar = serializers.IntegerField(source="available", help_text="Plaatsen vrij.")


class AppointmentIn(serializers.Serializer):
    product = serializers.SlugRelatedField(
        slug_field="slug", queryset=AppointmentProduct.objects.all()
    )
    locatie = serializers.SlugRelatedField(slug_field="slug", queryset=Location.objects.all())
    start = serializers.DateTimeField(help_text="Begin van een tijdslot uit /tijdsloten.")
    naam = serializers.CharField(allow_blank=True, max_length=200)
    email = serializers.CharField(allow_blank=True, max_length=254)

    def problems(self) -> dict[str, list[str]]:
        """Every problem at once: the fields' format, the start, the name and e-mail address."""
        if self.is_valid():
            fields = self.validated_data
            problems = start_problems(fields["product"], fields["locatie"], fields["start"])
        else:
            problems = {key: [str(m) for m in messages] for key, messages in self.errors.items()}
        data = self.initial_data if isinstance(self.initial_data, dict) else {}
        for key, messages in person_problems(
            name=str(data.get("naam", "")), email=str(data.get("email", ""))
        ).items():
            problems.setdefault(key, messages)
        return problems


class CancelIn(serializers.Serializer):
    annuleercode = serializers.CharField(help_text="De code uit de bevestiging.")


class AppointmentOut(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    product = serializers.CharField(source="product.slug")
    locatie = serializers.CharField(source="location.slug")
    start = serializers.DateTimeField()
    eind = serializers.DateTimeField(source="end")
    naam = serializers.CharField(source="name")
    email = serializers.CharField()
    status = serializers.SerializerMethodField()

    def get_status(self, appointment: Appointment) -> str:
        return STATUS_OUT[appointment.status]


class BookedOut(AppointmentOut):
    annuleercode = serializers.CharField(help_text="Alleen nu te zien; nodig om te annuleren.")
    beheerlink = serializers.URLField(help_text="Pagina om te verzetten of te annuleren.")
