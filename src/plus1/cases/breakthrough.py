# SPDX-License-Identifier: EUPL-1.2
"""The doorbraak route: staff mark a case where rules or systems block a sensible outcome;
it goes to the doorbraak team (settings.BREAKTHROUGH_TEAM) with its own short term
(settings.BREAKTHROUGH_WORKING_DAYS); that team records the decision and the rule that
pinched, and the case goes back to the team it came from.

Refusals list every problem at once (ValidationError, Dutch) and write nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases import audit_actions, events
from plus1.cases.breakthrough_models import Breakthrough
from plus1.cases.models import Case
from plus1.catalog.models import Product
from plus1.common.legal_clock import is_working_day
from plus1.events.services import outbox_put
from plus1.identity.models import Team, TeamMembership

BLOCKER_MAX = 2000


def breakthrough_team() -> Team | None:
    """The configured doorbraak team, or None when none is set up."""
    return Team.objects.filter(slug=settings.BREAKTHROUGH_TEAM).first()


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day `days` working days after `start` (Dutch public holidays count as free)."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def open_breakthrough(case: Case) -> Breakthrough | None:
    return case.breakthroughs.filter(decided_at__isnull=True).first()


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("case_type").get(pk=case.pk)


@transaction.atomic
def case_breakthrough_mark(
    *, actor: Actor, case: Case, blocker: str, today: dt.date | None = None
) -> Breakthrough:
    """Hand the case to the doorbraak team with what blocks a sensible outcome."""
    case = _locked(case)
    blocker = blocker.strip()
    team = breakthrough_team()
    problems = []
    if not blocker:
        problems.append("Schrijf op wat een redelijke uitkomst blokkeert.")
    elif len(blocker) > BLOCKER_MAX:
        problems.append(f"Houd de toelichting korter dan {BLOCKER_MAX} tekens.")
    if case.closed_on is not None:
        problems.append("De zaak is al afgesloten.")
    if open_breakthrough(case) is not None:
        problems.append("Deze zaak ligt al bij het doorbraakteam.")
    if team is None:
        problems.append("Er is geen doorbraakteam ingesteld. Vraag de beheerder dit in te stellen.")
    if problems:
        raise ValidationError(problems)
    assert team is not None
    today = today or timezone.localdate()
    breakthrough = Breakthrough.objects.create(
        case=case,
        blocker=blocker,
        from_team_id=case.responsible_team_id,
        from_assignee_id=case.assignee_id,
        marked_by_id=actor.user_id,
        marked_at=timezone.now(),
        due_on=add_working_days(today, settings.BREAKTHROUGH_WORKING_DAYS),
    )
    before = {"team": case.responsible_team_id, "assignee": case.assignee_id}
    case.responsible_team, case.assignee = team, None
    case.save(update_fields=["responsible_team", "assignee"])
    after = {
        "breakthrough": str(breakthrough.uuid),
        "team": team.pk,
        "team_name": team.name,
        "due_on": breakthrough.due_on.isoformat(),
        "blocker": blocker,
    }
    audit_record(
        actor=actor,
        action=audit_actions.CASE_BREAKTHROUGH_MARKED,
        obj=case,
        before=before,
        after=after,
    )
    outbox_payload = {
        "breakthrough": str(breakthrough.uuid),
        "team": team.slug,
        "due_on": breakthrough.due_on.isoformat(),
    }
    _outbox(events.CASE_BREAKTHROUGH_MARKED, case, actor, outbox_payload)
    return breakthrough


@transaction.atomic
def case_breakthrough_decide(
    *,
    actor: Actor,
    case: Case,
    decision: str,
    rule: str,
    legal_basis: str = "",
    product: Product | None = None,
) -> Breakthrough:
    """The doorbraak team records its decision and the rule that pinched; the case goes
    back to the team it came from (to its behandelaar, if still a member)."""
    case = _locked(case)
    breakthrough = (
        Breakthrough.objects.select_for_update()
        .filter(case=case, decided_at__isnull=True)
        .select_related("from_team")
        .first()
    )
    decision, rule, legal_basis = decision.strip(), rule.strip(), legal_basis.strip()
    problems = []
    if breakthrough is None:
        problems.append("Deze zaak ligt niet bij het doorbraakteam.")
    if not decision:
        problems.append("Schrijf het besluit van het doorbraakteam op.")
    if not rule:
        problems.append("Schrijf op welke regel knelde.")
    if len(legal_basis) > 200:
        problems.append("Houd de wettelijke grondslag korter dan 200 tekens.")
    if problems:
        raise ValidationError(problems)
    assert breakthrough is not None
    breakthrough.decision, breakthrough.rule = decision, rule
    breakthrough.legal_basis, breakthrough.product = legal_basis, product
    breakthrough.decided_at, breakthrough.decided_by_id = timezone.now(), actor.user_id
    breakthrough.save()
    case.responsible_team = breakthrough.from_team
    case.assignee = _still_member(breakthrough.from_assignee_id, breakthrough.from_team)
    case.save(update_fields=["responsible_team", "assignee"])
    after = {
        "breakthrough": str(breakthrough.uuid),
        "team": breakthrough.from_team_id,
        "team_name": breakthrough.from_team.name,
        "decision": decision,
        "rule": rule,
        "legal_basis": legal_basis,
        "product": product.pk if product else None,
    }
    audit_record(actor=actor, action=audit_actions.CASE_BREAKTHROUGH_DECIDED, obj=case, after=after)
    payload = {
        "breakthrough": str(breakthrough.uuid),
        "team": breakthrough.from_team.slug,
        "legal_basis": legal_basis,
    }
    _outbox(events.CASE_BREAKTHROUGH_DECIDED, case, actor, payload)
    return breakthrough


def _still_member(user_id: int | None, team: Team) -> User | None:
    if user_id is None:
        return None
    member = TeamMembership.objects.filter(user_id=user_id, team=team).select_related("user")
    found = member.first()
    return found.user if found else None


def _outbox(topic: str, case: Case, actor: Actor, extra: dict[str, Any]) -> None:
    outbox_put(topic=topic, payload={**events.case_facts(case, actor), **extra})
