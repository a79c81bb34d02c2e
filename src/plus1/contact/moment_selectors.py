# SPDX-License-Identifier: EUPL-1.2
"""Reads of the contact history: finding a person, a person's history across channels,
the callback queue of a team, a resident's own contact moments and coordinators."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.utils import timezone

from plus1.cases.models import Case
from plus1.cases.selectors import cases_of_party_for_purpose
from plus1.common.bsn import is_valid_bsn
from plus1.contact.models import Appointment, Callback, ContactMoment, Coordinator
from plus1.identity.models import Party
from plus1.identity.selectors import party_by_bsn

MAX_FOUND = 20
POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
KVK = re.compile(r"^[0-9]{8}$")

# The ways to find a person, in the order the screen shows them.
FIND_BY = {
    "bsn": "Burgerservicenummer",
    "naam": "Naam en geboortedatum",
    "adres": "Postcode en huisnummer",
    "kvk": "KVK-nummer",
    "zaak": "Zaaknummer",
}


@dataclass
class Search:
    """What the staff member typed, and every problem with it."""

    by: str
    values: dict[str, str]
    problems: dict[str, list[str]] = field(default_factory=dict)


GROUPS = {
    "bsn": ["bsn"],
    "kvk": ["kvk"],
    "zaak": ["zaaknummer"],
    "adres": ["postcode", "huisnummer"],
    "naam": ["naam", "geboortedatum"],
}


def search_kind(values: dict[str, str]) -> str:
    """How the staff member searches: by the first group of fields they filled in."""
    for kind, names in GROUPS.items():
        if any(values.get(name, "").strip() for name in names):
            return kind
    return ""


def normal_postcode(value: str) -> str:
    return value.replace(" ", "").upper()


def search_problems(by: str, values: dict[str, str]) -> dict[str, list[str]]:
    """Every problem with a search at once (the purpose is checked by the caller)."""
    problems: dict[str, list[str]] = {}
    if by not in FIND_BY:
        return {
            "bsn": [
                "Vul een burgerservicenummer, KVK-nummer, zaaknummer, postcode en huisnummer, "
                "of naam en geboortedatum in."
            ]
        }
    if by == "bsn" and not is_valid_bsn(values.get("bsn", "")):
        problems["bsn"] = ["Vul een geldig burgerservicenummer in (9 cijfers)."]
    if by == "naam":
        if len(values.get("naam", "")) < 2:
            problems["naam"] = ["Vul de achternaam in (minstens 2 letters)."]
        if parse_date(values.get("geboortedatum", "")) is None:
            problems["geboortedatum"] = ["Vul de geboortedatum in als dd-mm-jjjj."]
    if by == "adres":
        if not POSTCODE.match(normal_postcode(values.get("postcode", ""))):
            problems["postcode"] = ["Vul een postcode in zoals 1234 AB."]
        if not values.get("huisnummer", "").strip():
            problems["huisnummer"] = ["Vul het huisnummer in."]
    if by == "kvk" and not KVK.match(values.get("kvk", "")):
        problems["kvk"] = ["Vul een KVK-nummer van 8 cijfers in."]
    if by == "zaak" and not values.get("zaaknummer", "").strip():
        problems["zaaknummer"] = ["Vul het zaaknummer in."]
    return problems


def parse_date(value: str) -> dt.date | None:
    for pattern in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parties_found(by: str, values: dict[str, str]) -> list[Party]:
    """The people a (valid) search finds; at most MAX_FOUND."""
    if by == "bsn":
        party = party_by_bsn(values["bsn"])
        return [party] if party else []
    found: QuerySet[Party]
    if by == "naam":
        found = Party.objects.filter(
            name__icontains=values["naam"].strip(),
            birth_date=parse_date(values["geboortedatum"]),
        )
    elif by == "adres":
        found = Party.objects.filter(
            postcode=normal_postcode(values["postcode"]),
            house_number__iexact=values["huisnummer"].strip(),
        )
    elif by == "kvk":
        found = Party.objects.filter(kvk_number=values["kvk"])
    elif by == "zaak":
        case = (
            Case.objects.select_related("initiator")
            .filter(identification__iexact=values["zaaknummer"].strip())
            .first()
        )
        return [case.initiator] if case and case.initiator else []
    else:
        return []
    return list(found.order_by("name", "pk")[:MAX_FOUND])


def party_by_uuid(value: Any) -> Party | None:
    try:
        return Party.objects.filter(uuid=value).first()
    except (ValueError, TypeError):
        return None


def messages_of(party: Party) -> list[Any]:
    """The messages sent to the person (contact.Message), where that model exists."""
    try:
        message = apps.get_model("contact", "Message")
    except LookupError:
        return []
    return list(message.objects.filter(recipient=party).order_by("-created_at")[:50])


@dataclass
class PersonView:
    party: Party
    cases: list[Case]
    moments: list[ContactMoment]
    appointments: list[Appointment]
    callbacks: list[Callback]
    messages: list[Any]
    coordinators: list[Coordinator]


def person_view(user: User | AnonymousUser, party: Party, activity_code: str) -> PersonView:
    """Everything of one person across channels, as this staff member may see it."""
    return PersonView(
        party=party,
        cases=list(cases_of_party_for_purpose(user, party, activity_code)),
        moments=list(
            ContactMoment.objects.filter(party=party)
            .select_related("product", "case", "registered_by")
            .order_by("-registered_at", "-pk")[:100]
        ),
        appointments=list(
            Appointment.objects.filter(party=party)
            .select_related("product", "location")
            .order_by("-start")[:50]
        ),
        callbacks=list(
            Callback.objects.filter(party=party)
            .select_related("product", "team")
            .order_by("-created_at")[:50]
        ),
        messages=messages_of(party),
        coordinators=list(coordinators_of_party(party)),
    )


def open_callbacks(user: User | AnonymousUser) -> QuerySet[Callback]:
    """Open callbacks of the staff member's teams, the one due first on top."""
    if not (user.is_authenticated and user.is_staff):
        return Callback.objects.none()
    return (
        Callback.objects.filter(status=Callback.Status.OPEN, team__members=user)
        .select_related("party", "product", "team")
        .order_by("due_at", "pk")
    )


