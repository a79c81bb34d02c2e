# SPDX-License-Identifier: EUPL-1.2
"""Reads for the Notificaties API."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal


def kanalen() -> QuerySet[Kanaal]:
    return Kanaal.objects.order_by("naam")


def abonnementen() -> QuerySet[Abonnement]:
    return Abonnement.objects.prefetch_related(
        Prefetch("kanalen", AbonnementKanaal.objects.select_related("kanaal"))
    ).order_by("pk")
