# SPDX-License-Identifier: EUPL-1.2
"""Reads for the Notificaties API."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal


def kanalen() -> QuerySet[Kanaal]:
    return Kanaal.objects.order_by("naam")


def abonnementen_of(client_id: str) -> QuerySet[Abonnement]:
    """The abonnementen a client made itself: no client sees or changes another's."""
    return (
        Abonnement.objects.filter(client_id=client_id)
        .exclude(client_id="")
        .prefetch_related(Prefetch("kanalen", AbonnementKanaal.objects.select_related("kanaal")))
        .order_by("pk")
    )
