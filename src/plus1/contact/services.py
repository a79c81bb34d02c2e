# SPDX-License-Identifier: EUPL-1.2
"""Booking, moving and cancelling appointments. Each is one transaction with audit and outbox.

No double booking: every booking locks the row of its slot (location, product, start) before
counting the places taken, so concurrent bookings of one slot queue up and the ones that find
it full are refused. On PostgreSQL that is SELECT … FOR UPDATE; SQLite runs its transactions
IMMEDIATE (settings), so writers queue on the database lock and see each other's bookings.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from plus1.audit.services import Actor, audit_record
from plus1.contact import audit_actions, events, ratelimit
from plus1.contact.models import Appointment, AppointmentProduct, Location, Slot
from plus1.contact.selectors import (
    ACTIVE,
    appointment_by_code,
    cancel_code_hash,
    counter_of,
    location_closed_on,
    slot_starts,
)
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_put
from plus1.identity.models import Party
from plus1.privacy.builtin import CONTACT_CENTRE, builtin_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access

REMINDER_TIME = dt.time(9, 0)  # the reminder goes out at 9:00 the day before

RATE_LIMIT_MESSAGE = gettext_noop(
    "U heeft het afgelopen uur al {limit} afspraken gemaakt zonder in te loggen. "
    "Probeer het over een uur opnieuw, of log in met DigiD om meteen verder te gaan."
)
FULL_MESSAGE = gettext_noop("Dit tijdstip is net vol geraakt. Kies een ander tijdstip.")


class SlotFull(Exception):
    def __init__(self) -> None:
        super().__init__(_(FULL_MESSAGE))


class AppointmentNotFound(Exception):
    """No appointment with this id and cancel code (which of the two is wrong stays unsaid)."""


class BookingRateLimited(Exception):
    pass


def _problems(
    product: AppointmentProduct, location: Location, start: dt.datetime, name: str, email: str
) -> dict[str, list[str]]:
    """Every problem with a booking at once."""
    problems = person_problems(name=name, email=email)
    problems.update(start_problems(product, location, start))
    return problems


def person_problems(*, name: str, email: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not name.strip():
        problems["naam"] = [_("Vul uw naam in.")]
    elif len(name) > 200:
        problems["naam"] = [_("Gebruik hoogstens 200 tekens.")]
    try:
        validate_email(email)
    except ValidationError:
        problems["email"] = [_("Vul een e-mailadres in zoals naam@voorbeeld.nl.")]
    return problems


def start_problems(
    product: AppointmentProduct, location: Location, start: dt.datetime
) -> dict[str, list[str]]:
    """Why this is not a start that can be booked (past, closed, outside opening hours)."""
    local = timezone.localtime(start)
    reasons = []
    if start <= timezone.now():
        reasons.append(_("Dit tijdstip is al voorbij. Kies een tijdstip in de toekomst."))
    if counter_of(product, location) is None:
        reasons.append(
            _("Voor {product} kunt u niet terecht bij {location}.").format(
                product=product.name, location=location.name
            )
        )
    elif location_closed_on(location, local.date()):
        reasons.append(
            _("{location} is op {day} gesloten. Kies een andere dag.").format(
                location=location.name, day=f"{local:%d-%m-%Y}"
            )
        )
    elif local not in slot_starts(product, location, local.date()):
        reasons.append(
            _(
                "{location} is dan niet open voor {product}, of dit is geen begintijd "
                "van een tijdslot. Kies een van de getoonde tijden."
            ).format(location=location.name, product=product.name)
        )
    return {"start": reasons} if reasons else {}


def _take_place(product: AppointmentProduct, location: Location, start: dt.datetime) -> Slot:
    """Lock the slot (creating its row the first time) and check that a place is left."""
    Slot.objects.bulk_create(
        [Slot(location=location, product=product, start=start)], ignore_conflicts=True
    )
    slot = Slot.objects.select_for_update().get(location=location, product=product, start=start)
    counter = counter_of(product, location)
    taken = Appointment.objects.filter(slot=slot, status__in=ACTIVE).count()
    if counter is None or taken >= counter.places:
        raise SlotFull
    return slot


def _snapshot(appointment: Appointment) -> dict[str, Any]:
    return {
        "product": appointment.product.slug,
        "location": appointment.location.slug,
        "start": appointment.start.isoformat(),
        "status": appointment.status,
    }


def reminder_at(start: dt.datetime) -> dt.datetime:
    """9:00 on the day before the appointment, local time."""
    day = timezone.localtime(start).date() - dt.timedelta(days=1)
    return dt.datetime.combine(day, REMINDER_TIME, tzinfo=timezone.get_current_timezone())


def _schedule_reminder(appointment: Appointment) -> None:
    """Queue the day-before reminder now; the worker delivers it when it becomes available.
    An appointment made after that moment gets no reminder (its confirmation is fresh).
    A moved or cancelled appointment's old reminder is skipped by the consumer (the payload
    names the start it was for)."""
    when = reminder_at(appointment.start)
    if when <= timezone.now():
        return
    rows = outbox_put(
        topic=events.APPOINTMENT_REMINDER,
        payload={"appointment": str(appointment.uuid), "start": appointment.start.isoformat()},
    )
    if rows:
        OutboxMessage.objects.filter(event_id=rows[0].event_id).update(available_at=when)


def _confirm(appointment: Appointment, kind: str, code: str = "") -> None:
    """The confirmation message to the resident, through the outbox (never lost)."""
    outbox_put(
        topic=events.APPOINTMENT_CONFIRMATION,
        payload={"appointment": str(appointment.uuid), "kind": kind, "code": code},
    )


@transaction.atomic
def appointment_book(
    *,
    actor: Actor,
    product: AppointmentProduct,
    location: Location,
    start: dt.datetime,
    name: str,
    email: str,
    party: Party | None = None,
    client: str | None = None,
    booked_by: Any = None,
) -> tuple[Appointment, str]:
    """Book a place; returns the appointment and its cancel code (only its hash is stored).

    client identifies an anonymous booker for the rate limit (None when logged in).
    Raises BookingRateLimited, ValidationError (every problem) or SlotFull; all write nothing.
    """
    if client is not None and not ratelimit.booking_allowed(client):
        raise BookingRateLimited(_(RATE_LIMIT_MESSAGE).format(limit=ratelimit.limit()))
    problems = _problems(product, location, start, name, email)
    if problems:
        raise ValidationError(problems)
    slot = _take_place(product, location, start)
    code = secrets.token_urlsafe(12)
    appointment = Appointment.objects.create(
        product=product,
        location=location,
        slot=slot,
        start=start,
        end=start + dt.timedelta(minutes=product.duration_minutes),
        name=name.strip(),
        email=email.strip(),
        party=party,
        cancel_code_hash=cancel_code_hash(code),
        booked_by=booked_by,
    )
    audit_record(
        actor=actor,
        action=audit_actions.APPOINTMENT_BOOKED,
        obj=appointment,
        after=_snapshot(appointment),
    )
    _confirm(appointment, "booked", code)
    _schedule_reminder(appointment)
    if client is not None:
        ratelimit.booking_count(client)
    return appointment, code


def _locked(appointment_id: Any, code: str) -> Appointment:
    found = appointment_by_code(appointment_id, code)
    if found is None:
        raise AppointmentNotFound
    locked = Appointment.objects.select_for_update().select_related("product", "location")
    appointment = locked.get(pk=found.pk)
    if appointment.status == Appointment.Status.CANCELLED:  # also when cancelled just now
        raise AppointmentNotFound
    return appointment


@transaction.atomic
def appointment_cancel(*, actor: Actor, appointment_id: Any, code: str) -> Appointment:
    """Cancel with the code from the confirmation. Raises AppointmentNotFound: nothing changes."""
    appointment = _locked(appointment_id, code)
    before = _snapshot(appointment)
    appointment.status = Appointment.Status.CANCELLED
    appointment.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=audit_actions.APPOINTMENT_CANCELLED,
        obj=appointment,
        before=before,
        after=_snapshot(appointment),
    )
    _confirm(appointment, "cancelled")
    return appointment


@transaction.atomic
def appointment_reschedule(
    *, actor: Actor, appointment_id: Any, code: str, start: dt.datetime
) -> Appointment:
    """Move to another start of the same product and location, if a place is left there."""
    appointment = _locked(appointment_id, code)
    if appointment.status != Appointment.Status.BOOKED:
        raise ValidationError({"start": [_("U bent al aangemeld; deze afspraak kan niet meer.")]})
    problems = start_problems(appointment.product, appointment.location, start)
    if problems:
        raise ValidationError(problems)
    before = _snapshot(appointment)
    if start != appointment.start:
        appointment.slot = _take_place(appointment.product, appointment.location, start)
    appointment.start = start
    appointment.end = start + dt.timedelta(minutes=appointment.product.duration_minutes)
    appointment.save(update_fields=["slot", "start", "end"])
    audit_record(
        actor=actor,
        action=audit_actions.APPOINTMENT_RESCHEDULED,
        obj=appointment,
        before=before,
        after=_snapshot(appointment),
    )
    _confirm(appointment, "rescheduled")
    _schedule_reminder(appointment)
    return appointment


class AlreadyCheckedIn(Exception):
    pass


@transaction.atomic(durable=True)
def appointment_check_in(*, actor: Actor, appointment_id: Any) -> Appointment:
    """The resident arrived at the counter. Raises AppointmentNotFound for a cancelled one."""
    appointment = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("product", "location", "party")
        .filter(uuid=appointment_id)
        .first()
    )
    if appointment is None or appointment.status == Appointment.Status.CANCELLED:
        raise AppointmentNotFound
    if appointment.status == Appointment.Status.CHECKED_IN:
        raise AlreadyCheckedIn
    before = _snapshot(appointment)
    appointment.status = Appointment.Status.CHECKED_IN
    appointment.checked_in_at = timezone.now()
    appointment.save(update_fields=["status", "checked_in_at"])
    audit_record(
        actor=actor,
        action=audit_actions.APPOINTMENT_CHECKED_IN,
        obj=appointment,
        before=before,
        after=_snapshot(appointment),
    )
    if appointment.party is not None:
        personal_data_access(
            actor=actor,
            subject=appointment.party,
            activity=builtin_activity(CONTACT_CENTRE),
            action=TrailAction.CHANGED,
            name=f"aangemeld aan de balie voor {appointment.product.name}",
        )
    return appointment


@transaction.atomic(durable=True)
def appointment_refusal_record(*, actor: Actor, party: Party | None, what: str) -> None:
    """A refused booking, move or cancellation of a known person, in their data trail
    (the refused change itself wrote nothing)."""
    if party is None:
        return
    personal_data_access(
        actor=actor,
        subject=party,
        activity=builtin_activity(CONTACT_CENTRE),
        action=TrailAction.CHANGED,
        name=f"geweigerd: {what}",
        refused=True,
    )
