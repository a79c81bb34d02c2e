# SPDX-License-Identifier: EUPL-1.2
"""Data-trail records of the past for `plus1 generate`: the staff member who opened each zaak,
as the workbench writes it (`personal_data_access`), with the audit entry each points to."""

from __future__ import annotations

import datetime as dt
import random

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.demo.generate_records import AuditSpec
from plus1.identity.models import Party
from plus1.privacy import audit_actions
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord, TrailAction
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.privacy.services.trail import who_did_it

# (zaak, its initiator, when a staff member opened it)
TrailPlan = tuple[Case, Party, dt.datetime]
STAFF = Actor(kind="staff", id="", label="")  # the role the entries name: medewerker


def trail_records(
    viewed: list[TrailPlan], rng: random.Random
) -> list[tuple[AuditSpec, DataTrailRecord]]:
    """Per opened zaak its audit entry's spec and its trail record (linked by the caller once
    the entries have keys). Zaaktypen without a processing activity get none, as in the
    workbench, which refuses to show such a zaak."""
    activities = {
        link.case_type_id: link.activity
        for link in CaseTypeActivity.objects.select_related("activity").filter(
            case_type__in={case.case_type_id for case, _, _ in viewed}
        )
    }
    made = []
    for case, initiator, when in viewed:
        activity = activities.get(case.case_type_id)
        if activity is None or not activity.active:
            continue
        name = f"zaak {case.identification} bekeken"
        after = who_did_it(STAFF, activity, name, case.case_type.responsible_team, "", "", case)
        record = DataTrailRecord(
            trace_id=f"{rng.getrandbits(128):032x}",
            span_id=f"{rng.getrandbits(64):016x}",
            name=name,
            action=TrailAction.VIEWED,
            start_time=when,
            end_time=when,
            activity=activity,
            data_subject_id=subject_pseudonym(initiator),
            resource={"service.name": "plus1"},
        )
        made.append(((audit_actions.PERSONAL_DATA_VIEWED, initiator, after), record))
    return made
