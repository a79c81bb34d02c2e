# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Klantinteracties API on the contact context's own rows.

A klantcontact is a `ContactMoment`, its betrokkene the moment's party (with the names in
`KlantcontactDetails`), its onderwerpobject the moment's case, an interne taak a `Callback`.
Each function is one use case: it writes the rows, an audit entry, the data trail of the
person concerned (no purpose, no access) and the outbox rows, in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.catalog.models import Product
from plus1.contact import audit_actions, events
from plus1.contact.klantinteracties_models import (
    DigitalAddress,
    InterneTaakDetails,
    KlantcontactDetails,
)
from plus1.contact.models import Callback, ContactMoment, TimeOfDay, in_dutch
from plus1.contact.moment_services import callback_due, callback_working_days
from plus1.events.services import outbox_put
from plus1.identity import services as identity_services
from plus1.identity.models import Party, Team
from plus1.privacy.builtin import CONTACT_CENTRE, builtin_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services.trail import personal_data_many_access

DETAIL_FIELDS = (
    "subject",
    "response",
    "language",
    "confidential",
    "reference",
    "contact_succeeded",
)
BETROKKENE_FIELDS = (
    "role",
    "initiator",
    "initials",
    "first_name",
    "surname_prefix",
    "surname",
    "organisation_name",
)


def trail(*, actor: Actor, parties: list[Party], name: str, changed: bool = False) -> None:
    """Record in each person's data trail that the API showed or changed their data."""
    personal_data_many_access(
        actor=actor,
        subjects=parties,
        action=TrailAction.CHANGED if changed else TrailAction.VIEWED,
        name=name,
        activity=builtin_activity(CONTACT_CENTRE),
    )


def _details(moment: ContactMoment) -> KlantcontactDetails:
    details, _ = KlantcontactDetails.objects.get_or_create(contact_moment=moment)
    return details


def _snapshot(moment: ContactMoment) -> dict[str, Any]:
    return {
        "channel": moment.channel,
        "party": str(moment.party.uuid) if moment.party else None,
        "case": str(moment.case.uuid) if moment.case else None,
        "product": moment.product.slug if moment.product else None,
        "answered": moment.answered,
    }


@transaction.atomic(durable=True)
def klantcontact_register(
    *,
    actor: Actor,
    values: dict[str, Any],
    details: dict[str, Any],
    product: Product | None = None,
) -> ContactMoment:
    """A contact moment registered by a contact-centre system (KISS and the like)."""
    return _register(actor, values, details, product)


@transaction.atomic(durable=True)
def klantcontact_make(
    *,
    actor: Actor,
    values: dict[str, Any],
    details: dict[str, Any],
    product: Product | None = None,
    betrokkene: dict[str, Any] | None = None,
    party: Party | None = None,
    case: Case | None = None,
) -> ContactMoment:
    """`maak-klantcontact`: the contact moment with its betrokkene and its zaak at once.
    Every problem is found before anything is written."""
    _case_of_party(case, party, "onderwerpobject")
    moment = _register(actor, values, details, product, party=party, case=case)
    if betrokkene is not None:
        _set_betrokkene(actor, moment, party, betrokkene, replace=False)
    if case is not None:
        _set_case(actor, moment, case)
    return moment


def _register(
    actor: Actor,
    values: dict[str, Any],
    details: dict[str, Any],
    product: Product | None,
    party: Party | None = None,
    case: Case | None = None,
) -> ContactMoment:
    """The contact moment; `party` and `case` (set right after, in maak-klantcontact) are
    only named in the event."""
    moment = ContactMoment.objects.create(product=product, **values)
    KlantcontactDetails.objects.create(contact_moment=moment, **details)
    audit_record(
        actor=actor,
        action=audit_actions.CONTACT_MOMENT_REGISTERED,
        obj=moment,
        after=_snapshot(moment) | {"subject": details.get("subject", "")},
    )
    outbox_put(
        topic=events.CONTACT_MOMENT_REGISTERED,
        payload={
            "contact_moment": str(moment.uuid),
            "party": str(party.uuid) if party else None,  # else its own request follows
            "channel": moment.channel,
            "case": case.identification if case else None,
        },
    )
    return moment


