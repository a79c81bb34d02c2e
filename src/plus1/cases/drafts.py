# SPDX-License-Identifier: EUPL-1.2
"""Requests not sent yet: the answers of a form with several pages, and a draft a resident
saves to come back to (logged in). Services write with an audit entry that names the fields,
never their values; the selector reads the resident's own draft."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, Change, audit_record, audit_record_many
from plus1.cases import audit_actions
from plus1.cases.draft_models import RequestDraft
from plus1.catalog.models import CaseType, Product
from plus1.identity.models import Party


def request_draft_of(party: Party, case_type: CaseType) -> RequestDraft | None:
    return RequestDraft.objects.filter(party=party, case_type_code=case_type.code).first()


@transaction.atomic(durable=True)
def request_draft_save(
    *, actor: Actor, party: Party, case_type: CaseType, answers: dict[str, Any], fields: list[str]
) -> RequestDraft:
    """Store the answers to `fields` (one page of the form): a field left empty is removed,
    the answers to the other pages stay as they were."""
    draft, _ = RequestDraft.objects.select_for_update().get_or_create(
        party=party, case_type_code=case_type.code
    )
    before = sorted(draft.form_data)
    data = {name: value for name, value in draft.form_data.items() if name not in fields}
    data.update({name: answers[name] for name in fields if name in answers})
    draft.form_data = data
    draft.saved_by_id = actor.user_id
    draft.save()
    audit_record(
        actor=actor,
        action=audit_actions.REQUEST_DRAFT_SAVED,
        obj=draft,
        before={"fields": before},
        after={"case_type": case_type.code, "fields": sorted(data)},
    )
    return draft


@transaction.atomic(durable=True)
def request_draft_discard(*, actor: Actor, party: Party, case_type: CaseType) -> bool:
    """Remove the draft (after sending, or when the resident starts over). False if none."""
    draft = (
        RequestDraft.objects.select_for_update()
        .filter(party=party, case_type_code=case_type.code)
        .first()
    )
    if draft is None:
        return False
    audit_record(
        actor=actor,
        action=audit_actions.REQUEST_DRAFT_DISCARDED,
        obj=draft,
        before={"case_type": case_type.code, "fields": sorted(draft.form_data)},
    )
    draft.delete()
    return True


def request_drafts_with_products(party: Party) -> list[RequestDraft]:
    """The resident's unsent requests, newest first, each with `.product`: the published
    product to go on with (drafts whose product is gone are left out)."""
    drafts = list(RequestDraft.objects.filter(party=party).order_by("-updated_at"))
    products = {
        product.case_type.code: product
        for product in Product.objects.filter(
            published=True, case_type__code__in=[draft.case_type_code for draft in drafts]
        ).select_related("case_type")
        if product.case_type
    }
    found = []
    for draft in drafts:
        if draft.case_type_code in products:
            draft.product = products[draft.case_type_code]  # type: ignore[attr-defined]
            found.append(draft)
    return found


DRAFT_DAYS = 30  # an unsent request is kept this long after it was last saved


@transaction.atomic(durable=True)
def request_drafts_sweep(*, actor: Actor, now: dt.datetime | None = None) -> int:
    """Remove drafts not saved for DRAFT_DAYS (data minimisation); each with an audit entry."""
    limit = (now or timezone.now()) - dt.timedelta(days=DRAFT_DAYS)
    stale = list(RequestDraft.objects.select_for_update().filter(updated_at__lt=limit))
    if stale:
        audit_record_many(
            actor=actor,
            action=audit_actions.REQUEST_DRAFT_DISCARDED,
            changes=[
                Change(d, {"case_type": d.case_type_code, "fields": sorted(d.form_data)}, None)
                for d in stale
            ],
        )
        RequestDraft.objects.filter(pk__in=[d.pk for d in stale]).delete()
    return len(stale)
