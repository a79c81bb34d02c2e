# SPDX-License-Identifier: EUPL-1.2
"""Reads of Woo publications: the public list (published only, searchable), the staff
drafts of the staff member's teams, and the names the detector looks for."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet

from plus1.cases.models import Case
from plus1.cases.selectors import cases_for_staff
from plus1.identity.models import Party
from plus1.opendata.models import WooPublication, WooRedaction
from plus1.opendata.woo_detection import name_candidates

# Only what the public may see: never the text, the redactions or the case.
PUBLIC_FIELDS = ("uuid", "title", "category", "document_date", "published_at", "redacted_text")


@dataclass(frozen=True)
class PublicSearch:
    query: str = ""
    category: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def published(search: PublicSearch | None = None) -> QuerySet[WooPublication]:
    """Published publications, newest first; searched in the title and the redacted text."""
    rows = WooPublication.objects.filter(state=WooPublication.State.PUBLISHED).only(*PUBLIC_FIELDS)
    search = search or PublicSearch()
    for word in search.query.split():
        rows = rows.filter(Q(title__icontains=word) | Q(redacted_text__icontains=word))
    if search.category:
        rows = rows.filter(category=search.category)
    if search.date_from:
        rows = rows.filter(document_date__gte=search.date_from)
    if search.date_to:
        rows = rows.filter(document_date__lte=search.date_to)
    return rows.order_by("-document_date", "-published_at", "-pk")


def published_one(publication_uuid: uuid.UUID | str) -> WooPublication | None:
    return published().filter(uuid=publication_uuid).first()


def publications_for_staff(user: User | AnonymousUser) -> QuerySet[WooPublication]:
    """Drafts and publications of the cases of the staff member's teams, drafts first."""
    return (
        WooPublication.objects.filter(case__in=cases_for_staff(user).values("pk"))
        .select_related("case", "case__case_type")
        .annotate(
            open_count=Count("redactions", filter=Q(redactions__state=WooRedaction.State.PROPOSED))
        )
        .defer("redacted_pdf", "text", "redacted_text")
        .order_by("state", "-created_at", "-pk")
    )


def publication_for_staff(
    user: User | AnonymousUser, publication_uuid: uuid.UUID | str
) -> WooPublication | None:
    return (
        WooPublication.objects.filter(
            uuid=publication_uuid, case__in=cases_for_staff(user).values("pk")
        )
        .select_related("case", "case__case_type", "case__initiator")
        .prefetch_related("redactions")
        .first()
    )


def known_names(case: Case, text: str) -> list[str]:
    """The names of the case's parties, and of the residents the text names in full."""
    names = {case.initiator.name} if case.initiator else set()
    for role in case.roles.select_related("party").order_by("pk"):
        names |= {n for n in (role.party.name if role.party else "", role.other_name) if n}
    candidates = name_candidates(text)
    if candidates:
        names |= set(
            Party.objects.filter(kind=Party.Kind.RESIDENT, name__in=candidates)
            .order_by("name")
            .values_list("name", flat=True)
        )
    return sorted(names)
