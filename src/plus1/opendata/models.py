# SPDX-License-Identifier: EUPL-1.2
"""Woo publications: a draft made from a besluit or a definitive document, its proposed and
confirmed redactions, and once published the redacted PDF. The original file is never
copied here and never served; the text is kept so staff can review what will be hidden."""

from __future__ import annotations

import uuid

from django.db import models

from plus1.catalog.woo_categories import WooCategory, category_name
from plus1.opendata.woo_grounds import DataKind, WooGround


class WooPublication(models.Model):
    class State(models.TextChoices):
        DRAFT = "concept", "Concept"
        PUBLISHED = "gepubliceerd", "Gepubliceerd"

    class Source(models.TextChoices):
        DECISION = "besluit", "Besluit"
        DOCUMENT = "document", "Document"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    source = models.CharField("bron", max_length=16, choices=Source.choices)
    # The source object by uuid (a besluit or a document), like documents.DocumentLink.
    source_uuid = models.UUIDField("bron (uuid)")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="woo_publications"
    )
    title = models.CharField("onderwerp", max_length=300)
    text = models.TextField("tekst")
    category = models.CharField("informatiecategorie", max_length=16, choices=WooCategory.choices)
    document_date = models.DateField("datum document")
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    redacted_text = models.TextField("gelakte tekst", blank=True)
    redacted_pdf = models.BinaryField("gelakte PDF", blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Woo-publicatie"
        verbose_name_plural = "Woo-publicaties"
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_uuid"], name="woo_one_per_source")
        ]
        indexes = [models.Index(fields=["state", "-published_at"], name="woo_published_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def category_label(self) -> str:
        return category_name(self.category)


class WooRedaction(models.Model):
    """A span of the publication's text [start, end) to hide, with its Woo ground."""

    class State(models.TextChoices):
        PROPOSED = "voorgesteld", "Voorgesteld"
        CONFIRMED = "bevestigd", "Bevestigd"
        REJECTED = "afgewezen", "Afgewezen"

    publication = models.ForeignKey(
        WooPublication, on_delete=models.CASCADE, related_name="redactions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField("soort", max_length=16, choices=DataKind.choices)
    ground = models.CharField("Woo-grond", max_length=8, choices=WooGround.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PROPOSED)
    added_by_staff = models.BooleanField("door een medewerker toegevoegd", default=False)

    class Meta:
        verbose_name = "lakking"
        verbose_name_plural = "lakkingen"
        ordering = ["start", "end", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="woo_span"),
            models.UniqueConstraint(
                fields=["publication", "start", "end"], name="woo_redaction_span_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.start}-{self.end}"
