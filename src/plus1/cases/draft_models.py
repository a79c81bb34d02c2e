# SPDX-License-Identifier: EUPL-1.2
"""A request a resident began in the portal and has not sent yet (imported by models.py)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from plus1.identity.models import Party


class RequestDraft(models.Model):
    """The answers so far of one online request (aanvraagformulier) of one resident for one
    case type: kept between the pages of a form and when the resident saves to go on later.
    Removed when the request is sent or the resident discards it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="request_drafts", verbose_name="aanvrager"
    )
    case_type_code = models.SlugField("zaaktype (code)", max_length=64)
    form_data = models.JSONField("antwoorden tot nu toe", default=dict, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="opgeslagen door",
    )
    created_at = models.DateTimeField("begonnen op", auto_now_add=True)
    updated_at = models.DateTimeField("laatst opgeslagen op", auto_now=True)

    class Meta:
        verbose_name = "concept-aanvraag"
        verbose_name_plural = "concept-aanvragen"
        constraints = [
            models.UniqueConstraint(
                fields=["party", "case_type_code"], name="one_request_draft_per_case_type"
            )
        ]

    def __str__(self) -> str:
        return f"Concept {self.case_type_code}"
