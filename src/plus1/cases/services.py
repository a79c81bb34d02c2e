# SPDX-License-Identifier: EUPL-1.2
"""Every write to a case: registering, moving it through its workflow, adding notes."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import archiving, audit_actions, events
from plus1.cases.models import BetrokkeneType, Case, CaseNote, CaseStatus, Role
from plus1.cases.workflow import WORKFLOW_TABLE, TransitionPolicy
from plus1.catalog import forms_schema
from plus1.catalog.models import CaseType, StatusType
from plus1.catalog.type_models import RoleKind
from plus1.common import legal_clock
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


@transaction.atomic
def case_register(
    *,
    actor: Actor,
    case_type: CaseType,
    initiator: Party | None,
    form_data: dict[str, Any],
    deadline_on: dt.date | None = None,
    responsible_team: Team | None = None,
    location: CaseLocation | None = None,
    representative: Party | None = None,
    initiator_branch: str = "",
) -> Case:
    """Validate a request against the case type's form and register it as a case in the case
    type's first status (the portal, meldingen, GDPR requests).

    responsible_team overrides the case type's team (routing); location records the point
    with its buurt and wijk (and is the zaakgeometrie); deadline_on overrides the legal term.
    representative is who submitted it on the initiator's behalf (DigiD Machtigen,
    eHerkenning ketenmachtiging): both get a role, marked machtiginggever and gemachtigde.
    initiator_branch is the vestigingsnummer of a business that logged in for one branch.
    """
    problems = forms_schema.validate(case_type.form_schema, form_data)
    if problems:
        raise ValidationError(problems)
    initial = case_type.statuses.filter(is_initial=True).first()
    if initial is None:
        raise ValidationError("Dit zaaktype heeft geen beginstatus.")
    case = _register(
        actor,
        case_type,
        initiator=initiator,
        form_data=form_data,
        status=initial,
        deadline_on=deadline_on,
        responsible_team=responsible_team,
        representative=representative,
        initiator_branch=initiator_branch,
        **_location_fields(location, None),
    )
    CaseStatus.objects.create(
        case=case, status=initial, set_at=timezone.now(), set_by_id=actor.user_id
    )
    return case


@transaction.atomic
def zaak_register(
    *,
    actor: Actor,
    case_type: CaseType,
    identification: str = "",
    registered_on: dt.date | None = None,
    deadline_on: dt.date | None = None,
    confidentiality: str = "",
    geometry: dict[str, Any] | None = None,
) -> Case:
    """Register a case for a system that speaks the ZGW Zaken API: it fills in no form and
    has no status until the system sets one, and may bring its own identification, dates,
    confidentiality and zaakgeometrie. Its initiator arrives later as a rol."""
    return _register(
        actor,
        case_type,
        initiator=None,
        form_data={},
        status=None,
        identification=identification,
        registered_on=registered_on,
        deadline_on=deadline_on,
        confidentiality=confidentiality,
        **_location_fields(None, geometry),
    )


def _register(
    actor: Actor,
    case_type: CaseType,
    *,
    initiator: Party | None,
    status: StatusType | None,
    identification: str = "",
    registered_on: dt.date | None = None,
    deadline_on: dt.date | None = None,
    confidentiality: str = "",
    responsible_team: Team | None = None,
    representative: Party | None = None,
    initiator_branch: str = "",
    **fields: Any,
) -> Case:
    """The case row, its initiator role, audit and outbox: what every registration writes."""
    today = timezone.localdate()
    registered_on = registered_on or today
    case = Case.objects.create(
        identification=identification or next_identification("ZAAK", today.year),
        case_type=case_type,
        initiator=initiator,
        status=status,
        responsible_team=responsible_team or case_type.responsible_team,
        confidentiality=confidentiality or case_type.confidentiality,
        registered_on=registered_on,
        deadline=deadline_on or deadline(registered_on, case_type.legal_term),
        **_address_fields(fields.get("form_data") or {}),
        **fields,
    )
    if initiator is not None:
        _initiator_role(case, initiator, initiator_branch, represented=representative is not None)
    if initiator is not None and representative is not None:
        _representative_role(case, representative)
    audit_record(actor=actor, action=audit_actions.CASE_REGISTERED, obj=case, after=_snapshot(case))
    outbox_put(topic=events.CASE_REGISTERED, payload=events.case_facts(case, actor))
    return case


def _address_fields(form_data: dict[str, Any]) -> dict[str, str]:
    """The postcode and house number a request names, normalised for search (1234AB, 12)."""
    postcode = str(form_data.get("postcode") or "").replace(" ", "").upper()[:6]
    number = str(form_data.get("huisnummer") or "").strip()[:12]
    return {"postcode": postcode, "house_number": number}


@transaction.atomic
def case_transition(
    *,
    actor: Actor,
    case: Case,
    target: StatusType,
    explanation: str = "",
    policy: TransitionPolicy = WORKFLOW_TABLE,
    set_at: dt.datetime | None = None,
    archive_source_date: dt.date | None = None,
) -> Case:
    """Move a case to another status, if the channel's policy allows it (plus1.cases.workflow:
    the workflow table by default; the ZGW Zaken API may set any status of the case type).

    A final status closes the case and derives the archiving (nominatie, actiedatum) from its
    result; archive_source_date is the brondatum when the caller derived it (besluiten).
    """
    case = Case.objects.select_for_update(of=("self",)).select_related("status").get(pk=case.pk)
    policy.check(case, target)
    before = _snapshot(case)
    reopened = case.closed_on is not None and not target.is_final
    case.status = target
    case.closed_on = timezone.localdate(set_at or timezone.now()) if target.is_final else None
    fields = ["status", "closed_on"]
    if reopened:  # a reopened case is no longer due for archiving (zrc-008)
        case.archive_nomination, case.archive_action_date = "", None
        fields += ["archive_nomination", "archive_action_date"]
    if target.is_final:
        fields += archiving.on_close(case, source_date=archive_source_date)
    case.save(update_fields=fields)
    row = CaseStatus.objects.create(
        case=case,
        status=target,
        set_at=set_at or timezone.now(),
        set_by_id=actor.user_id,
        explanation=explanation,
    )
    audit_record(
        actor=actor,
        action=audit_actions.CASE_STATUS_CHANGED,
        obj=case,
        before=before,
        after={**_snapshot(case), "status_name": target.name, "explanation": explanation},
    )
    outbox_put(
        topic=events.CASE_STATUS_CHANGED,
        payload={**events.case_facts(case, actor), **events.status_facts(row)},
    )
    return case


CASE_UPDATABLE_FIELDS = frozenset(
    {
        "geometry",
        "deadline",
        "confidentiality",
        "parent",
        "planned_end",
        "archive_nomination",
        "archive_status",
        "archive_action_date",
        "suspension",
        "extension",
    }
)


@transaction.atomic
def case_update(*, actor: Actor, case: Case, changes: dict[str, Any]) -> Case:
    """Change a case's own data (not its status): zaakgeometrie, deadline, confidentiality,
    hoofdzaak, archiving, and the legal clock: `suspension` ({"indicatie", "reden"}) stops
    it, lifting it adds the suspended days; a new `extension` ({"reden", "duur"}, an ISO
    term) moves the deadline by that term (unless the same change sets the deadline)."""
    unknown = set(changes) - CASE_UPDATABLE_FIELDS
    if unknown:
        raise ValidationError(f"Deze gegevens zijn niet te wijzigen: {sorted(unknown)}.")
    case = Case.objects.select_for_update(of=("self",)).select_related("status").get(pk=case.pk)
    before = _data_snapshot(case)
    changes = dict(changes)
    clock = _clock_changes(case, changes.pop("suspension", ...), changes.pop("extension", ...))
    if "deadline" in changes:
        clock.pop("deadline", None)
    changes.update(clock)
    if "geometry" in changes:
        changes.update(point_of(changes["geometry"]))
    _refuse_parent_cycles(case, changes.get("parent"))
    archiving.refuse_unready(case, changes)
    for name, value in changes.items():
        setattr(case, name, value)
    if changes:
        case.save(update_fields=sorted(changes))
    after = _data_snapshot(case)
    audit_record(
        actor=actor, action=audit_actions.CASE_UPDATED, obj=case, before=before, after=after
    )
    outbox_put(topic=events.CASE_UPDATED, payload=events.case_facts(case, actor))
    return case


def _initiator_role(case: Case, party: Party, branch: str = "", represented: bool = False) -> Role:
    """The initiator rol of a case registered for a party (the portal's "Mijn zaken")."""
    resident = party.kind == Party.Kind.RESIDENT
    return Role.objects.create(
        case=case,
        role_type=case.case_type.role_types.filter(kind=RoleKind.INITIATOR).first(),
        is_initiator=True,
        betrokkene_type=BetrokkeneType.PERSON if resident else BetrokkeneType.ORGANISATION,
        party=party,
        bsn_encrypted=party.bsn_encrypted,
        bsn_index=party.bsn_index or "",
        identification={"kvkNummer": party.kvk_number, "vestigingsNummer": branch}
        if branch
        else {},
        authorisation="machtiginggever" if represented else "",
    )


def _representative_role(case: Case, party: Party) -> Role:
    """The rol of who submitted the request on the initiator's behalf (indicatieMachtiging
    gemachtigde), so staff and the Zaken API see both."""
    resident = party.kind == Party.Kind.RESIDENT
    return Role.objects.create(
        case=case,
        role_type=case.case_type.role_types.filter(kind=RoleKind.BELANGHEBBENDE).first(),
        betrokkene_type=BetrokkeneType.PERSON if resident else BetrokkeneType.ORGANISATION,
        party=party,
        bsn_encrypted=party.bsn_encrypted,
        bsn_index=party.bsn_index or "",
        explanation=f"Gemachtigde: diende de aanvraag in namens {case.initiator}.",
        authorisation="gemachtigde",
    )


def _clock_changes(case: Case, suspension: Any, extension: Any) -> dict[str, Any]:
    """Field changes for a new opschorting/verlenging (`...` = not given)."""
    today, current = timezone.localdate(), case.deadline
    changes: dict[str, Any] = {}
    if suspension is not ...:
        suspended = bool(suspension and suspension.get("indicatie"))
        if suspended and case.suspended_on is None:
            changes["suspended_on"] = today
        elif not suspended and case.suspended_on is not None:
            current = legal_clock.resume(current, case.suspended_on, today)
            changes.update(suspended_on=None, was_suspended=True, deadline=current)
        changes["suspension_reason"] = (suspension or {}).get("reden", "")
        if (suspension or {}).get("eerdereOpschorting"):
            changes["was_suspended"] = True
    if extension is not ...:
        term = (extension or {}).get("duur", "")
        if term and not case.extension_term:
            changes["deadline"] = legal_clock.extend(current, term)
        changes.update(extension_term=term, extension_reason=(extension or {}).get("reden", ""))
    return changes


def _refuse_parent_cycles(case: Case, parent: Case | None) -> None:
    """A deelzaak has a hoofdzaak that is no deelzaak itself, and not the case itself."""
    if parent is None:
        return
    if parent.pk == case.pk:
        raise ValidationError(
            {
                "hoofdzaak": ValidationError(
                    "Een zaak kan niet zijn eigen hoofdzaak zijn.", "self-forbidden"
                )
            }
        )
    if parent.parent_id is not None:
        raise ValidationError(
            {
                "hoofdzaak": ValidationError(
                    "De hoofdzaak is zelf een deelzaak.", "deelzaak-als-hoofdzaak"
                )
            }
        )


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
        action=audit_actions.CASE_NOTE_ADDED,
        obj=case,
        after={"note": note.pk, "text": text, "visible_to_initiator": visible_to_initiator},
    )
    return note


