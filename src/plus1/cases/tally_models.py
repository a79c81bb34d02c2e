# SPDX-License-Identifier: EUPL-1.2
"""The number of cases per case type and confidentiality, kept by database triggers
(cases.tally_sql) on every insert, delete and change of cases_case, so a list's count is
a sum over a few rows instead of a scan of every case (decision 33)."""

from __future__ import annotations

from django.db import models

from plus1.catalog.models import CaseType


class CaseTally(models.Model):
    """Written only by the triggers. On PostgreSQL each connection adds to its own shard
    (its backend pid modulo 16), so concurrent creates of one case type do not wait on
    one row until they commit; a count is the sum over the shards."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="+")
    confidentiality = models.CharField(max_length=32)
    shard = models.SmallIntegerField(default=0)
    n = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "aantal zaken"
        verbose_name_plural = "aantallen zaken"
        constraints = [
            models.UniqueConstraint(
                fields=["case_type", "confidentiality", "shard"], name="case_tally_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_type_id}/{self.confidentiality}: {self.n}"
