# SPDX-License-Identifier: EUPL-1.2
"""The processing register, the data trail, partners with their API clients, consents and
GDPR requests."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from plus1.catalog.models import CaseType


class LegalGround(models.TextChoices):
    """The grounds of GDPR article 6(1)."""

    CONSENT = "a", "Toestemming van de betrokkene (AVG art. 6 lid 1 sub a)"
    CONTRACT = "b", "Uitvoering van een overeenkomst (AVG art. 6 lid 1 sub b)"
    LEGAL_OBLIGATION = "c", "Wettelijke verplichting (AVG art. 6 lid 1 sub c)"
    VITAL_INTEREST = "d", "Vitaal belang (AVG art. 6 lid 1 sub d)"
    PUBLIC_TASK = "e", "Taak van algemeen belang of openbaar gezag (AVG art. 6 lid 1 sub e)"
    LEGITIMATE_INTEREST = "f", "Gerechtvaardigd belang (AVG art. 6 lid 1 sub f)"


class ProcessingActivity(models.Model):
    """One line of the register of processing activities (GDPR art. 30)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField("code", max_length=80, unique=True)
    name = models.CharField("naam", max_length=200)
    purpose = models.TextField(
        "doel", help_text="In gewone taal: waarom gebruiken we deze gegevens?"
    )
    legal_ground = models.CharField("grondslag (AVG)", max_length=1, choices=LegalGround.choices)
    legal_basis = models.CharField("wet of regeling", max_length=300, blank=True)
    legal_basis_url = models.URLField("link naar de wet", max_length=500, blank=True)
    personal_data_categories = models.JSONField("soorten persoonsgegevens", default=list)
    data_subject_categories = models.JSONField("van wie", default=list)
    recipients = models.JSONField("ontvangers", default=list, blank=True)
    retention = models.CharField("bewaartermijn", max_length=200)
    confidential = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Het gebruik wordt niet getoond aan de inwoner zolang dit aan staat "
        "(bijvoorbeeld een fraudeonderzoek).",
    )
    active = models.BooleanField("actief", default=True)
    case_types: models.ManyToManyField[CaseType, CaseTypeActivity] = models.ManyToManyField(
        "catalog.CaseType",
        through="CaseTypeActivity",
        related_name="processing_activities",
        blank=True,
        verbose_name="zaaktypen",
    )

    class Meta:
        verbose_name = "verwerkingsactiviteit"
        verbose_name_plural = "verwerkingsregister"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseTypeActivity(models.Model):
    """Each case type serves exactly one processing activity."""

    case_type = models.OneToOneField(
        "catalog.CaseType", on_delete=models.CASCADE, related_name="processing"
    )
    activity = models.ForeignKey(ProcessingActivity, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "zaaktype bij verwerkingsactiviteit"
        verbose_name_plural = "zaaktypen bij verwerkingsactiviteiten"

    def __str__(self) -> str:
        return f"{self.case_type} → {self.activity}"


class TrailAction(models.TextChoices):
    VIEWED = "viewed", "bekeken"
    CHANGED = "changed", "gewijzigd"
    SHARED = "shared", "gedeeld"
    SENT = "sent", "verstuurd"


class TrailStatus(models.TextChoices):
    """status_code of the Logboek Dataverwerkingen standard."""

    UNSET = "Unset", "Unset"
    OK = "Ok", "Ok"
    ERROR = "Error", "Error"


SUBJECT_ID_TYPE = "plus1:pseudoniem"


class DataTrailRecord(models.Model):
    """One action on a person's data (Logboek Dataverwerkingen). Who did it is in the
    audit entry it points to; the person is a keyed-hash pseudonym, never a BSN."""

    trace_id = models.CharField(max_length=32, db_index=True, editable=False)
    span_id = models.CharField(max_length=16, unique=True, editable=False)
    parent_span_id = models.CharField(max_length=16, blank=True, editable=False)
    name = models.CharField(max_length=200, editable=False)
    action = models.CharField(max_length=16, choices=TrailAction.choices, editable=False)
    refused = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        max_length=8, choices=TrailStatus.choices, default=TrailStatus.UNSET, editable=False
    )
    start_time = models.DateTimeField(editable=False)
    end_time = models.DateTimeField(editable=False)
    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.PROTECT, related_name="trail", editable=False
    )
    data_subject_id = models.CharField(max_length=64, editable=False)
    data_subject_id_type = models.CharField(max_length=40, default=SUBJECT_ID_TYPE, editable=False)
    foreign_operation = models.JSONField(null=True, blank=True, editable=False)
    resource = models.JSONField(default=dict, blank=True, editable=False)
    # Usually one entry per record; a list page writes one entry for all the people it shows.
    audit_entry = models.ForeignKey(
        "audit.AuditEntry", on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        verbose_name = "dataspoorregel"
        verbose_name_plural = "dataspoor"
        ordering = ["-start_time", "-pk"]
        indexes = [
            models.Index(fields=["data_subject_id", "-start_time"], name="trail_subject_idx"),
            models.Index(fields=["activity", "-start_time"], name="trail_activity_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.trace_id}/{self.span_id} {self.name}"


class Partner(models.Model):
    """An organisation residents can share their data with."""

    class Kind(models.TextChoices):
        HOUSING = "housing", "Woningcorporatie"
        DEBT_HELP = "debt_help", "Schuldhulporganisatie"
        CARE = "care", "Zorgaanbieder"
        OTHER = "other", "Andere organisatie"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(unique=True)
    name = models.CharField("naam", max_length=200)
    kind = models.CharField("soort", max_length=16, choices=Kind.choices)
    activities = models.ManyToManyField(
        ProcessingActivity, related_name="partners", verbose_name="doelen waarvoor zij mogen vragen"
    )
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "partnerorganisatie"
        verbose_name_plural = "partnerorganisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ApiClient(models.Model):
    """A system that calls our privacy APIs: a partner, or a reader of the data trail.
    Authenticates with `Authorization: Bearer <client_id>.<secret>`; only a hash is stored."""

    name = models.CharField("naam", max_length=200)
    client_id = models.SlugField(unique=True)
    secret_hash = models.CharField(max_length=64, editable=False)
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, null=True, blank=True, related_name="clients"
    )
    trail_activities = models.ManyToManyField(
        ProcessingActivity,
        blank=True,
        related_name="trail_readers",
        verbose_name="mag het dataspoor lezen van",
    )
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "API-client"
        verbose_name_plural = "API-clients"

    def __str__(self) -> str:
        return self.name

    # DRF treats request.user as authenticated when this is true.
    is_authenticated = True


class Consent(models.Model):
    """A resident's or business's permission to share data categories with a partner."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey("identity.Party", on_delete=models.CASCADE, related_name="consents")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="consents")
    activity = models.ForeignKey(
        ProcessingActivity, on_delete=models.PROTECT, related_name="consents", verbose_name="doel"
    )
    categories = models.JSONField("gegevens", default=list)
    valid_from = models.DateField("vanaf")
    valid_until = models.DateField("tot en met")
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-granted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="consent_period_valid",
                condition=models.Q(valid_until__gte=models.F("valid_from")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.party} → {self.partner}"


class GdprRight(models.TextChoices):
    ACCESS = "15", _("Inzage (artikel 15)")
    RECTIFICATION = "16", _("Correctie (artikel 16)")
    ERASURE = "17", _("Verwijdering (artikel 17)")
    RESTRICTION = "18", _("Beperking (artikel 18)")
    PORTABILITY = "20", _("Gegevens meenemen (artikel 20)")
    OBJECTION = "21", _("Bezwaar tegen gebruik (artikel 21)")


class GdprRequest(models.Model):
    """A request under the GDPR, handled as a case with a legal term of one month."""

    class Decision(models.TextChoices):
        GRANTED = "granted", "Toegekend"
        REJECTED = "rejected", "Afgewezen"

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="gdpr_request")
    party = models.ForeignKey("identity.Party", on_delete=models.PROTECT, related_name="+")
    right = models.CharField("recht", max_length=2, choices=GdprRight.choices)
    field = models.CharField("gegeven", max_length=32, blank=True)
    requested_value = models.CharField("gevraagde waarde", max_length=300, blank=True)
    extension_reason = models.TextField("reden van verlenging", blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, blank=True)
    decision_text = models.TextField("toelichting op het besluit", blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "AVG-verzoek"
        verbose_name_plural = "AVG-verzoeken"

    def __str__(self) -> str:
        return f"{self.get_right_display()} ({self.case})"