def callback_for_staff(user: User | AnonymousUser, callback_id: Any) -> Callback | None:
    if not (user.is_authenticated and user.is_staff):
        return None
    try:
        return (
            Callback.objects.filter(team__members=user, uuid=callback_id)
            .select_related("party", "product", "team")
            .first()
        )
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class OwnContact:
    """One line under Mijn contactmomenten: never the internal remark."""

    when: dt.datetime
    channel: str
    subject: str
    summary: str
    answered: bool
    case: str
    subject_en: str = ""  # the product's English name, for the English page


def own_contact_moments(party: Party) -> list[OwnContact]:
    moments = (
        ContactMoment.objects.filter(party=party)
        .select_related("product", "case")
        .order_by("-registered_at", "-pk")[:200]
    )
    return [
        OwnContact(
            when=moment.registered_at,
            channel=moment.get_channel_display(),
            subject=moment.product.name if moment.product else "",
            subject_en=moment.product.name_en if moment.product else "",
            summary=moment.summary,
            answered=moment.answered,
            case=moment.case.identification if moment.case else "",
        )
        for moment in moments
    ]


def own_callbacks(party: Party) -> QuerySet[Callback]:
    return (
        Callback.objects.filter(party=party)
        .select_related("product")
        .only(
            "uuid",
            "status",
            "due_at",
            "done_at",
            "preferred_time",
            "phone",
            "created_at",
            "product__name",
            "product__name_en",
            "outcome",
        )
        .order_by("-created_at", "-pk")
    )


def coordinators_of_party(party: Party) -> QuerySet[Coordinator]:
    """Active coordinators of the person: their own, and a household's that covers one of
    their cases."""
    return (
        Coordinator.objects.filter(
            Q(party=party) | Q(cases__initiator=party), ended_at__isnull=True
        )
        .select_related("staff")
        .prefetch_related("cases")
        .distinct()
        .order_by("-household", "-created_at")
    )


def coordinators_of_case(case: Case) -> list[Coordinator]:
    """Who the resident contacts about this case: named on the case, or the household's."""
    found = Coordinator.objects.filter(ended_at__isnull=True).filter(
        Q(cases=case) | Q(household=True, party_id=case.initiator_id)
    )
    return list(found.distinct().order_by("-household", "-created_at"))


def appointments_of_day(location_id: int, day: dt.date) -> QuerySet[Appointment]:
    """The day view of one location: every appointment that is not cancelled, by time."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    return (
        Appointment.objects.filter(
            location_id=location_id,
            start__gte=start,
            start__lt=start + dt.timedelta(days=1),
        )
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("product", "party")
        .order_by("start", "pk")
    )
