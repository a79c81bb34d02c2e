# SPDX-License-Identifier: EUPL-1.2
"""No purpose, no access: the one call that checks the purpose and writes the data trail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor, Change, audit_record, audit_record_many
from plus1.cases.models import Case
from plus1.catalog.models import CaseType
from plus1.identity.models import Party, Team
from plus1.privacy import audit_actions
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord, ProcessingActivity, TrailAction
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.privacy.trace import current_trace, new_span_id

ROLES = {
    "staff": "medewerker",
    "api_client": "partnerorganisatie",
    "system": "systeem",
    "representative": "gemachtigde",
}


class NoPurpose(PermissionDenied):
    """Personal data was asked for without a (valid) processing activity."""


def activity_for_case_type(case_type: CaseType) -> ProcessingActivity | None:
    link = CaseTypeActivity.objects.select_related("activity").filter(case_type=case_type).first()
    return link.activity if link else None


@transaction.atomic
def personal_data_access(
    *,
    actor: Actor,
    subject: Party,
    action: str,
    name: str,
    activity: ProcessingActivity | None = None,
    case: Case | None = None,
    team: Team | None = None,
    refused: bool = False,
    role: str = "",
    organisation: str = "",
    foreign_operation: dict[str, Any] | None = None,
) -> DataTrailRecord:
    """Check that the access has a purpose and record it in the data trail, in one transaction.

    Inside a case the purpose is the case type's processing activity; outside a case the
    caller passes the activity the staff member chose. Raises NoPurpose (403) otherwise,
    so nothing is shown.
    """
    if case is not None:
        activity = activity or activity_for_case_type(case.case_type)
        team = team or case.responsible_team
    if activity is None or not activity.active:
        raise NoPurpose(
            "Voor deze gegevens is geen doel (verwerkingsactiviteit) vastgelegd. "
            "Zonder doel kunnen ze niet worden getoond."
        )
    if action not in TrailAction.values:
        raise ValueError(f"unknown trail action {action!r}")
    entry = audit_record(
        actor=actor,
        action=audit_actions.PERSONAL_DATA_REFUSED
        if refused
        else audit_actions.PERSONAL_DATA[action],
        obj=subject,
        after=who_did_it(actor, activity, name, team, role, organisation, case),
    )
    record = _record(activity, subject, action, name, entry, refused, foreign_operation)
    record.save()
    return record


@transaction.atomic
def personal_data_list_access(
    *, actor: Actor, cases: Iterable[Case], name: str, subject: Party | None = None
) -> list[DataTrailRecord]:
    """A list that shows several people (a team's inbox): one record per person shown, or,
    when the list was searched by one person (``subject``), one record for them per purpose
    (processing activity) of the cases shown. Written with a fixed number of queries
    however long the list is."""
    shown: list[tuple[Case, Party]] = []
    for case in cases:
        person = subject or case.initiator
        if person is not None:
            shown.append((case, person))
    links = CaseTypeActivity.objects.select_related("activity").filter(
        case_type_id__in={case.case_type_id for case, _ in shown}
    )
    activities = {link.case_type_id: link.activity for link in links}
    purposeless = [case for case, _ in shown if not _usable(activities.get(case.case_type_id))]
    if purposeless:
        raise NoPurpose(
            f"Voor zaaktype ‘{purposeless[0].case_type.name}’ is geen doel "
            "(verwerkingsactiviteit) vastgelegd. Zonder doel kunnen de gegevens niet worden getoond."
        )
    if subject is not None and shown:
        # One search is one use of one person's data: per purpose one audit entry naming
        # every case shown and one trail record, however many cases the page holds.
        by_activity: dict[int, list[Case]] = {}
        for case, _ in shown:
            by_activity.setdefault(activities[case.case_type_id].pk, []).append(case)
        changes = []
        for cases_of_activity in by_activity.values():
            activity = activities[cases_of_activity[0].case_type_id]
            after = who_did_it(actor, activity, name, None, "", "", None)
            after["cases"] = [case.identification for case in cases_of_activity]
            changes.append(Change(subject, after=after))
        entries = audit_record_many(
            actor=actor, action=audit_actions.PERSONAL_DATA_VIEWED, changes=changes
        )
        return DataTrailRecord.objects.bulk_create(
            _record(activities[group[0].case_type_id], subject, TrailAction.VIEWED, name, entry)
            for group, entry in zip(by_activity.values(), entries, strict=True)
        )
    teams = Team.objects.in_bulk({case.responsible_team_id for case, _ in shown})
    changes = [
        Change(
            person,
            after=who_did_it(
                actor,
                activities[case.case_type_id],
                name,
                teams.get(case.responsible_team_id),
                "",
                "",
                case,
            ),
        )
        for case, person in shown
    ]
    entries = audit_record_many(
        actor=actor, action=audit_actions.PERSONAL_DATA_VIEWED, changes=changes
    )
    records = [
        _record(activities[case.case_type_id], person, TrailAction.VIEWED, name, entry)
        for (case, person), entry in zip(shown, entries, strict=True)
    ]
    return DataTrailRecord.objects.bulk_create(records)


@transaction.atomic
def personal_data_many_access(
    *,
    actor: Actor,
    subjects: Iterable[Party],
    action: str,
    name: str,
    activity: ProcessingActivity,
) -> list[DataTrailRecord]:
    """Several people's data under one activity outside a case (a page of an API's list):
    one record per person, written with a fixed number of queries however many there are."""
    if not _usable(activity):
        raise NoPurpose(
            "Voor deze gegevens is geen doel (verwerkingsactiviteit) vastgelegd. "
            "Zonder doel kunnen ze niet worden getoond."
        )
    people = list({party.pk: party for party in subjects}.values())
    if not people:
        return []
    after = who_did_it(actor, activity, name, None, "", "", None)
    entries = audit_record_many(
        actor=actor,
        action=audit_actions.PERSONAL_DATA[action],
        changes=[Change(person, after=after) for person in people],
    )
    records = [
        _record(activity, person, action, name, entry)
        for person, entry in zip(people, entries, strict=True)
    ]
    return DataTrailRecord.objects.bulk_create(records)


@transaction.atomic
def personal_data_page_access(
    *, actor: Actor, cases: Iterable[Case], name: str
) -> list[DataTrailRecord]:
    """One page of a staff list (inbox, Mijn werk, search results): one data-trail record per
    person shown, however many of their cases are on it, all pointing to ONE audit entry for
    the view. Three queries plus the audit head, whatever the page size; nothing when the page
    shows nobody. Refuses (NoPurpose) when a case type on the page has no purpose."""
    cases = list(cases)
    first_case: dict[int, Case] = {}
    for case in cases:
        if case.initiator is not None:
            first_case.setdefault(case.initiator.pk, case)
    if not first_case:
        return []
    links = CaseTypeActivity.objects.select_related("activity").filter(
        case_type_id__in={case.case_type_id for case in first_case.values()}
    )
    activities = {link.case_type_id: link.activity for link in links}
    purposeless = [c for c in first_case.values() if not _usable(activities.get(c.case_type_id))]
    if purposeless:
        raise NoPurpose(
            f"Voor zaaktype ‘{purposeless[0].case_type.name}’ is geen doel "
            "(verwerkingsactiviteit) vastgelegd. Zonder doel kunnen de gegevens niet worden getoond."
        )
    teams = sorted({case.responsible_team.name for case in first_case.values()})
    anchor = next(iter(first_case.values())).responsible_team
    entry = audit_record(
        actor=actor,
        action=audit_actions.PERSONAL_DATA_LIST_VIEWED,
        obj=anchor,
        after={
            "activity": ", ".join(sorted({a.code for a in activities.values()})),
            "name": name,
            "team": ", ".join(teams),
            "role": ROLES.get(actor.kind, actor.kind),
            "organisation": "",
            "case": "",
            "cases": [case.identification for case in cases],
            "people": len(first_case),
        },
    )
    records = [
        _record(activities[case.case_type_id], case.initiator, TrailAction.VIEWED, name, entry)
        for case in first_case.values()
        if case.initiator is not None
    ]
    return DataTrailRecord.objects.bulk_create(records)


def _usable(activity: ProcessingActivity | None) -> bool:
    return activity is not None and activity.active


def who_did_it(
    actor: Actor,
    activity: ProcessingActivity,
    name: str,
    team: Team | None,
    role: str,
    organisation: str,
    case: Case | None,
) -> dict[str, Any]:
    """Who did it, for the audit entry the trail record points to (as the standard advises)."""
    return {
        "activity": activity.code,
        "name": name,
        "team": team.name if team else "",
        "role": role or ROLES.get(actor.kind, actor.kind),
        "organisation": organisation,
        "case": case.identification if case else "",
    }


def _record(
    activity: ProcessingActivity,
    subject: Party,
    action: str,
    name: str,
    entry: AuditEntry,
    refused: bool = False,
    foreign_operation: dict[str, Any] | None = None,
) -> DataTrailRecord:
    trace, now = current_trace(), timezone.now()
    return DataTrailRecord(
        trace_id=trace.trace_id,
        span_id=new_span_id(),
        parent_span_id=trace.parent_span_id or trace.span_id,
        name=name,
        action=action,
        refused=refused,
        start_time=now,
        end_time=now,
        activity=activity,
        data_subject_id=subject_pseudonym(subject),
        foreign_operation=foreign_operation,
        resource={"service.name": "plus1"},
        audit_entry=entry,
    )
