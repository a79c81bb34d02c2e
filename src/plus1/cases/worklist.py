# SPDX-License-Identifier: EUPL-1.2
"""Reads behind the workbench lists: a team's inbox with filters and sorts, Mijn werk, search,
workload per team and person, and whom to suggest for a case. Every read is scoped to the
cases the staff member may see (cases_for_staff) and returns a queryset a page can slice."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from plus1.cases.conversation_selectors import with_conversation_markers
from plus1.cases.models import Case, CaseMessage, CaseNote, InformationRequest
from plus1.cases.selectors import cases_for_staff, overdue_q, with_overdue
from plus1.catalog.models import CaseType, StatusType
from plus1.identity.models import Party, Team, TeamMembership

# What one open case costs a behandelaar per week, in hours: free capacity is the weekly
# hours of the membership minus this for every open case the person has in that team.
HOURS_PER_OPEN_CASE = 2

SORTS = {
    "termijn": ("deadline", "pk"),
    "-termijn": ("-deadline", "-pk"),
    "ingediend": ("registered_on", "pk"),
    "-ingediend": ("-registered_on", "-pk"),
    "zaaknummer": ("identification",),
}
NOBODY, ME = "niemand", "ik"


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""  # status code
    case_type: str = ""  # case type code (the product's zaaktype)
    area: str = ""  # buurt or wijk code
    assignee: str = ""  # "", NOBODY, ME or a user id
    overdue: bool = False
    waiting: bool = False  # suspended: waiting for the resident
    sort: str = "termijn"


def team_cases(user: User | AnonymousUser, team: Team | None) -> QuerySet[Case]:
    """Open cases of one of the staff member's teams (none for a team they are not in), or
    of all their teams (team None)."""
    cases = cases_for_staff(user).filter(closed_on__isnull=True)
    if team is not None:
        cases = cases.filter(responsible_team=team)
    return with_overdue(cases)


def inbox(user: User | AnonymousUser, team: Team | None, filters: InboxFilters) -> QuerySet[Case]:
    cases = team_cases(user, team)
    if filters.status:
        cases = cases.filter(status__code=filters.status)
    if filters.case_type:
        cases = cases.filter(case_type__code=filters.case_type)
    if filters.area:
        cases = cases.filter(Q(neighbourhood_code=filters.area) | Q(district_code=filters.area))
    if filters.assignee == NOBODY:
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee == ME:
        cases = cases.filter(assignee_id=user.pk)
    elif filters.assignee.isdigit():
        cases = cases.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        cases = cases.filter(overdue_q())
    if filters.waiting:
        cases = cases.filter(suspended_on__isnull=False)
    return cases.order_by(*SORTS.get(filters.sort, SORTS["termijn"]))


def needs_attention(user: User | AnonymousUser, team: Team | None) -> QuerySet[Case]:
    """The open cases whose initiator answered an aanvulverzoek or wrote since staff last
    moved them on: the top of the inbox. Only cases with an answer or a message from the
    initiator are candidates, so the markers are worked out for few rows: the candidates'
    keys are read first (as a subquery, PostgreSQL worked the markers out for every open case
    of the team, 150 ms for 26,000), from the answers and messages to the cases (joined the
    other way, every open case of the team was read: 40 ms for 258,000)."""
    cases = team_cases(user, team)
    answered = InformationRequest.objects.filter(state=InformationRequest.State.ANSWERED)
    written = CaseMessage.objects.filter(author_kind=CaseMessage.AuthorKind.INITIATOR)
    candidates = (
        cases.filter(pk__in=answered.values("case_id"))
        .values_list("pk", flat=True)
        .union(cases.filter(pk__in=written.values("case_id")).values_list("pk", flat=True))
    )
    keys = set(candidates)
    if not keys:
        return Case.objects.none()
    return (
        with_conversation_markers(cases.filter(pk__in=keys))
        .filter(needs_attention=1)  # type: ignore[misc]  # an annotation
        .order_by("deadline", "pk")
    )


def my_work(user: User | AnonymousUser) -> QuerySet[Case]:
    """My open cases, in every team I am in, most urgent deadline first."""
    if not user.is_authenticated:
        return Case.objects.none()
    return with_overdue(
        cases_for_staff(user).filter(assignee=user, closed_on__isnull=True)
    ).order_by("deadline", "pk")


# --- search -------------------------------------------------------------------------------

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*(?:(\d+)\s*([A-Za-z0-9-]*))?\s*$")
IDENTIFICATION = re.compile(r"^[A-Za-z]+-\d{4}-\d+$")
KVK = re.compile(r"^\d{8}$")
BSN_LIKE = re.compile(r"^\d{9}$")


class BsnInQuery(ValueError):
    """A BSN was typed into the search box: it would end up in the URL, so it is not used."""


def search(user: User | AnonymousUser, q: str) -> QuerySet[Case]:
    """Cases the staff member may see that match q: a case number, a postcode with house
    number, a KVK number, or a word in the resident's or business's name or in the case's
    data and notes. A BSN is refused here (see search_by_party)."""
    q = q.strip()
    cases = with_overdue(cases_for_staff(user))
    if not q:
        return cases.none()
    if BSN_LIKE.match(q.replace(" ", "")):
        raise BsnInQuery(q)
    if IDENTIFICATION.match(q):
        condition = Q(identification__iexact=q)
    elif postcode := POSTCODE.match(q):
        condition = Q(postcode=(postcode[1] + postcode[2]).upper())
        if postcode[3]:
            condition &= Q(house_number__iexact=(postcode[3] + (postcode[4] or "")))
    elif KVK.match(q):
        condition = Q(initiator__kvk_number=q)
    else:
        condition = Q(pk__in=free_text_matches(q))
    return cases.filter(condition).order_by("closed_on", "deadline", "pk")


def free_text_matches(q: str) -> QuerySet[Case, Any]:
    """The keys of cases with q in their number, the initiator's name, the form's data or a
    note: one union, each part answered by its own trigram index on PostgreSQL (search_index,
    decision 31), so no part scans every case; SQLite runs the same query unindexed. Who may
    see the cases is the caller's filter."""
    in_form = Case.objects.annotate(form_text=Cast("form_data", TextField()))
    by_name = Case.objects.filter(initiator__in=Party.objects.filter(name__icontains=q))
    parts = [
        in_form.filter(form_text__icontains=q).values("pk"),
        by_name.values("pk"),
        CaseNote.objects.filter(text__icontains=q).values("case_id"),
    ]
    by_number = Case.objects.filter(identification__icontains=q).values("pk")
    return by_number.order_by().union(*(part.order_by() for part in parts))


