# SPDX-License-Identifier: EUPL-1.2
"""Documents (enkelvoudige informatieobjecten) with their versions, locks, files, usage rights
and the links to the objects (zaken, besluiten) they belong to."""

from __future__ import annotations

import uuid

from django.db import models

from plus1.catalog.models import Confidentiality


class Document(models.Model):
    """One document; what it says and holds lives in its versions, `current` is the newest."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField("identificatie", max_length=40)
    source_organisation = models.CharField("bronorganisatie", max_length=9)
    document_type = models.ForeignKey(
        "catalog.DocumentType", on_delete=models.PROTECT, related_name="documents"
    )
    confidentiality = models.CharField(max_length=32, choices=Confidentiality.choices)
    lock = models.CharField("vergrendeling", max_length=100, blank=True)
    current = models.ForeignKey(
        "DocumentVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_organisation", "identification"],
                name="document_identification_unique",
            )
        ]

    def __str__(self) -> str:
        return self.identification


class DocumentVersion(models.Model):
    """A version: every change to a document writes a new one; old versions stay readable."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("versie")
    registered_at = models.DateTimeField("begin registratie")
    title = models.CharField("titel", max_length=200)
    data = models.JSONField(default=dict, blank=True, help_text="Overige ZGW-velden in camelCase.")
    content = models.FileField("inhoud", upload_to="documenten/%Y/%m/", blank=True, max_length=255)
    size = models.BigIntegerField("bestandsomvang", null=True, blank=True)

    class Meta:
        verbose_name = "documentversie"
        verbose_name_plural = "documentversies"
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"


class DocumentPart(models.Model):
    """One part (bestandsdeel) of a file uploaded in pieces; merged when the lock is released."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveIntegerField("volgnummer")
    size = models.BigIntegerField("omvang")
    content = models.FileField(upload_to="documenten/delen/", blank=True, max_length=255)

    class Meta:
        verbose_name = "bestandsdeel"
        verbose_name_plural = "bestandsdelen"
        ordering = ["version", "number"]

    def __str__(self) -> str:
        return f"{self.version_id}/{self.number}"


class UsageRight(models.Model):
    """A usage right (gebruiksrecht) on a document."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="usage_rights")
    starts_at = models.DateTimeField("startdatum")
    ends_at = models.DateTimeField("einddatum", null=True, blank=True)
    conditions = models.TextField("omschrijving voorwaarden")

    class Meta:
        verbose_name = "gebruiksrecht"
        verbose_name_plural = "gebruiksrechten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class Dispatch(models.Model):
    """A verzending: the document was received from (afzender) or sent to (geadresseerde) a
    betrokkene, at exactly one address or channel (ZGW Documenten API 1.4)."""

    class Relation(models.TextChoices):
        SENDER = "afzender", "afzender"
        ADDRESSEE = "geadresseerde", "geadresseerde"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="dispatches")
    betrokkene = models.URLField("betrokkene", max_length=200)
    relation = models.CharField("aard relatie", max_length=20, choices=Relation.choices)
    explanation = models.CharField("toelichting", max_length=200, blank=True)
    received_on = models.DateField("ontvangstdatum", null=True, blank=True)
    sent_on = models.DateField("verzenddatum", null=True, blank=True)
    contact_person = models.URLField("contactpersoon", max_length=1000)
    contact_person_name = models.CharField("contactpersoonnaam", max_length=40, blank=True)
    # the one address or channel, as the standard's field names and groups
    address = models.JSONField("adres", default=dict, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class ObjectType(models.TextChoices):
    ZAAK = "zaak", "Zaak"
    BESLUIT = "besluit", "Besluit"


class DocumentLink(models.Model):
    """A document linked to a zaak or besluit (objectinformatieobject).

    The Zaken API shows the same row as zaakinformatieobject, the Besluiten API as
    besluitinformatieobject (their own fields in `data`). The object is kept by UUID so that
    documents does not depend on the apps of the objects it is linked to.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="links")
    object_type = models.CharField(max_length=16, choices=ObjectType.choices)
    object_uuid = models.UUIDField()
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "documentkoppeling"
        verbose_name_plural = "documentkoppelingen"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "object_type", "object_uuid"], name="document_link_unique"
            )
        ]
        indexes = [
            models.Index(fields=["object_type", "object_uuid"], name="document_link_obj_idx")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.object_type} {self.object_uuid}"