@transaction.atomic(durable=True)
def klantcontact_update(
    *,
    actor: Actor,
    moment: ContactMoment,
    values: dict[str, Any],
    details: dict[str, Any],
    product: Product | None = None,
) -> ContactMoment:
    moment = ContactMoment.objects.select_for_update(of=("self",)).get(pk=moment.pk)
    before = _snapshot(moment)
    for name, value in values.items():
        setattr(moment, name, value)
    if product is not None:
        moment.product = product
    moment.save()
    row = _details(moment)
    for name, value in details.items():
        setattr(row, name, value)
    row.save()
    audit_record(
        actor=actor,
        action=audit_actions.KLANTCONTACT_UPDATED,
        obj=moment,
        before=before,
        after=_snapshot(moment),
    )
    if moment.party:
        trail(actor=actor, parties=[moment.party], name="klantcontact gewijzigd", changed=True)
    return moment


@transaction.atomic(durable=True)
def betrokkene_set(
    *,
    actor: Actor,
    moment: ContactMoment,
    party: Party | None,
    values: dict[str, Any],
    replace: bool = False,
) -> ContactMoment:
    """The one betrokkene of a contact moment: a known party, or only a name (anonymous)."""
    return _set_betrokkene(actor, moment, party, values, replace)


def _set_betrokkene(
    actor: Actor,
    moment: ContactMoment,
    party: Party | None,
    values: dict[str, Any],
    replace: bool,
) -> ContactMoment:
    moment = ContactMoment.objects.select_for_update(of=("self",)).get(pk=moment.pk)
    row = _details(moment)
    if not replace and (row.has_betrokkene or moment.party_id):
        raise ValidationError(
            {
                "hadKlantcontact": ValidationError(
                    "Dit klantcontact heeft al een betrokkene; Plus1 legt één betrokkene "
                    "per klantcontact vast.",
                    code="unique",
                )
            }
        )
    _case_of_party(moment.case, party, "wasPartij")
    before = _snapshot(moment)
    moment.party = party
    moment.save(update_fields=["party"])
    row.has_betrokkene = True
    for name in BETROKKENE_FIELDS:
        if name in values:
            setattr(row, name, values[name])
    row.save()
    _betrokkene_recorded(actor, audit_actions.BETROKKENE_SET, moment, before, party, "vastgelegd")
    return moment


@transaction.atomic(durable=True)
def betrokkene_remove(*, actor: Actor, moment: ContactMoment) -> None:
    moment = ContactMoment.objects.select_for_update(of=("self",)).get(pk=moment.pk)
    before, party = _snapshot(moment), moment.party
    moment.party = None
    moment.save(update_fields=["party"])
    row = _details(moment)
    row.has_betrokkene = False
    for name in BETROKKENE_FIELDS[2:]:
        setattr(row, name, "")
    row.save()
    moment.digital_addresses.all().delete()
    _betrokkene_recorded(
        actor, audit_actions.BETROKKENE_REMOVED, moment, before, party, "verwijderd"
    )


def _betrokkene_recorded(
    actor: Actor,
    action: str,
    moment: ContactMoment,
    before: dict[str, Any],
    party: Party | None,
    done: str,
) -> None:
    """The audit entry of a betrokkene change, and the party's data trail."""
    audit_record(actor=actor, action=action, obj=moment, before=before, after=_snapshot(moment))
    if party is not None:
        trail(
            actor=actor, parties=[party], name=f"betrokkene bij klantcontact {done}", changed=True
        )


def _case_of_party(case: Case | None, party: Party | None, field: str) -> None:
    """A contact moment's case is its party's own, as at the counter (moment_problems); a
    zaak without initiator (registered through the Zaken API without one) is allowed."""
    if case is None or party is None or case.initiator_id is None:
        return
    if case.initiator_id != party.pk:
        raise ValidationError(
            {
                field: ValidationError(
                    "Deze zaak is niet van de betrokken inwoner of ondernemer.", code="invalid"
                )
            }
        )


@transaction.atomic(durable=True)
def onderwerpobject_set(*, actor: Actor, moment: ContactMoment, case: Case | None) -> None:
    """What the contact was about: the case (None removes it)."""
    _set_case(actor, moment, case)


def _set_case(actor: Actor, moment: ContactMoment, case: Case | None) -> None:
    moment = ContactMoment.objects.select_for_update(of=("self",)).get(pk=moment.pk)
    _case_of_party(case, moment.party, "klantcontact")
    before = _snapshot(moment)
    moment.case = case
    moment.save(update_fields=["case"])
    audit_record(
        actor=actor,
        action=audit_actions.ONDERWERPOBJECT_SET if case else audit_actions.ONDERWERPOBJECT_REMOVED,
        obj=moment,
        before=before,
        after=_snapshot(moment),
    )


