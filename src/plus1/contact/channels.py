# SPDX-License-Identifier: EUPL-1.2
"""The channels a message goes out by: e-mail (Django's e-mail backends), sms (a pluggable
backend: a file backend in the demo, an HTTP gateway in production) and letter (a PDF for
the print street, stored).

A backend raises Refused when this address will never take the message (the next channel
is tried at once), and any other exception when it is down (the message stays queued and
the outbox retries it later).
"""

from __future__ import annotations

import base64
import json
import smtplib
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.module_loading import import_string
from fpdf.prefs import ViewerPreferences

from plus1.contact.message_models import Channel, Message
from plus1.privacy.pdf import TaggedPDF


class Refused(Exception):
    """The address does not take the message (unknown number, mailbox refused)."""


class Sent(str):
    """What a backend returns: the reference the provider gave the message (may be empty)."""


# --- e-mail -------------------------------------------------------------------------------


def send_email(message: Message) -> Sent:
    email = EmailMessage(subject=message.subject, body=message.body, to=[message.address])
    for attachment in message.attachments:
        email.attach(
            attachment["name"], base64.b64decode(attachment["content"]), attachment["type"]
        )
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as exc:
        raise Refused(f"Het e-mailadres weigert het bericht ({exc.recipients}).") from exc
    return Sent("")


# --- sms ----------------------------------------------------------------------------------


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str, reference: str) -> str: ...


class FileSmsBackend:
    """The demo's sms: one file per message under PLUS1_SMS_FILE_PATH (var/sms)."""

    def send(self, *, to: str, text: str, reference: str) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        (folder / f"{stamp}-{reference}.txt").write_text(
            f"Aan: {to}\nKenmerk: {reference}\n\n{text}\n", encoding="utf-8"
        )
        return reference


class HttpSmsBackend:
    """An sms gateway over HTTP: POST {to, text, reference} as JSON with a bearer token.

    2xx: sent (the gateway's `id` is kept for its delivery reports); 4xx: this number is
    refused (try the next channel); 5xx or no connection: down (retry later)."""

    def send(self, *, to: str, text: str, reference: str) -> str:
        if not settings.SMS_GATEWAY_URL.startswith(("https://", "http://")):
            raise ImproperlyConfigured("PLUS1_SMS_GATEWAY_URL must be an http(s) URL")
        body = json.dumps({"to": to, "text": text, "reference": reference}).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            settings.SMS_GATEWAY_URL,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
            },
        )
        try:
            timeout = settings.SMS_GATEWAY_TIMEOUT
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
                data = answer.read()
        except urllib.error.HTTPError as exc:
            if 400 <= exc.code < 500:
                raise Refused(f"De sms-dienst weigert het nummer (HTTP {exc.code}).") from exc
            raise ConnectionError(f"De sms-dienst is niet bereikbaar (HTTP {exc.code}).") from exc
        try:
            return str(json.loads(data or b"{}").get("id", reference))
        except (ValueError, AttributeError):
            return reference


def sms_backend() -> SmsBackend:
    backend: type[SmsBackend] = import_string(settings.SMS_BACKEND)
    return backend()


def send_sms(message: Message) -> Sent:
    text = message.sms_text or f"{message.subject} {message.link}".strip()
    return Sent(sms_backend().send(to=message.address, text=text, reference=str(message.uuid)))


# --- letter -------------------------------------------------------------------------------


def letter_pdf(message: Message) -> bytes:
    """The letter as a tagged PDF with the embedded DejaVu font of the other PDFs, so every
    character of a name or a text (ë, é, €, ’) is printed and can be read back as written."""
    pdf = TaggedPDF()
    pdf.set_title(message.subject)
    pdf.set_lang("nl-NL")
    pdf.set_author(settings.MUNICIPALITY_NAME)
    pdf.set_creator(settings.MUNICIPALITY_NAME)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_page()
    pdf.text_block("P", settings.MUNICIPALITY_NAME, 10)
    pdf.ln(12)
    pdf.text_block("P", "\n".join([message.recipient_name, *message.address.splitlines()]), 10)
    pdf.ln(12)
    pdf.text_block("P", f"Datum: {timezone.localdate():%d-%m-%Y}", 10)
    pdf.ln(6)
    pdf.text_block("H1", message.subject, 12, bold=True)
    pdf.ln(3)
    for paragraph in message.body.split("\n\n"):
        if paragraph.strip():
            pdf.text_block("P", paragraph.strip(), 11)
            pdf.ln(2)
    return bytes(pdf.output())


def send_letter(message: Message) -> Sent:
    """Store the letter's PDF where the print street collects it (letters/ in the storage)."""
    if not message.address.strip():
        raise Refused("Er is geen postadres bekend.")
    name = default_storage.save(
        f"letters/{timezone.localdate():%Y-%m-%d}/{message.uuid}-{uuid.uuid4().hex[:6]}.pdf",
        ContentFile(letter_pdf(message)),
    )
    return Sent(name)


SENDERS = {Channel.EMAIL: send_email, Channel.SMS: send_sms, Channel.LETTER: send_letter}
