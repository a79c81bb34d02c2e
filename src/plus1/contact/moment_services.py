# SPDX-License-Identifier: EUPL-1.2
"""Contact moments, callbacks and coordinators: each write is one transaction with its audit
entry, its data-trail record (the person's data is used for a named purpose) and its outbox rows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.catalog.models import Product
from plus1.common.legal_clock import is_working_day
from plus1.contact import audit_actions, events
from plus1.contact.models import (
    Callback,
    ContactChannel,
    ContactMoment,
    Coordinator,
    ProductContactSetting,
    TimeOfDay,
    in_dutch,
)
from plus1.contact.services import appointment_book
from plus1.events.services import outbox_put
from plus1.identity.models import Party, Team
from plus1.privacy.builtin import CONTACT_CENTRE, builtin_activity
from plus1.privacy.models import ProcessingActivity, TrailAction
from plus1.privacy.services import personal_data_access

MAX_SUMMARY = 1000
END_OF_WORKING_DAY = dt.time(17, 0)
PHONE = re.compile(r"^\+?[0-9][0-9 -]{8,15}$")


def callback_team(product: Product | None, fallback: Team | None = None) -> Team | None:
    """The team that owns the product: its contact setting, else its case type's team, else
    the given team (the staff member's), else the contact centre (CONTACT_CALLBACK_TEAM)."""
    if product is not None:
        setting = ProductContactSetting.objects.filter(product=product).first()
        if setting is not None and setting.callback_team_id is not None:
            return setting.callback_team
        if product.case_type is not None:
            return product.case_type.responsible_team
    return fallback or Team.objects.filter(slug=settings.CONTACT_CALLBACK_TEAM).first()


def callback_working_days(product: Product | None) -> int:
    setting = ProductContactSetting.objects.filter(product=product).first() if product else None
    return setting.callback_working_days if setting is not None else 1


def callback_due(requested_at: dt.datetime, working_days: int) -> dt.datetime:
    """The end (17:00) of the n-th working day after the day of the request."""
    day = timezone.localtime(requested_at).date()
    left = working_days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return dt.datetime.combine(day, END_OF_WORKING_DAY, tzinfo=timezone.get_current_timezone())


def _snapshot_moment(moment: ContactMoment) -> dict[str, Any]:
    return {
        "channel": moment.channel,
        "party": str(moment.party.uuid) if moment.party else None,
        "product": moment.product.slug if moment.product else None,
        "case": moment.case.identification if moment.case else None,
        "answered": moment.answered,
        "callback": str(moment.callback.uuid) if moment.callback else None,
    }


def _snapshot_callback(callback: Callback) -> dict[str, Any]:
    return {
        "party": str(callback.party.uuid) if callback.party else None,
        "team": callback.team.slug,
        "product": callback.product.slug if callback.product else None,
        "due_at": callback.due_at.isoformat(),
        "preferred_time": callback.preferred_time,
        "status": callback.status,
    }


def _trail(
    actor: Actor,
    party: Party | None,
    activity: ProcessingActivity | None,
    name: str,
    team: Team | None = None,
    action: str = TrailAction.CHANGED,
) -> None:
    if party is None:
        return
    personal_data_access(
        actor=actor, subject=party, activity=activity, team=team, action=action, name=name
    )


def moment_problems(
    *, channel: str, summary: str, party: Party | None, case: Case | None
) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if channel not in ContactChannel.values:
        problems["kanaal"] = ["Kies het kanaal: telefoon, balie, e-mail, chat, brief, enzovoort."]
    if not summary.strip():
        problems["samenvatting"] = ["Schrijf in een paar woorden waar het contact over ging."]
    elif len(summary) > MAX_SUMMARY:
        problems["samenvatting"] = [f"Gebruik hoogstens {MAX_SUMMARY} tekens."]
    if case is not None and party is not None and case.initiator_id != party.pk:
        problems["zaak"] = ["Deze zaak is niet van de gekozen inwoner of ondernemer."]
    return problems


def callback_problems(*, name: str, phone: str, preferred_time: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not name.strip():
        problems["naam"] = [_("Vul de naam in van wie wij terugbellen.")]
    elif len(name) > 200:
        problems["naam"] = [_("Gebruik hoogstens 200 tekens.")]
    if not PHONE.match(phone.strip()):
        problems["telefoon"] = [_("Vul een telefoonnummer in, bijvoorbeeld 0612345678.")]
    if preferred_time not in TimeOfDay.values:
        problems["moment"] = [_("Kies wanneer wij het beste kunnen bellen.")]
    return problems


def _callback_create(
    *,
    actor: Actor,
    party: Party | None,
    name: str,
    phone: str,
    preferred_time: str,
    question: str,
    product: Product | None,
    case: Case | None,
    team: Team,
    source: ContactMoment | None,
    activity: ProcessingActivity | None,
) -> Callback:
    now = timezone.now()
    callback = Callback.objects.create(
        party=party,
        name=name.strip(),
        phone=phone.strip(),
        preferred_time=preferred_time,
        question=question.strip(),
        product=product,
        case=case,
        team=team,
        due_at=callback_due(now, callback_working_days(product)),
        source=source,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action=audit_actions.CALLBACK_REQUESTED,
        obj=callback,
        after=_snapshot_callback(callback),
    )
    _trail(actor, party, activity, "terugbelverzoek vastgelegd", team)
    outbox_put(
        topic=events.CALLBACK_REQUESTED,
        payload={
            "callback": str(callback.uuid),
            "party": str(party.uuid) if party else None,
            "product": product.name if product else "",
            "due_at": callback.due_at.isoformat(),
            "preferred_time": in_dutch(TimeOfDay(callback.preferred_time).label),
            "phone": callback.phone,
        },
    )
    return callback


@transaction.atomic(durable=True)
def contact_moment_register(
    *,
    actor: Actor,
    activity: ProcessingActivity | None,
    channel: str,
    summary: str,
    answered: bool,
    party: Party | None = None,
    product: Product | None = None,
    case: Case | None = None,
    internal_remark: str = "",
    registered_by: Any = None,
    team: Team | None = None,
    callback: dict[str, str] | None = None,
) -> ContactMoment:
    """Register one contact moment, and a callback when `callback` (name, phone, preferred
    time) is given. A known person needs the purpose the staff member chose. Raises
    ValidationError with every problem at once; then nothing is written."""
    problems = moment_problems(channel=channel, summary=summary, party=party, case=case)
    if party is not None and (activity is None or not activity.active):
        problems["doel"] = ["Kies eerst het doel waarvoor u de gegevens van de persoon gebruikt."]
    callback_team_found: Team | None = None
    if callback is not None:
        problems.update(
            callback_problems(
                name=callback.get("name", ""),
                phone=callback.get("phone", ""),
                preferred_time=callback.get("preferred_time", ""),
            )
        )
        callback_team_found = callback_team(product, team)
        if callback_team_found is None:
            problems["product"] = [
                "Kies het onderwerp (product): daaruit volgt welk team terugbelt."
            ]
    if problems:
        raise ValidationError(problems)
    moment = ContactMoment.objects.create(
        channel=channel,
        party=party,
        product=product,
        case=case,
        summary=summary.strip(),
        answered=answered,
        internal_remark=internal_remark.strip(),
        registered_by=registered_by,
    )
    if callback is not None and callback_team_found is not None:
        moment.callback = _callback_create(
            actor=actor,
            party=party,
            name=callback["name"],
            phone=callback["phone"],
            preferred_time=callback["preferred_time"],
            question=summary,
            product=product,
            case=case,
            team=callback_team_found,
            source=moment,
            activity=activity,
        )
        moment.save(update_fields=["callback"])
    audit_record(
        actor=actor,
        action=audit_actions.CONTACT_MOMENT_REGISTERED,
        obj=moment,
        after=_snapshot_moment(moment),
    )
    channel_name = in_dutch(ContactChannel(moment.channel).label)
    _trail(actor, party, activity, f"contactmoment ({channel_name}) vastgelegd", team)
    outbox_put(
        topic=events.CONTACT_MOMENT_REGISTERED,
        payload={
            "contact_moment": str(moment.uuid),
            "party": str(party.uuid) if party else None,
            "channel": moment.channel,
            "case": case.identification if case else None,
        },
    )
    return moment


@transaction.atomic(durable=True)
def callback_request(
    *,
    actor: Actor,
    party: Party,
    product: Product,
    phone: str,
    preferred_time: str,
    question: str = "",
) -> Callback:
    """ "Laat u terugbellen" from the portal: a callback for the team that owns the product."""
    problems = callback_problems(name=party.name, phone=phone, preferred_time=preferred_time)
    if len(question) > MAX_SUMMARY:
        problems["vraag"] = [_("Gebruik hoogstens %(n)s tekens.") % {"n": MAX_SUMMARY}]
    team = callback_team(product)
    if team is None:
        problems["product"] = [_("Voor dit product kunnen wij u nog niet terugbellen.")]
    if problems or team is None:
        raise ValidationError(problems)
    return _callback_create(
        actor=actor,
        party=party,
        name=party.name,
        phone=phone,
        preferred_time=preferred_time,
        question=question,
        product=product,
        case=None,
        team=team,
        source=None,
        activity=builtin_activity(CONTACT_CENTRE),
    )


class CallbackAlreadyDone(Exception):
    """Someone recorded the outcome already; nothing was changed."""


@transaction.atomic(durable=True)
def callback_complete(
    *, actor: Actor, callback_id: Any, user: Any, outcome: str, answered: bool, reached: bool
) -> Callback:
    """Record the outcome of a callback: it is done, and the call is a contact moment."""
    callback = (
        Callback.objects.select_for_update(of=("self",))
        .select_related("party", "product", "team", "case")
        .get(uuid=callback_id)
    )
    if callback.status != Callback.Status.OPEN:
        raise CallbackAlreadyDone
    problems: dict[str, list[str]] = {}
    if not outcome.strip():
        problems["uitkomst"] = ["Schrijf kort op wat de uitkomst van het gesprek is."]
    elif len(outcome) > MAX_SUMMARY:
        problems["uitkomst"] = [f"Gebruik hoogstens {MAX_SUMMARY} tekens."]
    if problems:
        raise ValidationError(problems)
    before = _snapshot_callback(callback)
    now = timezone.now()
    summary = outcome.strip() if reached else f"Niet bereikt. {outcome.strip()}"
    moment = ContactMoment.objects.create(
        channel=ContactChannel.PHONE,
        party=callback.party,
        product=callback.product,
        case=callback.case,
        summary=summary,
        answered=answered and reached,
        registered_by=user,
        registered_at=now,
        callback=callback,
    )
    callback.status = Callback.Status.DONE
    callback.outcome = summary
    callback.done_at = now
    callback.done_by = user
    callback.outcome_moment = moment
    callback.save(update_fields=["status", "outcome", "done_at", "done_by", "outcome_moment"])
    audit_record(
        actor=actor,
        action=audit_actions.CALLBACK_DONE,
        obj=callback,
        before=before,
        after=_snapshot_callback(callback),
    )
    audit_record(
        actor=actor,
        action=audit_actions.CONTACT_MOMENT_REGISTERED,
        obj=moment,
        after=_snapshot_moment(moment),
    )
    _trail(
        actor,
        callback.party,
        builtin_activity(CONTACT_CENTRE),
        "teruggebeld en uitkomst vastgelegd",
        callback.team,
    )
    outbox_put(
        topic=events.CALLBACK_DONE,
        payload={
            "callback": str(callback.uuid),
            "party": str(callback.party.uuid) if callback.party else None,
            "contact_moment": str(moment.uuid),
        },
    )
    return callback


def _snapshot_coordinator(coordinator: Coordinator) -> dict[str, Any]:
    return {
        "staff": coordinator.staff_id,
        "party": str(coordinator.party.uuid),
        "role": coordinator.role,
        "household": coordinator.household,
        "cases": sorted(case.identification for case in coordinator.cases.all()),
        "ended_at": coordinator.ended_at.isoformat() if coordinator.ended_at else None,
    }


@transaction.atomic(durable=True)
def coordinator_set(
    *,
    actor: Actor,
    activity: ProcessingActivity | None,
    staff: Any,
    party: Party,
    role: str,
    cases: list[Case],
    household: bool,
    phone: str = "",
    email: str = "",
    reachable: str = "",
) -> Coordinator:
    """Name the contact person of a resident's cases; with `household`, of every case of the
    household, replacing the household's previous coordinator ("één regisseur")."""
    problems: dict[str, list[str]] = {}
    if role not in Coordinator.Role.values:
        problems["rol"] = ["Kies de rol: casemanager of regisseur."]
    if not (staff is not None and staff.is_staff):
        problems["medewerker"] = ["Kies een medewerker."]
    if not household and not cases:
        problems["zaken"] = ["Kies de zaken, of kies 'voor het hele huishouden'."]
    if not household and any(case.initiator_id != party.pk for case in cases):
        # A household's coordinator may also cover the cases of the other members.
        problems["zaken"] = ["Kies alleen zaken van deze inwoner, of kies het huishouden."]
    if not phone.strip() and not email.strip():
        problems["bereikbaar"] = ["Vul een telefoonnummer of e-mailadres in."]
    if activity is None or not activity.active:
        problems["doel"] = ["Kies eerst het doel waarvoor u de gegevens van de persoon gebruikt."]
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    if household:
        previous = Coordinator.objects.select_for_update().filter(
            party=party, household=True, ended_at__isnull=True
        )
        for old in previous:
            before = _snapshot_coordinator(old)
            old.ended_at = now
            old.save(update_fields=["ended_at"])
            audit_record(
                actor=actor,
                action=audit_actions.COORDINATOR_ENDED,
                obj=old,
                before=before,
                after=_snapshot_coordinator(old),
            )
    coordinator = Coordinator.objects.create(
        staff=staff,
        party=party,
        role=role,
        display_name=staff.get_full_name() or staff.get_username(),
        phone=phone.strip(),
        email=email.strip(),
        reachable=reachable.strip(),
        household=household,
        created_at=now,
    )
    coordinator.cases.set(cases)
    audit_record(
        actor=actor,
        action=audit_actions.COORDINATOR_SET,
        obj=coordinator,
        after=_snapshot_coordinator(coordinator),
    )
    role = in_dutch(Coordinator.Role(coordinator.role).label).lower()
    _trail(actor, party, activity, f"{role} aangewezen")
    return coordinator


@transaction.atomic(durable=True)
def persons_shown_record(
    *,
    actor: Actor,
    activity: ProcessingActivity | None,
    parties: list[Party],
    name: str,
    team: Team | None = None,
) -> None:
    """A search or a list showed these people: one data-trail record each, for the purpose
    chosen (raises NoPurpose without one, before anything is shown)."""
    for party in {party.pk: party for party in parties}.values():
        personal_data_access(
            actor=actor,
            subject=party,
            activity=activity,
            team=team,
            action=TrailAction.VIEWED,
            name=name,
        )


def contact_centre_activity() -> ProcessingActivity:
    """The platform's own purpose for callbacks and the counter (created on first use)."""
    return builtin_activity(CONTACT_CENTRE)


@transaction.atomic(durable=True)
def appointment_book_for_contact(
    *,
    actor: Actor,
    moment: ContactMoment,
    user: Any,
    product: Any,
    location: Any,
    start: dt.datetime,
    email: str,
) -> tuple[Any, str]:
    """Book an appointment on the person's behalf from their contact moment."""
    if moment.party is None:
        raise ValidationError(
            {"persoon": ["Een afspraak maken kan alleen voor een bekende persoon."]}
        )
    appointment, code = appointment_book(
        actor=actor,
        product=product,
        location=location,
        start=start,
        name=moment.party.name,
        email=email,
        party=moment.party,
        booked_by=user,
    )
    moment.appointment = appointment
    moment.save(update_fields=["appointment"])
    _trail(
        actor,
        moment.party,
        contact_centre_activity(),
        f"afspraak {product.name} gemaakt namens de inwoner",
    )
    return appointment, code