@transaction.atomic(durable=True)
def klantcontact_staff_set(*, actor: Actor, moment: ContactMoment, user: User | None) -> None:
    """The staff member who had the contact (actorklantcontact); None removes the link."""
    moment = ContactMoment.objects.select_for_update(of=("self",)).get(pk=moment.pk)
    if user is not None and moment.registered_by_id not in (None, user.pk):
        raise ValidationError(
            {
                "klantcontact": ValidationError(
                    "Bij dit klantcontact is al een medewerker vastgelegd; Plus1 legt één "
                    "medewerker per klantcontact vast.",
                    code="unique",
                )
            }
        )
    before = _snapshot(moment) | {"registered_by": moment.registered_by_id}
    moment.registered_by = user
    moment.save(update_fields=["registered_by"])
    audit_record(
        actor=actor,
        action=audit_actions.KLANTCONTACT_UPDATED,
        obj=moment,
        before=before,
        after=_snapshot(moment) | {"registered_by": moment.registered_by_id},
    )


def _callback_snapshot(callback: Callback) -> dict[str, Any]:
    return {
        "team": callback.team.slug,
        "status": callback.status,
        "due_at": callback.due_at.isoformat(),
        "source": str(callback.source.uuid) if callback.source else None,
    }


@transaction.atomic(durable=True)
def interne_taak_create(
    *,
    actor: Actor,
    moment: ContactMoment,
    team: Team,
    question: str,
    details: dict[str, Any],
) -> Callback:
    """A callback for `team`, asked for in `moment`: who and which number come from the
    moment's betrokkene (its party, or the name and phone number given in the contact)."""
    moment = (
        ContactMoment.objects.select_for_update(of=("self",))
        .select_related("party", "product", "case")
        .get(pk=moment.pk)
    )
    name, phone = _who_to_call(moment)
    problems = {}
    if not name:
        problems["aanleidinggevendKlantcontact"] = ValidationError(
            "Het klantcontact heeft geen betrokkene met een naam: wie moet worden teruggebeld?",
            code="no-betrokkene",
        )
    if not phone:
        problems["toelichting"] = ValidationError(
            "Er is geen telefoonnummer bekend: geef de betrokkene een digitaal adres van soort "
            "telefoonnummer.",
            code="no-phone",
        )
    if problems:
        raise ValidationError(problems)
    callback = Callback.objects.create(
        party=moment.party,
        name=name,
        phone=phone,
        question=question,
        product=moment.product,
        case=moment.case,
        team=team,
        due_at=callback_due(timezone.now(), callback_working_days(moment.product)),
        source=moment,
    )
    InterneTaakDetails.objects.create(callback=callback, **details)
    if moment.callback_id is None:
        moment.callback = callback
        moment.save(update_fields=["callback"])
    audit_record(
        actor=actor,
        action=audit_actions.CALLBACK_REQUESTED,
        obj=callback,
        after=_callback_snapshot(callback),
    )
    outbox_put(  # the same event as a callback asked for at the counter or in the portal
        topic=events.CALLBACK_REQUESTED,
        payload={
            "callback": str(callback.uuid),
            "party": str(moment.party.uuid) if moment.party else None,
            "product": moment.product.name if moment.product else "",
            "due_at": callback.due_at.isoformat(),
            "preferred_time": in_dutch(TimeOfDay(callback.preferred_time).label),
            "phone": callback.phone,
        },
    )
    if moment.party:
        trail(actor=actor, parties=[moment.party], name="terugbelverzoek aangemaakt", changed=True)
    return callback


def _who_to_call(moment: ContactMoment) -> tuple[str, str]:
    details = KlantcontactDetails.objects.filter(contact_moment=moment).first()
    name = (details.contact_name if details else "") or (moment.party.name if moment.party else "")
    phones = DigitalAddress.objects.filter(kind=DigitalAddress.Kind.PHONE)
    phone = phones.filter(contact_moment=moment).values_list("address", flat=True).first()
    if not phone and moment.party:
        phone = (
            phones.filter(party=moment.party)
            .order_by("-is_default", "pk")
            .values_list("address", flat=True)
            .first()
            or moment.party.phone
        )
    return name, phone or ""


