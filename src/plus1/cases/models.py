# SPDX-License-Identifier: EUPL-1.2
"""Cases (zaken), their status history, notes, and the records the Zaken API adds: roles
(rollen), result (resultaat), objects (zaakobjecten), properties (zaakeigenschappen) and
customer contacts (klantcontacten)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from plus1.catalog.models import CaseType, Confidentiality, StatusType
from plus1.common.search_index import trigram_index
from plus1.identity.models import Party, Team


class ArchiveNomination(models.TextChoices):
    KEEP = "blijvend_bewaren", "Blijvend bewaren"
    DESTROY = "vernietigen", "Vernietigen"


class ArchiveStatus(models.TextChoices):
    NOT_YET = "nog_te_archiveren", "Nog te archiveren"
    ARCHIVED = "gearchiveerd", "Gearchiveerd"
    ARCHIVED_TERM_UNKNOWN = "gearchiveerd_procestermijn_onbekend", "Gearchiveerd (termijn onbekend)"
    TRANSFERRED = "overgedragen", "Overgedragen"


class Case(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField("zaaknummer", max_length=40, unique=True)
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="cases")
    initiator = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="cases", null=True, blank=True
    )
    form_data = models.JSONField("gegevens uit het formulier", default=dict, blank=True)
    # Empty only for a zaak of a zaaktype without statustypen (Zaken API).
    status = models.ForeignKey(
        StatusType, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    responsible_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    confidentiality = models.CharField(max_length=32, choices=Confidentiality.choices)
    registered_on = models.DateField("registratiedatum")
    deadline = models.DateField("uiterlijke einddatum afdoening")
    closed_on = models.DateField("einddatum", null=True, blank=True)
    # Where the case is about (zaakgeometrie): GeoJSON in WGS84, with the point used for
    # lookups and the neighbourhood (CBS codes) it falls in. Cases without a place leave them empty.
    geometry = models.JSONField("zaakgeometrie", null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    neighbourhood_code = models.CharField("buurtcode", max_length=10, blank=True, db_index=True)
    district_code = models.CharField("wijkcode", max_length=8, blank=True, db_index=True)
    # Zaak data that lists filter on (the rest of the ZGW-only fields live in zgw.ZaakExtensie).
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="hoofdzaak",
    )
    planned_end = models.DateField("einddatum gepland", null=True, blank=True)
    archive_nomination = models.CharField(
        "archiefnominatie", max_length=16, choices=ArchiveNomination.choices, blank=True
    )
    archive_status = models.CharField(
        "archiefstatus",
        max_length=40,
        choices=ArchiveStatus.choices,
        default=ArchiveStatus.NOT_YET,
    )
    archive_action_date = models.DateField("archiefactiedatum", null=True, blank=True)
    # Suspension (opschorting) and extension (verlenging) of the decision term: the legal
    # clock stops while suspended_on is set and moves the deadline when it restarts.
    suspended_on = models.DateField("opgeschort sinds", null=True, blank=True)
    suspension_reason = models.CharField("reden opschorting", max_length=200, blank=True)
    was_suspended = models.BooleanField("eerder opgeschort", default=False)
    extension_reason = models.CharField("reden verlenging", max_length=200, blank=True)
    extension_term = models.CharField("duur verlenging", max_length=40, blank=True)
    # The address a request is about, from its form (postcode as 1234AB), for search.
    postcode = models.CharField("postcode", max_length=6, blank=True)
    house_number = models.CharField("huisnummer", max_length=12, blank=True)
    # The behandelaar: a member of responsible_team, or nobody (the team's inbox).
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name="behandelaar",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        indexes = [
            models.Index(
                fields=["responsible_team", "closed_on", "deadline"], name="case_inbox_idx"
            ),
            models.Index(fields=["initiator", "-registered_on"], name="case_initiator_idx"),
            models.Index(fields=["latitude", "longitude"], name="case_point_idx"),
            models.Index(fields=["assignee", "closed_on", "deadline"], name="case_assignee_idx"),
            # A team's open cases in inbox order, so a page is read from the index in order.
            models.Index(
                fields=["responsible_team", "deadline", "id"],
                name="case_open_inbox_idx",
                condition=models.Q(closed_on__isnull=True),
            ),
            models.Index(fields=["postcode", "house_number"], name="case_address_idx"),
            # Free-text search (worklist.free_text_matches), on PostgreSQL only.
            trigram_index("identification", "case_number_trgm_idx"),
            trigram_index("form_data", "case_form_trgm_idx", cast=True),
        ]

    def __str__(self) -> str:
        return self.identification

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """The one rule for "te laat": open, and its deadline passed before today, or before
        the day it was suspended (a suspended clock stands still; an extension has already
        moved the deadline). cases.selectors.with_overdue is the same rule in SQL."""
        if self.closed_on is not None:
            return False
        reference = self.suspended_on or today or timezone.localdate()
        return self.deadline < reference


class CaseStatus(models.Model):
    """One step of a case's history."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    status = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    explanation = models.CharField("toelichting", max_length=1000, blank=True)

    class Meta:
        verbose_name = "status van een zaak"
        verbose_name_plural = "statusgeschiedenis"
        ordering = ["set_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} → {self.status}"


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField("notitie")
    visible_to_initiator = models.BooleanField("zichtbaar voor de aanvrager", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notitie"
        verbose_name_plural = "notities"
        ordering = ["created_at", "pk"]
        indexes = [trigram_index("text", "case_note_text_trgm_idx")]  # free-text search

    def __str__(self) -> str:
        return f"{self.case}: {self.text[:40]}"


class BetrokkeneType(models.TextChoices):
    PERSON = "natuurlijk_persoon", "Natuurlijk persoon"
    ORGANISATION = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    BRANCH = "vestiging", "Vestiging"
    UNIT = "organisatorische_eenheid", "Organisatorische eenheid"
    EMPLOYEE = "medewerker", "Medewerker"


class Role(models.Model):
    """Someone involved in a case (rol). The initiator's party is also Case.initiator."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="roles")
    role_type = models.ForeignKey(
        "catalog.RoleType", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    is_initiator = models.BooleanField(default=False)
    betrokkene_type = models.CharField(max_length=32, choices=BetrokkeneType.choices)
    betrokkene = models.CharField("betrokkene (URL)", max_length=1000, blank=True)
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="roles"
    )
    # The BSN of a natuurlijk persoon: encrypted, with a blind index for lookups.
    bsn_encrypted = models.TextField(blank=True, editable=False)
    bsn_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    identification = models.JSONField("betrokkene-identificatie", default=dict, blank=True)
    other_name = models.CharField("afwijkende naam", max_length=625, blank=True)
    explanation = models.CharField("roltoelichting", max_length=1000, blank=True)
    authorisation = models.CharField("indicatie machtiging", max_length=20, blank=True)
    contact = models.JSONField("contactpersoon", null=True, blank=True)
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.betrokkene_type}"


class Result(models.Model):
    """The outcome of a case (resultaat): one per case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="result")
    result_type = models.ForeignKey(
        "catalog.ResultType", on_delete=models.PROTECT, related_name="+"
    )
    explanation = models.CharField("toelichting", max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"

    def __str__(self) -> str:
        return f"{self.case}: {self.result_type_id}"


class CaseObject(models.Model):
    """Something a case is about (zaakobject): an address, a building, another object."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_objects")
    object_url = models.CharField("object (URL)", max_length=1000, blank=True)
    object_type = models.CharField(max_length=100)
    object_type_other = models.CharField(max_length=100, blank=True)
    object_type_other_definition = models.JSONField(null=True, blank=True)
    object_type_ref = models.CharField("zaakobjecttype (URL)", max_length=1000, blank=True)
    relation = models.CharField("relatieomschrijving", max_length=80, blank=True)
    identification = models.JSONField("objectidentificatie", null=True, blank=True)

    class Meta:
        verbose_name = "zaakobject"
        verbose_name_plural = "zaakobjecten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.object_type}"


class CaseProperty(models.Model):
    """A value of one of the case type's properties (zaakeigenschap)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="properties")
    property_type = models.ForeignKey(
        "catalog.PropertyType", on_delete=models.PROTECT, related_name="+"
    )
    value = models.TextField("waarde")

    class Meta:
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.value[:40]}"


class CaseContact(models.Model):
    """A contact with the customer about a case (klantcontact)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    identification = models.CharField("identificatie", max_length=14)
    occurred_at = models.DateTimeField("datum en tijd")
    channel = models.CharField("kanaal", max_length=20, blank=True)
    subject = models.CharField("onderwerp", max_length=200, blank=True)
    explanation = models.CharField("toelichting", max_length=1000, blank=True)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.identification}"


class CaseReference(models.Model):
    """A contact moment or request (verzoek) in another register that a case refers to."""

    class Kind(models.TextChoices):
        CONTACT_MOMENT = "contactmoment", "Contactmoment"
        REQUEST = "verzoek", "Verzoek"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    url = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "verwijzing van een zaak"
        verbose_name_plural = "verwijzingen van zaken"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.kind}"


# The conversation on a case (aanvulverzoeken, messages) lives in its own module.
from plus1.cases.breakthrough_models import Breakthrough  # noqa: E402, F401  (a model of this app)
from plus1.cases.conversation_models import CaseMessage, InformationRequest  # noqa: E402, F401
from plus1.cases.draft_models import RequestDraft  # noqa: E402, F401  (a model of this app)
from plus1.cases.tally_models import CaseTally  # noqa: E402, F401  (a model of this app)
