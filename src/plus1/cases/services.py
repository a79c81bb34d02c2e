# SPDX-License-Identifier: EUPL-1.2
"""Every write to a case: registering, moving it through its workflow, adding notes."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import events
from plus1.cases.models import Case, CaseNote, CaseStatus
from plus1.catalog import forms_schema
from plus1.catalog.models import CaseType, StatusType, Transition
from plus1.common.identifiers import next_identification
from plus1.common.legal_clock import deadline
from plus1.events.services import outbox_put
from plus1.identity.models import Party, Team


class CaseLocation(TypedDict):
    """Where a case is about: a WGS84 point and the buurt and wijk (CBS codes) it lies in."""

    latitude: float
    longitude: float
    neighbourhood_code: str
    district_code: str


class TransitionRefused(ValidationError):
    """The case type's workflow does not allow this move."""


@transaction.atomic
def case_register(
    *,
    actor: Actor,
    case_type: CaseType,
    initiator: Party | None,
    form_data: dict[str, Any],
    validate_form: bool = True,
    record_first_status: bool = True,
    identification: str = "",
    registered_on: dt.date | None = None,
    deadline_on: dt.date | None = None,
    confidentiality: str = "",
    geometry: dict[str, Any] | None = None,
    responsible_team: Team | None = None,
    location: CaseLocation | None = None,
) -> Case:
    """Validate the request against the case type's form and register it as a case.

    responsible_team overrides the case type's team (routing); location records the point
    with its buurt and wijk (and is the zaakgeometrie unless geometry is given).

    The keyword arguments after form_data serve systems that register cases through the
    ZGW Zaken API: no form to validate, no first status until they set one, and their own
    identification, dates, confidentiality and zaakgeometrie.
    """
    problems = forms_schema.validate(case_type.form_schema, form_data) if validate_form else {}
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    registered_on = registered_on or today
    initial = case_type.statuses.get(is_initial=True)
    case = Case.objects.create(
        identification=identification or next_identification("ZAAK", today.year),
        case_type=case_type,
        initiator=initiator,
        form_data=form_data,
        status=initial,
        responsible_team=responsible_team or case_type.responsible_team,
        confidentiality=confidentiality or case_type.confidentiality,
        registered_on=registered_on,
        deadline=deadline_on or deadline(registered_on, case_type.legal_term),
        **_location_fields(location, geometry),
    )
    if record_first_status:
        CaseStatus.objects.create(
            case=case, status=initial, set_at=timezone.now(), set_by_id=actor.user_id
        )
    audit_record(actor=actor, action=events.CASE_REGISTERED, obj=case, after=_snapshot(case))
    outbox_put(topic=events.CASE_REGISTERED, payload={"case": str(case.uuid)})
    return case


@transaction.atomic
def case_transition(
    *,
    actor: Actor,
    case: Case,
    target: StatusType,
    explanation: str = "",
    enforce_workflow: bool = True,
    set_at: dt.datetime | None = None,
) -> Case:
    """Move a case to another status, if and only if its workflow table allows it.

    enforce_workflow=False is for the ZGW Zaken API, whose clients may set any status of
    the case type (the standard knows no transition table); audit and outbox stay the same.
    """
    case = Case.objects.select_for_update().select_related("status").get(pk=case.pk)
    allowed = (
        not enforce_workflow
        or Transition.objects.filter(source=case.status, target=target).exists()
    )
    if not allowed:
        raise TransitionRefused(
            f"De status kan niet van ‘{case.status.name}’ naar ‘{target.name}’ gaan. "
            "Kies een van de toegestane vervolgstappen."
        )
    before = _snapshot(case)
    case.status = target
    case.closed_on = timezone.localdate() if target.is_final else None
    case.save(update_fields=["status", "closed_on"])
    CaseStatus.objects.create(
        case=case,
        status=target,
        set_at=set_at or timezone.now(),
        set_by_id=actor.user_id,
        explanation=explanation,
    )
    audit_record(
        actor=actor,
        action=events.CASE_STATUS_CHANGED,
        obj=case,
        before=before,
        after=_snapshot(case),
    )
    outbox_put(
        topic=events.CASE_STATUS_CHANGED,
        payload={"case": str(case.uuid), "status": target.code},
    )
    return case


CASE_UPDATABLE_FIELDS = frozenset({"geometry", "deadline", "confidentiality"})


@transaction.atomic
def case_update(*, actor: Actor, case: Case, changes: dict[str, Any]) -> Case:
    """Change a case's own data (not its status): zaakgeometrie, deadline, confidentiality."""
    unknown = set(changes) - CASE_UPDATABLE_FIELDS
    if unknown:
        raise ValidationError(f"Deze gegevens zijn niet te wijzigen: {sorted(unknown)}.")
    case = Case.objects.select_for_update().select_related("status").get(pk=case.pk)
    before = _data_snapshot(case)
    for name, value in changes.items():
        setattr(case, name, value)
    if changes:
        case.save(update_fields=sorted(changes))
    after = _data_snapshot(case)
    audit_record(actor=actor, action=events.CASE_UPDATED, obj=case, before=before, after=after)
    outbox_put(topic=events.CASE_UPDATED, payload={"case": str(case.uuid)})
    return case


@transaction.atomic
def case_note_add(*, actor: Actor, case: Case, text: str, visible_to_initiator: bool) -> CaseNote:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Schrijf een notitie."})
    note = CaseNote.objects.create(
        case=case, author_id=actor.user_id, text=text, visible_to_initiator=visible_to_initiator
    )
    audit_record(
        actor=actor,
        action=events.CASE_NOTE_ADDED,
        obj=case,
        after={"note": note.pk, "text": text, "visible_to_initiator": visible_to_initiator},
    )
    return note


def _location_fields(
    location: CaseLocation | None, geometry: dict[str, Any] | None
) -> dict[str, Any]:
    if location is None:
        return {"geometry": geometry}
    point = {"type": "Point", "coordinates": [location["longitude"], location["latitude"]]}
    return {
        "geometry": geometry or point,
        "latitude": location["latitude"],
        "longitude": location["longitude"],
        "neighbourhood_code": location["neighbourhood_code"],
        "district_code": location["district_code"],
    }


def _snapshot(case: Case) -> dict[str, Any]:
    return {
        "identification": case.identification,
        "case_type": case.case_type.code,
        "status": case.status.code,
        "responsible_team": case.responsible_team.slug,
        "deadline": case.deadline.isoformat(),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
    }


def _data_snapshot(case: Case) -> dict[str, Any]:
    return {**_snapshot(case), "geometry": case.geometry, "confidentiality": case.confidentiality}
