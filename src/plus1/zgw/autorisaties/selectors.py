# SPDX-License-Identifier: EUPL-1.2
"""Reads for the Autorisaties API."""

from __future__ import annotations

from django.db.models import QuerySet

from plus1.zgw.models import Applicatie


def applicaties() -> QuerySet[Applicatie]:
    return Applicatie.objects.prefetch_related("clients", "autorisaties").order_by("pk")
