# SPDX-License-Identifier: EUPL-1.2
"""Messages to residents: queue (kept for Mijn berichten, sent through the outbox), send
(with fallback to the next channel), bounce, read, and the channel preference with its
verification code.

Queueing writes the message, an audit entry, the recipient's data trail and the outbox
row in the caller's transaction (the consumer's effect_once). Sending runs in the outbox
worker: a backend that is down leaves the message queued and the row is retried with
backoff; after MESSAGE_CHANNEL_ATTEMPTS tries, or at once when the address is refused, the
next channel is tried; the last channel failing marks the message failed with its reason.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.catalog.models import CaseType
from plus1.contact import audit_actions, events, message_texts
from plus1.contact.channels import SENDERS, Refused
from plus1.contact.message_models import Channel, ChannelPreference, Message
from plus1.events.services import Delivery, effect_once, outbox_put
from plus1.identity.models import Party
from plus1.privacy.builtin import MESSAGES, builtin_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access

SYSTEM = Actor.system("berichten")
Route = list[tuple[str, str]]  # (channel, address), the first one tried first
ORDER = [Channel.EMAIL, Channel.SMS, Channel.LETTER]
CODE_MINUTES = 30
CODE_TRIES = 5
MOBILE = re.compile(r"^(\+316|00316|06)\d{8}$")


# --- where a message goes -----------------------------------------------------------------


def _from_forms(party: Party) -> dict[str, str]:
    """The e-mail address and phone number the person last gave on a form."""
    found: dict[str, str] = {}
    cases = Case.objects.filter(initiator=party).order_by("-pk").values_list("form_data", flat=True)
    for data in cases[:20]:
        if not isinstance(data, dict):
            continue
        if "email" not in found and str(data.get("email", "")).strip():
            found["email"] = str(data["email"]).strip()
        if "sms" not in found and str(data.get("telefoon", "")).strip():
            found["sms"] = str(data["telefoon"]).strip()
    return found


def addresses_of(party: Party) -> tuple[str, dict[str, str]]:
    """The preferred channel and an address per channel: the verified preference first,
    else what is known of the party, else what they gave on their forms."""
    forms = _from_forms(party)
    known = {
        Channel.EMAIL.value: party.email or forms.get("email", ""),
        Channel.SMS.value: party.phone or forms.get("sms", ""),
        Channel.LETTER.value: "",
    }
    preference = ChannelPreference.objects.filter(party=party).first()
    if preference is None:
        return Channel.EMAIL.value, known
    for channel, address in (
        (Channel.EMAIL, preference.email),
        (Channel.SMS, preference.phone),
        (Channel.LETTER, preference.postal_address),
    ):
        if address:
            known[channel.value] = address
    return preference.channel, known


def route_for(party: Party | None, *, first: tuple[str, str] | None = None) -> Route:
    """The channels to try, in order: `first` (an address given for this one occasion),
    then the preferred channel, then the others that have an address."""
    route: Route = [first] if first and first[1] else []
    if party is not None:
        preferred, known = addresses_of(party)
        for channel in [preferred, *[c.value for c in ORDER if c.value != preferred]]:
            if known.get(channel) and (channel, known[channel]) not in route:
                route.append((channel, known[channel]))
    return route


# --- queueing -----------------------------------------------------------------------------


def message_queue(
    *,
    event: str,
    values: dict[str, str],
    recipient: Party | None,
    route: Route,
    case: Case | None = None,
    case_type: CaseType | None = None,
    name: str = "",
    attachments: Iterable[dict[str, str]] = (),
    listed: bool = True,
) -> Message:
    """Keep the message and queue it for sending. Runs in the caller's transaction."""
    name = name or (recipient.name if recipient else "")
    values = {"gemeente": settings.MUNICIPALITY_NAME, "naam": name, **values}
    text = message_texts.render(event, values, case_type or (case.case_type if case else None))
    channel, address = route[0] if route else (Channel.EMAIL.value, "")
    message = Message.objects.create(
        recipient=recipient,
        recipient_name=name,
        case=case,
        event=event,
        subject=text.subject[:300],
        body=text.body,
        sms_text=text.sms[:320],
        link=values.get("link", ""),
        channel=channel,
        address=address,
        fallbacks=[list(step) for step in route[1:]],
        attachments=list(attachments),
        listed=listed,
    )
    audit_record(
        actor=SYSTEM,
        action=audit_actions.MESSAGE_QUEUED,
        obj=message,
        after={"event": event, "channel": channel, "case": case.identification if case else ""},
    )
    if recipient is not None:
        personal_data_access(
            actor=SYSTEM,
            subject=recipient,
            action=TrailAction.SENT,
            name=f"Bericht: {_trail_name(event, message.subject)}",
            activity=builtin_activity(MESSAGES),
            case=case,
        )
    outbox_put(topic=events.MESSAGE_QUEUED, payload={"message": str(message.uuid)})
    return message