def _location_fields(
    location: CaseLocation | None, geometry: dict[str, Any] | None
) -> dict[str, Any]:
    if location is None:
        return {"geometry": geometry, **point_of(geometry)}
    point = {"type": "Point", "coordinates": [location["longitude"], location["latitude"]]}
    return {
        "geometry": geometry or point,
        "latitude": location["latitude"],
        "longitude": location["longitude"],
        "neighbourhood_code": location["neighbourhood_code"],
        "district_code": location["district_code"],
    }


def point_of(geometry: dict[str, Any] | None) -> dict[str, float | None]:
    """The point used for lookups: a Point itself, else the mean of the outer ring or line."""
    kind = (geometry or {}).get("type")
    coordinates = (geometry or {}).get("coordinates") or []
    try:
        if kind == "Point":
            positions = [coordinates]
        elif kind == "Polygon":
            positions = coordinates[0]
        elif kind in ("LineString", "MultiPoint"):
            positions = coordinates
        elif kind == "MultiPolygon":
            positions = coordinates[0][0]
        else:
            positions = []
        xs = [float(p[0]) for p in positions]
        ys = [float(p[1]) for p in positions]
    except (TypeError, ValueError, IndexError):
        xs, ys = [], []
    if not xs:
        return {"latitude": None, "longitude": None}
    return {"latitude": sum(ys) / len(ys), "longitude": sum(xs) / len(xs)}


def _snapshot(case: Case) -> dict[str, Any]:
    return {
        "identification": case.identification,
        "case_type": case.case_type.code,
        "status": case.status.code if case.status else None,
        "responsible_team": case.responsible_team.slug,
        "deadline": case.deadline.isoformat(),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
    }


def _data_snapshot(case: Case) -> dict[str, Any]:
    return {
        **_snapshot(case),
        "geometry": case.geometry,
        "confidentiality": case.confidentiality,
        "parent": case.parent_id,
        "planned_end": case.planned_end,
        "archive": [case.archive_nomination, case.archive_status, case.archive_action_date],
        "suspended_on": case.suspended_on,
        "extension_term": case.extension_term,
    }