# --- workload and suggestion ----------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    open: int
    overdue: int
    due_this_week: int


@dataclass(frozen=True)
class MemberLoad:
    membership: TeamMembership
    load: Load

    @property
    def free_hours(self) -> int:
        return self.membership.weekly_hours - self.load.open * HOURS_PER_OPEN_CASE


@dataclass(frozen=True)
class TeamWorkload:
    team: Team
    total: Load
    unassigned: int
    members: list[MemberLoad]
    incoming: list[tuple[dt.date, int]]  # (monday of the week, cases registered that week)


def _load_counts(today: dt.date) -> dict[str, Count]:
    end_of_week = today + dt.timedelta(days=6 - today.weekday())
    return {
        "open": Count("pk"),
        "overdue": Count("pk", filter=overdue_q(today)),
        "due_this_week": Count("pk", filter=Q(deadline__gte=today, deadline__lte=end_of_week)),
    }


def team_workload(team: Team, today: dt.date | None = None, weeks: int = 6) -> TeamWorkload:
    """Open, overdue and due-this-week cases of a team and of each member, and the cases that
    came in per week over the last weeks: four queries, whatever the numbers."""
    today = today or timezone.localdate()
    open_cases = Case.objects.filter(responsible_team=team, closed_on__isnull=True)
    counts = _load_counts(today)
    total = open_cases.aggregate(**counts, unassigned=Count("pk", filter=Q(assignee__isnull=True)))
    per_person = {
        row["assignee"]: Load(row["open"], row["overdue"], row["due_this_week"])
        for row in open_cases.filter(assignee__isnull=False)
        .values("assignee")
        .annotate(**counts)
        .order_by()
    }
    memberships = TeamMembership.objects.filter(team=team).select_related("user")
    members = [
        MemberLoad(m, per_person.get(m.user_id, Load(0, 0, 0)))
        for m in sorted(memberships, key=lambda m: (m.user.get_full_name() or m.user.username))
    ]
    monday = today - dt.timedelta(days=today.weekday())
    first = monday - dt.timedelta(weeks=weeks - 1)
    registered = Case.objects.filter(responsible_team=team, registered_on__gte=first).values_list(
        "registered_on", flat=True
    )
    per_week = {first + dt.timedelta(weeks=i): 0 for i in range(weeks)}
    for day in registered:
        per_week[day - dt.timedelta(days=day.weekday())] += 1
    return TeamWorkload(
        team=team,
        total=Load(total["open"], total["overdue"], total["due_this_week"]),
        unassigned=total["unassigned"],
        members=members,
        incoming=sorted(per_week.items()),
    )


@dataclass(frozen=True)
class Suggestion:
    member: MemberLoad
    skill: bool
    area: bool

    @property
    def user(self) -> User:
        return self.member.membership.user

    @property
    def reasons(self) -> str:
        parts = []
        parts.append("heeft de vaardigheid" if self.skill else "mist de vaardigheid")
        parts.append("werkt in dit gebied" if self.area else "werkt niet in dit gebied")
        hours = self.member.free_hours
        parts.append(f"{hours} uur vrij deze week" if hours > 0 else "geen uren vrij")
        return ", ".join(parts)


def suggestions(case: Case, today: dt.date | None = None) -> list[Suggestion]:
    """Team members ranked for a case: the right skill first, then working in the case's area,
    then the most free hours; someone without free hours comes last."""
    workload = team_workload(case.responsible_team, today, weeks=1)
    skill = case.case_type.skill
    places = {code for code in (case.neighbourhood_code, case.district_code) if code}
    ranked = [
        Suggestion(
            member=member,
            skill=bool(skill) and skill in member.membership.skills,
            area=bool(places & set(member.membership.areas)),
        )
        for member in workload.members
        if member.membership.user.is_active
    ]
    return sorted(
        ranked,
        key=lambda s: (s.member.free_hours > 0, s.skill, s.area, s.member.free_hours),
        reverse=True,
    )


@dataclass(frozen=True)
class InboxChoices:
    statuses: list[tuple[str, str]]  # (code, name)
    case_types: list[tuple[str, str]]  # (code, name)


def inbox_choices(teams: list[Team]) -> InboxChoices:
    """What the inbox's filters offer: the statuses and case types of the teams' case types."""
    statuses = (
        StatusType.objects.filter(case_type__responsible_team__in=teams)
        .values_list("code", "name")
        .order_by("order", "name")
    )
    case_types = (
        CaseType.objects.filter(responsible_team__in=teams)
        .values_list("code", "name")
        .order_by("name")
    )
    return InboxChoices(
        statuses=list(dict(statuses).items()), case_types=list(dict(case_types).items())
    )