def _trail_name(event: str, subject: str) -> str:
    """What the data trail says was sent: the subject, but never a verification code."""
    if event == message_texts.VERIFICATION:
        return message_texts.EVENTS[event][0]
    return subject


# --- sending (the outbox consumer of MESSAGE_QUEUED) --------------------------------------


# What sending changes (never read_at, which the recipient may set meanwhile).
SEND_FIELDS = [
    "status", "sent_at", "provider_reference", "letter", "reason", "history",
    "channel", "address", "fallbacks", "attempts",
]  # fmt: skip


def _step(message: Message, outcome: str, reason: str = "") -> None:
    message.history = [
        *message.history,
        {
            "at": timezone.now().isoformat(),
            "channel": message.channel,
            "outcome": outcome,
            "reason": reason,
        },
    ]


def _next_channel(message: Message) -> bool:
    """Move on to the next channel; False when there is none (the message has failed)."""
    if not message.fallbacks:
        message.status = Message.Status.FAILED
        return False
    channel, address = message.fallbacks[0]
    message.channel, message.address, message.fallbacks = channel, address, message.fallbacks[1:]
    message.attempts = 0
    return True


def _sent(message: Message, reference: str) -> None:
    message.status = Message.Status.SENT
    message.sent_at = timezone.now()
    message.provider_reference = reference
    if message.channel == Channel.LETTER:
        message.letter = reference
    message.reason = ""
    _step(message, "verstuurd")
    message.save(update_fields=SEND_FIELDS)


def _send_with(message: Message, sender: Callable[[Message], str]) -> None:
    _sent(message, sender(message))


def message_send(delivery: Delivery) -> None:
    """Send a queued message by its channel; retried by the outbox while a backend is down."""
    message = Message.objects.filter(uuid=delivery.payload["message"]).first()
    while message is not None and message.status == Message.Status.QUEUED:
        current = message
        try:
            if not current.address:
                raise Refused(f"Geen adres bekend voor {current.get_channel_display().lower()}.")
            sender = SENDERS[Channel(current.channel)]
            effect_once(
                key=f"message:{current.uuid}:{current.channel}:{current.address}",
                effect=partial(_send_with, current, sender),
            )
            return
        except Refused as exc:
            _step(current, "geweigerd", str(exc))
            current.reason = str(exc)
            moved = _next_channel(current)
            current.save(update_fields=SEND_FIELDS)
            if not moved:
                return
        except Exception as exc:
            current.attempts += 1
            reason = f"{current.get_channel_display()} lukt nu niet: {exc}"[:1000]
            _step(current, "nog niet gelukt", reason)
            current.reason = reason
            fall_back = current.attempts >= settings.MESSAGE_CHANNEL_ATTEMPTS and bool(
                current.fallbacks
            )
            if fall_back:
                _next_channel(current)
            current.save(update_fields=SEND_FIELDS)
            if not fall_back:
                raise  # the outbox retries this row with backoff; the message stays queued
        message = current


@transaction.atomic
def message_bounce(*, reference: str, reason: str) -> Message | None:
    """A backend reports that a sent message did not arrive: try the next channel, or mark
    it bounced. `reference` is the message's uuid or the provider's reference."""
    rows = Message.objects.select_for_update()
    message = rows.filter(provider_reference=reference).first()
    if message is None and _is_uuid(reference):
        message = rows.filter(uuid=reference).first()
    if message is None or message.status != Message.Status.SENT:
        return None
    reason = reason.strip() or "Het bericht is niet aangekomen."
    _step(message, "niet aangekomen", reason)
    message.reason = reason
    before = {"status": message.status, "channel": message.channel}
    if _next_channel(message):
        message.status = Message.Status.QUEUED
        outbox_put(topic=events.MESSAGE_QUEUED, payload={"message": str(message.uuid)})
    else:
        message.status = Message.Status.BOUNCED
    message.save(update_fields=SEND_FIELDS)
    audit_record(
        actor=SYSTEM,
        action=audit_actions.MESSAGE_BOUNCED,
        obj=message,
        before=before,
        after={"status": message.status, "channel": message.channel, "reason": reason},
    )
    return message


def _is_uuid(value: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-fA-F-]{36}", value))


@transaction.atomic(durable=True)
def message_read(*, actor: Actor, party: Party, message: Message) -> Message:
    """The recipient opened the message (only the first time is recorded)."""
    row = Message.objects.select_for_update().get(pk=message.pk, recipient=party)
    if row.read_at is None:
        row.read_at = timezone.now()
        row.save(update_fields=["read_at"])
        audit_record(actor=actor, action=audit_actions.MESSAGE_READ, obj=row)
    return row


# --- channel preference -------------------------------------------------------------------


def _code_hash(party: Party, code: str) -> str:
    return salted_hmac("plus1.contact.channel-code", f"{party.uuid}:{code}").hexdigest()


