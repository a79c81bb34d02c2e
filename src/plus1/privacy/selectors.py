# SPDX-License-Identifier: EUPL-1.2
"""Reads of the register, the data trail and consents, already joined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from plus1.cases.models import Case
from plus1.catalog.form_labels import choice_labels
from plus1.identity.models import Party
from plus1.privacy.models import (
    Consent,
    DataTrailRecord,
    GdprRequest,
    Partner,
    ProcessingActivity,
    TrailAction,
)
from plus1.privacy.pseudonym import subject_pseudonym

# The fields a rectification request can change, as the form names them.
RECTIFIABLE = {"naam": "name", "e-mailadres": "email", "telefoonnummer": "phone"}


def register_public() -> QuerySet[ProcessingActivity]:
    return (
        ProcessingActivity.objects.filter(active=True)
        .prefetch_related("case_types__products__legal_bases")
        .order_by("name")
    )


def upl_legal_bases(activity: ProcessingActivity) -> list[dict[str, str]]:
    """The legal bases the UPL lists for the products of the activity's case types."""
    seen: dict[str, dict[str, str]] = {}
    for case_type in activity.case_types.all():
        for product in case_type.products.all():
            for basis in product.legal_bases.all():
                seen.setdefault(basis.label, {"label": basis.label, "link": basis.url})
    return list(seen.values())


def partners_active() -> QuerySet[Partner]:
    return Partner.objects.filter(active=True).prefetch_related("activities")


def consents_of(party: Party) -> QuerySet[Consent]:
    return Consent.objects.filter(party=party).select_related("partner", "activity")


def consent_valid(
    party: Party,
    partner: Partner,
    activity: ProcessingActivity,
    categories: list[str],
    today: dt.date,
) -> Consent | None:
    """The consent that allows this partner every category for this purpose today, if any."""
    if not categories:
        return None
    candidates = Consent.objects.filter(
        party=party,
        partner=partner,
        activity=activity,
        revoked_at__isnull=True,
        valid_from__lte=today,
        valid_until__gte=today,
    )
    return next((c for c in candidates if set(categories) <= set(c.categories)), None)


def trail_of_party(
    party: Party,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    activity_code: str = "",
) -> QuerySet[DataTrailRecord]:
    """The person's data trail as they may see it: confidential activities are withheld."""
    records = DataTrailRecord.objects.filter(
        data_subject_id=subject_pseudonym(party), activity__confidential=False
    )
    if since:
        records = records.filter(start_time__date__gte=since)
    if until:
        records = records.filter(start_time__date__lte=until)
    if activity_code:
        records = records.filter(activity__code=activity_code)
    return records.select_related("activity", "audit_entry").order_by("-start_time", "-pk")


def trail_activities_of_party(party: Party) -> QuerySet[ProcessingActivity]:
    return ProcessingActivity.objects.filter(
        trail__data_subject_id=subject_pseudonym(party), confidential=False
    ).distinct()


@dataclass(frozen=True)
class TrailLine:
    """One use of a person's data, in plain Dutch."""

    when: dt.datetime
    organisation: str
    team: str
    who: str
    what: str
    refused: bool
    purpose: str
    legal_basis: str
    activity_code: str


def trail_line(record: DataTrailRecord) -> TrailLine:
    entry = record.audit_entry
    after = entry.after or {}
    role = after.get("role", "")
    who = role
    if entry.actor_kind == "staff" and settings.DATA_TRAIL_SHOW_STAFF_NAMES:
        who = f"{entry.actor_label} ({role})"
    if entry.actor_kind == "representative":  # someone the person authorised: always named
        who = f"{entry.actor_label} ({role})"
    activity = record.activity
    basis = activity.get_legal_ground_display()
    if activity.legal_basis:
        basis = f"{basis}; {activity.legal_basis}"
    return TrailLine(
        when=record.start_time,
        organisation=after.get("organisation") or settings.MUNICIPALITY_NAME,
        team=after.get("team", ""),
        who=who,
        what=("geweigerd: " if record.refused else "")
        + f"{TrailAction(record.action).label} — {record.name}",
        refused=record.refused,
        purpose=activity.name,
        legal_basis=basis,
        activity_code=activity.code,
    )


def trail_for_reader(
    *,
    activities: QuerySet[ProcessingActivity],
    data_subject_id: str = "",
    activity_uri_code: str = "",
    trace_id: str = "",
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> QuerySet[DataTrailRecord]:
    """Records a trail reader may see (its activities only), narrowed by the standard's filters."""
    records = DataTrailRecord.objects.filter(activity__in=activities)
    conditions = Q()
    if data_subject_id:
        conditions &= Q(data_subject_id=data_subject_id)
    if activity_uri_code:
        conditions &= Q(activity__code=activity_uri_code)
    if trace_id:
        conditions &= Q(trace_id=trace_id)
    if start:
        conditions &= Q(start_time__gte=start)
    if end:
        conditions &= Q(end_time__lte=end)
    return records.filter(conditions).select_related("activity").order_by("start_time", "pk")


def gdpr_panel(case: Case) -> dict[str, object] | None:
    """For the staff case page: the GDPR request of this case with the current value next
    to the requested one (rectification)."""
    request = GdprRequest.objects.filter(case=case).select_related("party").first()
    if request is None:
        return None
    attribute = RECTIFIABLE.get(request.field)
    asked = (case.case_type.form_schema or {}).get("properties", {}).get("gegeven", {})
    return {
        "request": request,
        "current": getattr(request.party, attribute) if attribute else "",
        "field_label": choice_labels(asked).get(request.field, request.field),
    }
