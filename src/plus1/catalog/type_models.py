# SPDX-License-Identifier: EUPL-1.2
"""The other types of the catalogue (ZGW Catalogi): document, decision, role, result and
property types, the document types of a case type and its case object types.

Imported by plus1.catalog.models, so Django sees them as models of this app. A catalogue
(ZGW catalogus) lives in the ZGW layer; catalog only keeps its UUID (no import upwards).
"""

from __future__ import annotations

import uuid

from django.db import models

from plus1.catalog.models import Confidentiality


class Validity(models.Model):
    """A UUID and the four ZGW validity dates every type shares."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    valid_from = models.DateField("begin geldigheid", null=True, blank=True)
    valid_to = models.DateField("einde geldigheid", null=True, blank=True)
    object_from = models.DateField("begin object", null=True, blank=True)
    object_to = models.DateField("einde object", null=True, blank=True)

    class Meta:
        abstract = True


class CatalogueItem(Validity):
    """A type that belongs directly to a catalogue and is published on its own."""

    catalogue = models.UUIDField("catalogus", null=True, blank=True, db_index=True)
    concept = models.BooleanField("concept", default=True)

    class Meta:
        abstract = True


class DocumentType(CatalogueItem):
    """A kind of document (informatieobjecttype)."""

    description = models.CharField("omschrijving", max_length=80)
    generic_description = models.JSONField("omschrijving generiek", null=True, blank=True)
    confidentiality = models.CharField(
        "vertrouwelijkheid", max_length=32, choices=Confidentiality.choices
    )
    category = models.CharField("categorie", max_length=80)
    keywords = models.JSONField("trefwoorden", default=list, blank=True)

    class Meta:
        verbose_name = "documenttype"
        verbose_name_plural = "documenttypen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class DecisionType(CatalogueItem):
    """A kind of decision (besluittype)."""

    description = models.CharField("omschrijving", max_length=80, blank=True)
    generic_description = models.CharField("omschrijving generiek", max_length=80, blank=True)
    category = models.CharField("besluitcategorie", max_length=40, blank=True)
    reaction_term = models.CharField("reactietermijn", max_length=32, blank=True)
    publish = models.BooleanField("publicatie-indicatie", default=False)
    publication_text = models.TextField("publicatietekst", blank=True)
    publication_term = models.CharField("publicatietermijn", max_length=32, blank=True)
    explanation = models.TextField("toelichting", blank=True)
    document_types = models.ManyToManyField(
        DocumentType, blank=True, related_name="decision_types", verbose_name="documenttypen"
    )

    class Meta:
        verbose_name = "besluittype"
        verbose_name_plural = "besluittypen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description or str(self.uuid)


class Direction(models.TextChoices):
    INKOMEND = "inkomend", "Inkomend"
    INTERN = "intern", "Intern"
    UITGAAND = "uitgaand", "Uitgaand"


class CaseTypeDocumentType(models.Model):
    """A document type used in a case type (zaaktype-informatieobjecttype)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="document_type_links",
        verbose_name="zaaktype",
    )
    document_type = models.ForeignKey(
        DocumentType, on_delete=models.CASCADE, related_name="case_type_links"
    )
    order = models.PositiveIntegerField("volgnummer")
    direction = models.CharField("richting", max_length=16, choices=Direction.choices)
    status_type = models.ForeignKey(
        "catalog.StatusType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="statustype",
    )

    class Meta:
        verbose_name = "documenttype van een zaaktype"
        verbose_name_plural = "documenttypen van zaaktypen"
        ordering = ["case_type", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_type", "order", "direction"], name="case_type_document_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_type_id}: {self.document_type_id}"


class RoleKind(models.TextChoices):
    """The generic role description (omschrijving generiek) of ZGW."""

    ADVISEUR = "adviseur", "Adviseur"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    BELANGHEBBENDE = "belanghebbende", "Belanghebbende"
    BESLISSER = "beslisser", "Beslisser"
    INITIATOR = "initiator", "Initiator"
    KLANTCONTACTER = "klantcontacter", "Klantcontacter"
    ZAAKCOORDINATOR = "zaakcoordinator", "Zaakcoördinator"
    MEDE_INITIATOR = "mede_initiator", "Mede-initiator"


class RoleType(Validity):
    """A role someone can have in a case of this type (roltype)."""

    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="role_types",
        verbose_name="zaaktype",
    )
    description = models.CharField("omschrijving", max_length=100)
    kind = models.CharField("omschrijving generiek", max_length=20, choices=RoleKind.choices)

    class Meta:
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class ResultType(Validity):
    """A possible result of a case of this type (resultaattype), with its archiving rules."""

    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="result_types",
        verbose_name="zaaktype",
    )
    description = models.CharField("omschrijving", max_length=30)
    result_type_url = models.URLField("resultaattypeomschrijving", max_length=1000)
    generic_description = models.CharField("omschrijving generiek", max_length=20, blank=True)
    selection_list_class = models.URLField("selectielijstklasse", max_length=1000)
    explanation = models.TextField("toelichting", blank=True)
    archive_nomination = models.CharField("archiefnominatie", max_length=20, blank=True)
    archive_action_term = models.CharField("archiefactietermijn", max_length=32, blank=True)
    source_date = models.JSONField("brondatum archiefprocedure", null=True, blank=True)
    process_object_nature = models.CharField("procesobjectaard", max_length=200, blank=True)
    specific = models.BooleanField("indicatie specifiek", null=True, blank=True)
    process_term = models.CharField("procestermijn", max_length=32, blank=True)
    decision_types = models.ManyToManyField(
        DecisionType, blank=True, related_name="result_types", verbose_name="besluittypen"
    )
    document_types = models.ManyToManyField(
        DocumentType, blank=True, related_name="result_types", verbose_name="documenttypen"
    )

    class Meta:
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class PropertyType(Validity):
    """A property recorded for cases of this type (eigenschap)."""

    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="property_types",
        verbose_name="zaaktype",
    )
    name = models.CharField("naam", max_length=20)
    definition = models.CharField("definitie", max_length=255)
    specification = models.JSONField("specificatie", default=dict, blank=True)
    explanation = models.CharField("toelichting", max_length=1000, blank=True)
    status_type = models.ForeignKey(
        "catalog.StatusType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="property_types",
        verbose_name="statustype",
    )

    class Meta:
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class CaseObjectType(Validity):
    """A kind of object a case of this type can be about (zaakobjecttype)."""

    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="object_types",
        verbose_name="zaaktype",
    )
    other_object_type = models.BooleanField("ander objecttype", default=False)
    object_type = models.URLField("objecttype", max_length=200)
    relation_description = models.CharField("relatieomschrijving", max_length=80)

    class Meta:
        verbose_name = "zaakobjecttype"
        verbose_name_plural = "zaakobjecttypen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.relation_description
