# SPDX-License-Identifier: EUPL-1.2
"""GDPR requests (articles 15-21) as cases: start, extend the term once, decide."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.cases.services import case_note_add, case_register, case_transition
from plus1.catalog.models import CaseType
from plus1.common.legal_clock import deadline
from plus1.identity.models import Party
from plus1.privacy import audit_actions
from plus1.privacy.models import GdprRequest, GdprRight, TrailAction
from plus1.privacy.selectors import RECTIFIABLE
from plus1.privacy.services.trail import personal_data_access

CASE_TYPE_OF_RIGHT = {
    GdprRight.ACCESS: "avg-inzage",
    GdprRight.RECTIFICATION: "avg-correctie",
    GdprRight.ERASURE: "avg-verwijdering",
    GdprRight.RESTRICTION: "avg-beperking",
    GdprRight.PORTABILITY: "avg-overdracht",
    GdprRight.OBJECTION: "avg-bezwaar",
}

EXTENDED_TERM = "P3M"  # one month plus at most two more (AVG art. 12 lid 3)


@transaction.atomic
def gdpr_request_start(
    *, actor: Actor, party: Party, right: str, form_data: dict[str, Any]
) -> GdprRequest:
    code = CASE_TYPE_OF_RIGHT.get(right)  # type: ignore[call-overload]
    case_type = CaseType.objects.filter(code=code or "", active=True).first()
    if case_type is None:
        raise ValidationError({"recht": ["Kies welk recht u wilt gebruiken."]})
    case = case_register(actor=actor, case_type=case_type, initiator=party, form_data=form_data)
    request = GdprRequest.objects.create(
        case=case,
        party=party,
        right=right,
        field=form_data.get("gegeven", ""),
        requested_value=form_data.get("nieuwe_waarde", ""),
    )
    audit_record(
        actor=actor, action=audit_actions.GDPR_REQUEST_STARTED, obj=request, after={"right": right}
    )
    return request


@transaction.atomic
def gdpr_request_extend(*, actor: Actor, request: GdprRequest, reason: str) -> GdprRequest:
    """Extend the term by two months, once; the reason is shown to the resident."""
    request = GdprRequest.objects.select_for_update().select_related("case").get(pk=request.pk)
    problems = []
    if request.extension_reason:
        problems.append("De termijn is al verlengd; dat kan maar één keer.")
    if request.decision:
        problems.append("Over dit verzoek is al besloten.")
    if not reason.strip():
        problems.append("Schrijf de reden van de verlenging op; de inwoner ziet die.")
    if problems:
        raise ValidationError(problems)
    case = Case.objects.select_for_update().get(pk=request.case_id)
    before = case.deadline
    case.deadline = deadline(case.registered_on, EXTENDED_TERM)
    case.save(update_fields=["deadline"])
    request.extension_reason = reason.strip()
    request.save(update_fields=["extension_reason"])
    audit_record(
        actor=actor,
        action=audit_actions.GDPR_REQUEST_EXTENDED,
        obj=case,
        before={"deadline": before.isoformat()},
        after={"deadline": case.deadline.isoformat(), "reason": request.extension_reason},
    )
    case_note_add(
        actor=actor,
        case=case,
        text=f"De termijn is verlengd tot {case.deadline:%d-%m-%Y}. "
        f"Reden: {request.extension_reason}",
        visible_to_initiator=True,
    )
    return request


@transaction.atomic
def gdpr_request_decide(
    *, actor: Actor, request: GdprRequest, granted: bool, text: str
) -> GdprRequest:
    """Record the decision, apply a granted rectification and tell the resident."""
    request = (
        GdprRequest.objects.select_for_update()
        .select_related("case__case_type", "party")
        .get(pk=request.pk)
    )
    if request.decision:
        raise ValidationError("Over dit verzoek is al besloten.")
    if not text.strip():
        raise ValidationError(
            "Schrijf een toelichting op het besluit; de inwoner krijgt die te zien."
        )
    case = request.case
    if granted and request.right == GdprRight.RECTIFICATION and request.field in RECTIFIABLE:
        _rectify(actor, request)
    request.decision = GdprRequest.Decision.GRANTED if granted else GdprRequest.Decision.REJECTED
    request.decision_text = text.strip()
    request.decided_at = timezone.now()
    request.save(update_fields=["decision", "decision_text", "decided_at"])
    audit_record(
        actor=actor, action=audit_actions.GDPR_REQUEST_DECIDED, obj=request,
        after={"decision": request.decision, "text": request.decision_text},
    )  # fmt: skip
    case_note_add(
        actor=actor, case=case, text=f"Besluit: {request.decision_text}", visible_to_initiator=True
    )
    statuses = {status.code: status for status in case.case_type.statuses.all()}
    if case.status is not None and case.status.code == "ontvangen":
        case = case_transition(actor=actor, case=case, target=statuses["in-behandeling"])
    case_transition(
        actor=actor, case=case, target=statuses["toegekend" if granted else "afgewezen"]
    )
    return request


def _rectify(actor: Actor, request: GdprRequest) -> None:
    party = Party.objects.select_for_update().get(pk=request.party_id)
    attribute = RECTIFIABLE[request.field]
    before = {attribute: getattr(party, attribute)}
    setattr(party, attribute, request.requested_value)
    party.save(update_fields=[attribute])
    audit_record(
        actor=actor, action=audit_actions.PARTY_RECTIFIED, obj=party, before=before,
        after={attribute: request.requested_value},
    )  # fmt: skip
    personal_data_access(
        actor=actor,
        subject=party,
        case=request.case,
        action=TrailAction.CHANGED,
        name=f"{request.field} verbeterd op uw verzoek",
    )