@transaction.atomic(durable=True)
def interne_taak_update(
    *,
    actor: Actor,
    callback: Callback,
    values: dict[str, Any],
    details: dict[str, Any],
    done: bool | None,
    done_at: dt.datetime | None = None,
    done_by: User | None = None,
) -> Callback:
    """Change a callback; `done` True closes it (verwerkt), False opens it again."""
    callback = (
        Callback.objects.select_for_update(of=("self",)).select_related("team").get(pk=callback.pk)
    )
    before = _callback_snapshot(callback)
    for name, value in values.items():
        setattr(callback, name, value)
    if done is True and callback.status != Callback.Status.DONE:
        callback.status = Callback.Status.DONE
        callback.done_at = done_at or timezone.now()
        callback.done_by = done_by
    elif done is False:
        callback.status, callback.done_at, callback.done_by = Callback.Status.OPEN, None, None
    callback.save()
    row, _ = InterneTaakDetails.objects.get_or_create(callback=callback)
    for name, value in details.items():
        setattr(row, name, value)
    row.save()
    closed = done is True and before["status"] != Callback.Status.DONE
    audit_record(
        actor=actor,
        action=audit_actions.CALLBACK_DONE if closed else audit_actions.INTERNE_TAAK_UPDATED,
        obj=callback,
        before=before,
        after=_callback_snapshot(callback),
    )
    if closed:
        outbox_put(
            topic=events.CALLBACK_DONE,
            payload={
                "callback": str(callback.uuid),
                "party": str(callback.party.uuid) if callback.party else None,
                "contact_moment": None,  # through the API the call is a klantcontact of its own
            },
        )
    if callback.party:
        trail(actor=actor, parties=[callback.party], name="terugbelverzoek gewijzigd", changed=True)
    return callback


@transaction.atomic(durable=True)
def partij_register(
    *, actor: Actor, bsn: str = "", kvk_number: str = "", name: str, email: str = ""
) -> Party:
    """A resident (by BSN) or business (by KVK number) the contact centre spoke with."""
    if bsn:
        party = identity_services.resident_register(actor=actor, bsn=bsn, name=name, email=email)
    else:
        party = identity_services.business_register(
            actor=actor, kvk_number=kvk_number, name=name, email=email
        )
    trail(actor=actor, parties=[party], name="partij vastgelegd", changed=True)
    return party


def _address_snapshot(address: DigitalAddress) -> dict[str, Any]:
    return {
        "kind": address.kind,
        "party": str(address.party.uuid) if address.party else None,
        "contact_moment": str(address.contact_moment.uuid) if address.contact_moment else None,
        "is_default": address.is_default,
    }


def _owner(address: DigitalAddress) -> list[Party]:
    owner = address.party or (address.contact_moment.party if address.contact_moment else None)
    return [owner] if owner else []


@transaction.atomic(durable=True)
def digital_address_add(*, actor: Actor, values: dict[str, Any]) -> DigitalAddress:
    address = DigitalAddress.objects.create(**values)
    audit_record(
        actor=actor,
        action=audit_actions.DIGITAL_ADDRESS_ADDED,
        obj=address,
        after=_address_snapshot(address),
    )
    trail(actor=actor, parties=_owner(address), name="digitaal adres vastgelegd", changed=True)
    return address


@transaction.atomic(durable=True)
def digital_address_change(
    *, actor: Actor, address: DigitalAddress, values: dict[str, Any]
) -> DigitalAddress:
    address = DigitalAddress.objects.select_for_update(of=("self",)).get(pk=address.pk)
    before = _address_snapshot(address)
    for name, value in values.items():
        setattr(address, name, value)
    address.save()
    audit_record(
        actor=actor,
        action=audit_actions.DIGITAL_ADDRESS_CHANGED,
        obj=address,
        before=before,
        after=_address_snapshot(address),
    )
    trail(actor=actor, parties=_owner(address), name="digitaal adres gewijzigd", changed=True)
    return address


@transaction.atomic(durable=True)
def digital_address_remove(*, actor: Actor, address: DigitalAddress) -> None:
    before, owners = _address_snapshot(address), _owner(address)
    audit_record(
        actor=actor, action=audit_actions.DIGITAL_ADDRESS_REMOVED, obj=address, before=before
    )
    address.delete()
    trail(actor=actor, parties=owners, name="digitaal adres verwijderd", changed=True)
