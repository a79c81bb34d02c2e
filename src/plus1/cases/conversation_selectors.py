# SPDX-License-Identifier: EUPL-1.2
"""Reads of the conversation on a case: the thread as staff or the initiator see it, and the
markers of the team inbox ("antwoord ontvangen", "nieuw bericht", "reactietermijn verlopen")."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case as Choose
from django.db.models import (
    DateTimeField,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from plus1.cases.models import Case, CaseMessage, CaseStatus, InformationRequest

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _last_staff_step() -> Greatest:
    """When staff last moved the case on: its latest status, or their latest message."""
    last_status = (
        CaseStatus.objects.filter(case=OuterRef("pk")).order_by("-set_at").values("set_at")[:1]
    )
    last_reply = (
        CaseMessage.objects.filter(case=OuterRef("pk"), author_kind=CaseMessage.AuthorKind.STAFF)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return Greatest(
        Coalesce(Subquery(last_status), Value(_EPOCH), output_field=DateTimeField()),
        Coalesce(Subquery(last_reply), Value(_EPOCH), output_field=DateTimeField()),
    )


def with_conversation_markers(
    cases: QuerySet[Case], today: dt.date | None = None
) -> QuerySet[Case]:
    """Annotate `reply_received` (an aanvulverzoek was answered since staff last moved the
    case on), `message_received` (the initiator wrote since then), `reply_overdue` (an open
    request's reply date has passed) and `needs_attention` (1 for either of the first two),
    so an inbox can put those cases at the top."""
    today = today or timezone.localdate()
    cases = cases.annotate(last_staff_step=_last_staff_step())
    answered = InformationRequest.objects.filter(
        case=OuterRef("pk"),
        state=InformationRequest.State.ANSWERED,
        answered_at__gt=OuterRef("last_staff_step"),
    )
    written = CaseMessage.objects.filter(
        case=OuterRef("pk"),
        author_kind=CaseMessage.AuthorKind.INITIATOR,
        created_at__gt=OuterRef("last_staff_step"),
    )
    overdue = InformationRequest.objects.filter(
        case=OuterRef("pk"), state=InformationRequest.State.OPEN, reply_due__lt=today
    )
    return cases.annotate(
        reply_received=Exists(answered),
        message_received=Exists(written),
        reply_overdue=Exists(overdue),
    ).annotate(
        needs_attention=Choose(
            When(Q(reply_received=True) | Q(message_received=True), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def with_open_request(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate `open_request_due`: the earliest reply date of an open aanvulverzoek, or None."""
    return cases.annotate(
        open_request_due=Min(
            "information_requests__reply_due",
            filter=Q(information_requests__state=InformationRequest.State.OPEN),
        )
    )


@dataclass
class Conversation:
    """What a case page shows: the open requests first, then the thread in time order."""

    requests: list[InformationRequest] = field(default_factory=list)
    open_requests: list[InformationRequest] = field(default_factory=list)
    thread: list[tuple[str, dt.datetime, Any]] = field(default_factory=list)
    overdue: list[InformationRequest] = field(default_factory=list)


def conversation_of(case: Case, *, for_initiator: bool) -> Conversation:
    """The thread of a case. The initiator never sees internal messages."""
    requests = list(
        InformationRequest.objects.filter(case=case)
        .select_related("requested_by")
        .order_by("requested_at", "pk")
    )
    messages = CaseMessage.objects.filter(case=case).select_related("author_user", "author_party")
    if for_initiator:
        messages = messages.filter(internal=False)
    thread: list[tuple[str, dt.datetime, Any]] = [("request", r.requested_at, r) for r in requests]
    thread += [("message", m.created_at, m) for m in messages]
    thread.sort(key=lambda item: item[1])
    today = timezone.localdate()
    return Conversation(
        requests=requests,
        open_requests=[r for r in requests if r.is_open],
        thread=thread,
        overdue=[r for r in requests if r.is_overdue(today)],
    )


def request_of(case: Case, request_uuid: uuid.UUID) -> InformationRequest | None:
    return (
        InformationRequest.objects.select_related("case", "case__case_type")
        .filter(case=case, uuid=request_uuid)
        .first()
    )