def address_problems(channel: str, address: str) -> dict[str, list[str]]:
    if channel not in Channel.values:
        return {"kanaal": ["Kies hoe u berichten wilt krijgen: e-mail, sms of brief."]}
    if channel == Channel.EMAIL:
        try:
            validate_email(address)
        except ValidationError:
            return {"adres": ["Vul een e-mailadres in zoals naam@voorbeeld.nl."]}
    elif channel == Channel.SMS and not MOBILE.match(re.sub(r"[\s-]", "", address)):
        return {"adres": ["Vul een mobiel nummer in zoals 06 12345678."]}
    elif channel == Channel.LETTER and len(address.strip().splitlines()) < 2:
        return {"adres": ["Vul uw postadres in: straat en huisnummer, en postcode en plaats."]}
    return {}


def _normalised(channel: str, address: str) -> str:
    if channel == Channel.SMS:
        return re.sub(r"[\s-]", "", address)
    if channel == Channel.LETTER:
        return "\n".join(line.strip() for line in address.strip().splitlines() if line.strip())
    return address.strip()


FIELD = {Channel.EMAIL: "email", Channel.SMS: "phone", Channel.LETTER: "postal_address"}


@transaction.atomic(durable=True)
def preference_request(
    *, actor: Actor, party: Party, channel: str, address: str
) -> tuple[ChannelPreference, bool]:
    """Choose a channel and address. An address not yet verified gets a code sent to it and
    counts once the code is entered; returns the preference and whether a code was sent.
    Raises ValidationError with every problem; then nothing is written."""
    problems = address_problems(channel, address)
    if problems:
        raise ValidationError(problems)
    address = _normalised(channel, address)
    current_channel, known = addresses_of(party)
    preference, _ = ChannelPreference.objects.select_for_update().get_or_create(
        party=party, defaults={"channel": current_channel}
    )
    before = {"channel": preference.channel, "pending_channel": preference.pending_channel}
    # What we already send to (verified, or what they gave us themselves) needs no code.
    code_sent = _normalised(channel, known.get(channel, "")) != address
    if code_sent:
        code = f"{secrets.randbelow(10**6):06d}"
        preference.pending_channel, preference.pending_address = channel, address
        preference.code_hash, preference.code_attempts = _code_hash(party, code), 0
        preference.code_sent_at = timezone.now()
        message_queue(
            event=message_texts.VERIFICATION,
            values={"code": code},
            recipient=party,
            route=[(channel, address)],
            listed=False,
        )
    else:
        setattr(preference, FIELD[Channel(channel)], address)
        preference.channel, preference.pending_channel, preference.pending_address = (
            channel,
            "",
            "",
        )
    preference.save()
    audit_record(
        actor=actor,
        action=audit_actions.CHANNEL_PREFERENCE_REQUESTED,
        obj=preference,
        before=before,
        after={"channel": channel, "code_sent": code_sent},
    )
    return preference, code_sent


def preference_verify(*, actor: Actor, party: Party, code: str) -> ChannelPreference:
    """Enter the code: the pending address becomes the preferred channel's address.
    Raises ValidationError; a wrong code is counted (at most CODE_TRIES)."""
    preference, problem = _verify(actor=actor, party=party, code=code)
    if preference is None:
        raise ValidationError({"code": [problem]})
    return preference


@transaction.atomic(durable=True)
def _verify(*, actor: Actor, party: Party, code: str) -> tuple[ChannelPreference | None, str]:
    preference = ChannelPreference.objects.select_for_update().filter(party=party).first()
    if preference is None or not preference.pending_channel or preference.code_sent_at is None:
        return None, "Er wacht geen code op bevestiging. Vraag eerst een code aan."
    expired = timezone.now() - preference.code_sent_at > dt.timedelta(minutes=CODE_MINUTES)
    if expired or preference.code_attempts >= CODE_TRIES:
        return None, "Deze code is verlopen of te vaak fout ingevuld. Vraag een nieuwe code aan."
    if not hmac.compare_digest(preference.code_hash, _code_hash(party, code.strip())):
        preference.code_attempts += 1
        preference.save(update_fields=["code_attempts"])
        return None, "Deze code klopt niet. Kijk of u hem goed heeft overgenomen."
    channel = preference.pending_channel
    setattr(preference, FIELD[Channel(channel)], preference.pending_address)
    preference.channel = channel
    preference.pending_channel = preference.pending_address = preference.code_hash = ""
    preference.code_sent_at = None
    preference.verified_at = timezone.now()
    preference.save()
    audit_record(
        actor=actor,
        action=audit_actions.CHANNEL_PREFERENCE_VERIFIED,
        obj=preference,
        after={"channel": channel},
    )
    return preference, ""


def preference_state(party: Party) -> dict[str, Any]:
    """What the preferences page shows: channel, addresses, and a code waiting."""
    channel, known = addresses_of(party)
    preference = ChannelPreference.objects.filter(party=party).first()
    return {
        "channel": channel,
        "addresses": known,
        "pending": preference.pending_channel if preference else "",
        "pending_address": preference.pending_address if preference else "",
        "verified": bool(preference and preference.verified_at),
    }
