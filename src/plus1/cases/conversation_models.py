# SPDX-License-Identifier: EUPL-1.2
"""The conversation on a case: requests for more information (aanvulverzoeken, Awb 4:5) and
messages between the resident and staff. Imported by cases.models so Django finds them."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models

from plus1.identity.models import Party


class InformationRequest(models.Model):
    """Staff ask the initiator for what is missing (aanvulverzoek). While it is open the legal
    term of the case is suspended (Awb 4:15); answering or withdrawing it restarts the term."""

    class State(models.TextChoices):
        OPEN = "open", "Wacht op antwoord"
        ANSWERED = "beantwoord", "Antwoord ontvangen"
        WITHDRAWN = "ingetrokken", "Ingetrokken"
        SET_ASIDE = "buiten_behandeling", "Buiten behandeling gesteld"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="information_requests",
        verbose_name="zaak",
    )
    question = models.TextField("wat ontbreekt")
    reply_due = models.DateField("reageren vóór")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gevraagd door",
    )
    requested_at = models.DateTimeField("gevraagd op")
    state = models.CharField("stand", max_length=20, choices=State.choices, default=State.OPEN)
    answered_at = models.DateTimeField("beantwoord op", null=True, blank=True)
    answer_text = models.TextField("antwoord", blank=True)
    # UUIDs of the documents (documents.Document) sent with the answer: cases may not
    # import documents, and these are the same rows the Documenten API returns.
    answer_documents = models.JSONField("meegestuurde documenten", default=list, blank=True)
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True)
    closed_reason = models.CharField("reden", max_length=1000, blank=True)
    # The legal clock around this request, as it was: shown in the history.
    deadline_before = models.DateField("uiterlijke einddatum vóór het verzoek")
    deadline_after = models.DateField("uiterlijke einddatum na het verzoek", null=True, blank=True)
    reminded_at = models.DateTimeField("herinnering gestuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "aanvulverzoek"
        verbose_name_plural = "aanvulverzoeken"
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["case", "state"], name="info_request_case_state_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.question[:40]}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Open and the reply deadline has passed (the Awb 4:5 route is open to staff)."""
        from django.utils import timezone

        return self.is_open and self.reply_due < (today or timezone.localdate())


class CaseMessage(models.Model):
    """A message in a case's thread: from the initiator ("Vraag over deze zaak") or from staff.
    Internal messages are notes between staff and never shown to the initiator."""

    class AuthorKind(models.TextChoices):
        INITIATOR = "initiator", "Aanvrager"
        STAFF = "staff", "Medewerker"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="messages", verbose_name="zaak"
    )
    author_kind = models.CharField("afzender", max_length=12, choices=AuthorKind.choices)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="medewerker",
    )
    author_party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inwoner of bedrijf",
    )
    text = models.TextField("bericht")
    internal = models.BooleanField("intern (niet zichtbaar voor de aanvrager)", default=False)
    created_at = models.DateTimeField("verstuurd op")

    class Meta:
        verbose_name = "bericht bij een zaak"
        verbose_name_plural = "berichten bij zaken"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="case_message_case_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.text[:40]}"
