# SPDX-License-Identifier: EUPL-1.2
"""Products and case types: what the municipality offers, as data."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from plus1.common.legal_clock import InvalidTerm, parse_term


class Confidentiality(models.TextChoices):
    """The ZGW vertrouwelijkheidaanduiding, from open to most secret."""

    OPENBAAR = "openbaar", "Openbaar"
    BEPERKT_OPENBAAR = "beperkt_openbaar", "Beperkt openbaar"
    INTERN = "intern", "Intern"
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    VERTROUWELIJK = "vertrouwelijk", "Vertrouwelijk"
    CONFIDENTIEEL = "confidentieel", "Confidentieel"
    GEHEIM = "geheim", "Geheim"
    ZEER_GEHEIM = "zeer_geheim", "Zeer geheim"


def validate_term(value: str) -> None:
    try:
        parse_term(value)
    except InvalidTerm as exc:
        raise ValidationError(str(exc)) from exc


class CaseType(models.Model):
    """A kind of case (zaaktype): its statuses, transitions, legal term, team and form."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField("code", max_length=64, unique=True)
    name = models.CharField("naam", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    legal_term = models.CharField(
        "wettelijke termijn",
        max_length=32,
        default="P8W",
        validators=[validate_term],
        help_text="ISO-8601, bijvoorbeeld P8W (Awb) of P26W.",
    )
    responsible_team = models.ForeignKey(
        "identity.Team",
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name="verantwoordelijk team",
    )
    confidentiality = models.CharField(
        "vertrouwelijkheid",
        max_length=32,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
    )
    form_schema = models.JSONField(
        "aanvraagformulier",
        default=dict,
        blank=True,
        help_text="JSON Schema met Nederlandse labels (title) en hulpteksten (description).",
    )
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from plus1.catalog.forms_schema import schema_problems

        problems = schema_problems(self.form_schema)
        if problems:
            raise ValidationError({"form_schema": problems})


class StatusType(models.Model):
    """One status of a case type (statustype). Ordered; one initial, one or more final."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="statuses")
    code = models.SlugField("code", max_length=64)
    name = models.CharField("naam", max_length=120)
    resident_text = models.CharField("uitleg voor de inwoner", max_length=300, blank=True)
    order = models.PositiveIntegerField("volgorde")
    is_initial = models.BooleanField("beginstatus", default=False)
    is_final = models.BooleanField("eindstatus", default=False)

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        ordering = ["case_type", "order"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "code"], name="status_code_unique"),
            models.UniqueConstraint(fields=["case_type", "order"], name="status_order_unique"),
            models.UniqueConstraint(
                fields=["case_type"], condition=models.Q(is_initial=True), name="one_initial_status"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Transition(models.Model):
    """An allowed move between two statuses of one case type: the workflow is this table."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="transitions")
    source = models.ForeignKey(StatusType, on_delete=models.CASCADE, related_name="outgoing")
    target = models.ForeignKey(StatusType, on_delete=models.CASCADE, related_name="incoming")
    label = models.CharField("knoptekst", max_length=120)

    class Meta:
        verbose_name = "overgang"
        verbose_name_plural = "overgangen"
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="transition_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        if (
            self.source.case_type_id != self.case_type_id
            or self.target.case_type_id != self.case_type_id
        ):
            raise ValidationError("Een overgang verbindt twee statussen van hetzelfde zaaktype.")
        if self.source.is_final:
            raise ValidationError("Vanuit een eindstatus is geen overgang mogelijk.")


class Product(models.Model):
    """What a resident or entrepreneur can ask for; may be requested online through a case type."""

    class Audience(models.TextChoices):
        RESIDENTS = "residents", "Inwoners"
        BUSINESSES = "businesses", "Ondernemers"
        BOTH = "both", "Inwoners en ondernemers"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(unique=True)
    name = models.CharField("naam", max_length=200)
    summary = models.TextField("korte uitleg", blank=True)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.BOTH)
    case_type = models.ForeignKey(
        CaseType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name="online aanvragen via zaaktype",
    )
    published = models.BooleanField("gepubliceerd", default=True)

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
