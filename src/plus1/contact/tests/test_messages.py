# SPDX-License-Identifier: EUPL-1.2
"""Messages to residents: kept under Mijn berichten, built from templates, sent by a channel
with fallback, through the outbox (nothing lost while a backend is down), links absolute."""

from __future__ import annotations

import datetime
import io
import json
import re
import smtplib
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pypdf
import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.contact.admin import MessageTemplateForm
from plus1.contact.channels import letter_pdf
from plus1.contact.message_services import message_bounce, preference_request, preference_verify
from plus1.contact.models import ChannelPreference, Message, MessageTemplate
from plus1.demo.management.commands.demo import demo_base_url
from plus1.events.models import OutboxMessage
from plus1.events.services import outbox_drain, outbox_put
from plus1.identity.testing import staff_login
from plus1.privacy.selectors import trail_of_party
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db
BASE = "https://plusstad.example"


@pytest.fixture(autouse=True)
def base_url(settings, tmp_path):
    settings.BASE_URL = BASE
    settings.SMS_FILE_PATH = tmp_path / "sms"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MESSAGE_CHANNEL_ATTEMPTS = 2


@pytest.fixture
def handler():
    return UserFactory(staff=True, username="bram", first_name="Bram")


@pytest.fixture
def case_type(handler):
    case_type = CaseTypeFactory(responsible_team=TeamFactory(members=[handler]))
    serve_under_activity(case_type)
    return case_type


@pytest.fixture
def anna():
    return ResidentFactory(name="Anna de Boer", email="anna@example.nl")


def register(case_type, resident):
    return case_register(
        actor=Actor.from_user(resident.user),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Dakkapel", "telefoon": "06 12345678"},
    )


def resident_client(party):
    client = Client()
    client.force_login(party.user)
    return client


def link_in(body):
    return re.search(r"https://plusstad\.example(/\S+)", body).group(1)


def test_a_submission_is_confirmed_kept_under_mijn_berichten_and_its_link_opens_the_case(
    case_type, anna
):
    case = register(case_type, anna)
    outbox_drain()

    [email] = mail.outbox
    assert email.to == ["anna@example.nl"]
    assert email.subject == f"Wij hebben uw aanvraag {case.identification} ontvangen"
    client = resident_client(anna)
    page = client.get(link_in(email.body))
    assert page.status_code == 200 and case.identification in page.content.decode()

    response = client.get("/mijn-berichten/")
    assert "no-store" in response["Cache-Control"]
    listing = response.content.decode()
    assert email.subject in listing and "Nieuw:" in listing and "Verstuurd per e-mail" in listing
    assert "Mijn berichten (1 nieuw)" in listing
    assert email.subject in client.get("/mijn-gegevens/").content.decode()  # in the export too
    [message] = Message.objects.filter(recipient=anna)
    assert message.case == case and message.status == "sent" and message.sent_at
    assert any(
        record.name.startswith("Bericht: Wij hebben uw aanvraag") for record in trail_of_party(anna)
    )
    detail = client.get(f"/mijn-berichten/{message.uuid}/").content.decode()
    assert "Het zaaknummer is" in detail
    message.refresh_from_db()
    assert message.read_at is not None
    listing = client.get("/mijn-berichten/").content.decode()
    assert "Nieuw:" not in listing and "nieuw)" not in listing
    # someone else sees neither the list entry nor the message
    other = resident_client(ResidentFactory())
    assert email.subject not in other.get("/mijn-berichten/").content.decode()
    assert other.get(f"/mijn-berichten/{message.uuid}/").status_code == 404


def test_a_status_change_names_the_status_of_its_event_and_the_explanation(case_type, anna):
    case = register(case_type, anna)
    case_transition(
        actor=Actor.system("test"),
        case=case,
        target=case_type.statuses.get(code="in-behandeling"),
        explanation="Wij wachten op advies van de brandweer.",
    )
    outbox_drain()
    status = mail.outbox[-1]
    assert status.subject == f"Nieuwe status voor uw zaak {case.identification}: In behandeling"
    assert "Toelichting: Wij wachten op advies van de brandweer." in status.body


def put_in_outbox(topic, payload):
    with transaction.atomic():
        outbox_put(topic=topic, payload=payload)


def facts(case):
    return {
        "case": str(case.uuid),
        "case_type": str(case.case_type.uuid),
        "confidentiality": case.confidentiality,
        "identification": case.identification,
        "actor_kind": "user",
    }


def test_an_information_request_and_a_staff_message_reach_the_resident(case_type, anna):
    case = register(case_type, anna)
    outbox_drain()
    mail.outbox.clear()
    put_in_outbox(
        "case.information_requested",
        {
            **facts(case),
            "request": "5d0c0a44-1111-4444-8888-000000000001",
            "question": "Wij missen nog uw huurcontract. Kunt u dat sturen?",
            "reply_due": "2027-01-12",
            "deadline": "2027-02-09",
        },
    )
    put_in_outbox(
        "case.message_posted",
        {**facts(case), "message": "m1", "author": "staff", "text": "Dank, het is compleet."},
    )
    put_in_outbox(
        "case.message_posted",
        {**facts(case), "message": "m2", "author": "initiator", "text": "Mijn eigen vraag"},
    )
    put_in_outbox(
        "case.information_received",
        {**facts(case), "request": "5d0c0a44-1111-4444-8888-000000000001", "documents": ["a"]},
    )
    outbox_drain()

    request, posted, received = mail.outbox
    assert "Wij missen nog uw huurcontract" in request.body
    assert "vóór 12 januari 2027" in request.body and "9 februari 2027" in request.body
    assert link_in(request.body) == f"/mijn-zaken/{case.identification}/"
    assert "Dank, het is compleet." in posted.body
    assert received.subject == f"Wij hebben uw aanvulling voor zaak {case.identification} ontvangen"
    assert "Meegestuurd: 1 document" in received.body
    assert Message.objects.filter(recipient=anna).count() == 4  # not the resident's own


def test_a_case_type_override_and_an_unknown_placeholder_refused_in_dutch(case_type, anna):
    MessageTemplate.objects.create(
        event="case.registered",
        case_type=case_type,
        subject="Dakkapel {zaaknummer} ontvangen",
        body="Beste {naam},\nWe gaan ermee aan de slag.\n{link}",
    )
    register(case_type, anna)
    outbox_drain()
    assert mail.outbox[0].subject.startswith("Dakkapel ZAAK-")
    assert mail.outbox[0].body.startswith("Beste Anna de Boer,\nWe gaan ermee aan de slag.")

    form = MessageTemplateForm(
        data={"event": "case.registered", "subject": "{zaaknummer}", "body": "{naam} {bsn} {x}"}
    )
    assert not form.is_valid()
    problems = form.non_field_errors()
    assert len(problems) == 2 and "Onbekende invulplek: {bsn}" in problems[0]
    assert "{zaaknummer}" in problems[0]  # it lists what can be used
    assert MessageTemplate.objects.count() == 1


def test_while_the_mail_server_is_down_the_message_stays_queued_and_is_sent_later(
    case_type, anna, monkeypatch
):
    """The backend raises: nothing lost, the outbox retries; with the server back it is sent."""
    from django.core.mail.backends.locmem import EmailBackend

    real = EmailBackend.send_messages

    def down(self, messages):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", down)
    ChannelPreference.objects.create(party=anna, channel="email")  # no other channel known
    anna.phone = ""
    anna.save()
    case = Case.objects.get(pk=register(case_type, anna).pk)
    Case.objects.filter(pk=case.pk).update(form_data={})
    outbox_drain()
    message = Message.objects.get(recipient=anna)
    assert message.status == "queued" and "lukt nu niet" in message.reason
    row = OutboxMessage.objects.get(topic="message.queued")
    assert row.state == "pending" and row.attempts == 1

    monkeypatch.setattr(EmailBackend, "send_messages", real)
    OutboxMessage.objects.filter(pk=row.pk).update(available_at=timezone.now())
    outbox_drain()
    message.refresh_from_db()
    assert message.status == "sent" and len(mail.outbox) == 1


def test_a_refused_email_falls_back_to_sms_from_the_form(case_type, anna, monkeypatch, settings):
    from django.core.mail.backends.locmem import EmailBackend

    def refused(self, messages):
        raise smtplib.SMTPRecipientsRefused({"anna@example.nl": (550, b"no such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refused)
    register(case_type, anna)
    outbox_drain()
    message = Message.objects.get(recipient=anna)
    assert message.status == "sent" and message.channel == "sms"
    assert message.address == "06 12345678"  # the number given on the form
    assert [step["outcome"] for step in message.history] == ["geweigerd", "verstuurd"]
    [sms] = list(settings.SMS_FILE_PATH.iterdir())
    assert "ontvangen" in sms.read_text() and BASE in sms.read_text()


class Gateway:
    def __init__(self, status):
        self.status, self.received = status, []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.received.append((self.headers["Authorization"], body))
                self.send_response(gateway.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"id": "gw-42"}).encode())

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    server = Gateway(200)
    settings.SMS_BACKEND = "plus1.contact.channels.HttpSmsBackend"
    settings.SMS_GATEWAY_URL = server.url
    settings.SMS_GATEWAY_TOKEN = "geheim"
    yield server
    server.stop()


def sms_preferred(anna):
    ChannelPreference.objects.create(
        party=anna, channel="sms", phone="0612345678", postal_address="Markt 1\n1234 AB Plusstad"
    )


def test_the_http_sms_gateway_sends_and_a_bounce_falls_back_to_a_letter(case_type, anna, gateway):
    sms_preferred(anna)
    register(case_type, anna)
    outbox_drain()
    [(auth, body)] = gateway.received
    assert auth == "Bearer geheim" and body["to"] == "0612345678"
    message = Message.objects.get(recipient=anna)
    assert message.status == "sent" and message.provider_reference == "gw-42"
    assert mail.outbox == []

    # the gateway reports later that the phone never got it: the next channels are tried
    with transaction.atomic():
        message_bounce(reference="gw-42", reason="Nummer niet bereikbaar")
    mail.outbox.clear()
    outbox_drain()
    message.refresh_from_db()
    assert message.channel == "email" and message.status == "sent"
    with transaction.atomic():
        message_bounce(reference=str(message.uuid), reason="Mailbox vol")
    outbox_drain()
    message.refresh_from_db()
    assert message.channel == "letter" and message.status == "sent"
    with default_storage.open(message.letter) as pdf:
        assert pdf.read().startswith(b"%PDF")
    outcomes = [step["outcome"] for step in message.history]
    assert outcomes.count("niet aangekomen") == 2


def test_the_letter_embeds_dejavu_and_a_name_with_accents_reads_back():
    letter = Message(
        recipient_name="Noë Hervé-Çelik",
        address="Markt 1\n1234 AB Plusstad",
        subject="Uw aanvraag ‘Parkeervergunning’",
        body="Beste mevrouw Hervé-Çelik,\n\nDe leges zijn € 12,50.\n\nMet vriendelijke groet",
    )
    reader = pypdf.PdfReader(io.BytesIO(letter_pdf(letter)))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        assert "DejaVuSans" in font["/BaseFont"] and "Helvetica" not in font["/BaseFont"]
        (descendant,) = font["/DescendantFonts"]
        assert "/FontFile2" in descendant.get_object()["/FontDescriptor"]  # embedded
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Noë Hervé-Çelik" in text and "Markt 1" in text
    assert "Uw aanvraag ‘Parkeervergunning’" in text and "€ 12,50" in text
    assert reader.metadata.title == "Uw aanvraag ‘Parkeervergunning’"


def test_a_gateway_that_refuses_the_number_falls_back_and_one_that_is_down_retries(
    case_type, anna, gateway
):
    sms_preferred(anna)
    gateway.status = 422
    register(case_type, anna)
    outbox_drain()
    message = Message.objects.get(recipient=anna)
    assert message.channel == "email" and message.status == "sent"
    assert "weigert het nummer" in message.history[0]["reason"]

    gateway.status = 503
    other = ResidentFactory(email="")
    sms_preferred(other)
    register(case_type, other)
    outbox_drain()
    queued = Message.objects.get(recipient=other)
    assert queued.status == "queued" and "niet bereikbaar" in queued.reason


def test_a_new_number_counts_once_its_code_is_entered(case_type, anna, settings):
    client = resident_client(anna)
    refused = client.post("/mijn-gegevens/berichten/", {"kanaal": "sms", "adres_sms": "12345"})
    assert refused.status_code == 400
    assert "Vul een mobiel nummer in zoals 06 12345678." in refused.content.decode()
    assert not ChannelPreference.objects.exists()

    response = client.post(
        "/mijn-gegevens/berichten/", {"kanaal": "sms", "adres_sms": "06 9876 5432"}
    )
    assert response.status_code == 302
    outbox_drain()
    [sms] = list(settings.SMS_FILE_PATH.iterdir())
    code = re.search(r"\b(\d{6})\b", sms.read_text()).group(1)
    assert "Code invullen" in client.get("/mijn-gegevens/berichten/").content.decode()
    assert not Message.objects.filter(event="contact.verification", listed=True).exists()
    assert not any(code in record.name for record in trail_of_party(anna))  # code not kept

    wrong = client.post("/mijn-gegevens/berichten/", {"stap": "code", "code": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert ChannelPreference.objects.get().code_attempts == 1
    assert ChannelPreference.objects.get().channel == "email"
    client.post("/mijn-gegevens/berichten/", {"stap": "code", "code": code})
    preference = ChannelPreference.objects.get()
    assert (preference.channel, preference.phone) == ("sms", "0698765432")

    register(case_type, anna)
    outbox_drain()
    assert Message.objects.filter(recipient=anna, listed=True).get().channel == "sms"
    assert mail.outbox == []


def test_the_number_given_on_a_form_needs_no_code(case_type, anna):
    register(case_type, anna)  # the form had telefoon 06 12345678
    actor = Actor.from_user(anna.user)
    _, code_sent = preference_request(actor=actor, party=anna, channel="sms", address="0612345678")
    assert not code_sent
    preference = ChannelPreference.objects.get()
    assert (preference.channel, preference.phone) == ("sms", "0612345678")


def test_a_code_cannot_be_guessed_forever(anna):
    actor = Actor.from_user(anna.user)
    preference_request(actor=actor, party=anna, channel="email", address="nieuw@example.nl")
    for _ in range(5):
        with pytest.raises(Exception, match="klopt niet"):
            preference_verify(actor=actor, party=anna, code="111111")
    with pytest.raises(Exception, match="te vaak fout"):
        preference_verify(actor=actor, party=anna, code="111111")


def test_staff_see_the_messages_of_a_case_with_their_delivery(case_type, anna, handler):
    case = register(case_type, anna)
    outbox_drain()
    page = staff_login(Client(), handler).get(f"/werkplek/zaken/{case.identification}/")
    text = page.content.decode()
    assert "Berichten aan de inwoner" in text
    assert f"Wij hebben uw aanvraag {case.identification} ontvangen" in text
    assert "Verstuurd per e-mail" in text


def test_the_demo_links_to_the_address_it_serves_on(settings, monkeypatch):
    from django.core.management import call_command

    from plus1.demo.management.commands import demo

    settings.DEMO_MODE = True
    monkeypatch.delenv("PLUS1_BASE_URL", raising=False)
    monkeypatch.setattr(demo, "demo_loaded", lambda: True)
    monkeypatch.setattr(demo, "call_command", lambda *args, **kwargs: None)  # no migrate
    call_command("demo", "--no-serve", "--port", "8102")
    assert settings.BASE_URL == "http://127.0.0.1:8102"
    assert demo_base_url("127.0.0.1", 8102) == "http://127.0.0.1:8102"
    assert demo_base_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"  # noqa: S104


def test_a_provider_reports_a_bounce_through_the_api(case_type, anna, settings, client):
    settings.DELIVERY_REPORT_TOKEN = "rapport-token"
    ChannelPreference.objects.create(party=anna, channel="email", email="anna@example.nl")
    Case.objects.filter(pk=register(case_type, anna).pk).update(form_data={})
    anna.phone = ""
    anna.save()
    outbox_drain()
    message = Message.objects.get(recipient=anna)
    body = {"referentie": str(message.uuid), "status": "niet_aangekomen", "reden": "Mailbox vol"}

    wrong = client.post("/api/v1/afleverrapporten", body, content_type="application/json")
    assert wrong.status_code == 403 and wrong["Content-Type"] == "application/problem+json"
    message.refresh_from_db()
    assert message.status == "sent"

    auth = {"HTTP_AUTHORIZATION": "Bearer rapport-token"}
    bad = client.post(
        "/api/v1/afleverrapporten", {"status": "weg"}, content_type="application/json", **auth
    )
    assert bad.status_code == 400
    answer = client.post("/api/v1/afleverrapporten", body, content_type="application/json", **auth)
    assert answer.status_code == 200 and answer.json()["status"] == "bounced"
    message.refresh_from_db()
    assert message.status == "bounced" and message.reason == "Mailbox vol"
    resident = resident_client(anna).get("/mijn-berichten/").content.decode()
    assert "Niet aangekomen: Mailbox vol" in resident
    unknown = client.post("/api/v1/afleverrapporten", body, content_type="application/json", **auth)
    assert unknown.status_code == 404  # already bounced: nothing changes twice


def test_the_deploy_check_names_an_sms_backend_that_does_not_send(settings):
    from plus1.contact.checks import sms_channel

    settings.DEMO_MODE = False
    assert [m.id for m in sms_channel()] == ["plus1.W101"]
    settings.SMS_BACKEND = "plus1.contact.channels.HttpSmsBackend"
    settings.SMS_GATEWAY_URL = ""
    assert [m.id for m in sms_channel()] == ["plus1.E101"]
    settings.SMS_GATEWAY_URL = "https://sms.example/api"
    assert sms_channel() == []


def test_rows_queued_for_the_replaced_consumers_are_still_delivered_once(case_type, anna):
    """An upgrade with status messages still in the outbox: each old row does its own part."""
    case = register(case_type, anna)
    outbox_drain()
    mail.outbox.clear()
    status = case_type.statuses.get(code="in-behandeling")
    payload = {
        **facts(case),
        "status": status.code,
        "status_name": status.name,
        "resident_text": "",
        "explanation": "",
        "is_final": False,
    }
    for name in ("cases.status_message", "meldingen.follower_updates"):
        OutboxMessage.objects.create(
            topic="case.status_changed", consumer=name, key=f"old:{name}", payload=payload
        )
    outbox_drain()
    assert [m.subject for m in mail.outbox] == [
        f"Nieuwe status voor uw zaak {case.identification}: In behandeling"
    ]
    assert not OutboxMessage.objects.filter(state="pending").exists()


def test_a_closed_case_asks_for_a_rating_with_its_signed_link(case_type, anna, handler):
    case = register(case_type, anna)
    for code in ("in-behandeling", "afgehandeld"):
        case = case_transition(
            actor=Actor.from_user(handler), case=case, target=case_type.statuses.get(code=code)
        )
    outbox_drain()
    rating = Message.objects.get(event="case.rating_requested")
    assert rating.recipient == anna and rating.case == case
    [link] = re.findall(rf"{BASE}/beoordelen/\S+", rating.body)
    assert "Inloggen is niet nodig" in rating.body
    assert Client().get(link.removeprefix(BASE)).status_code == 200  # the link opens the question


def test_a_notice_of_default_is_confirmed(case_type, anna):
    from plus1.insights.services import default_notice_send

    case = register(case_type, anna)
    late = timezone.localdate() - datetime.timedelta(days=3)
    Case.objects.filter(pk=case.pk).update(deadline=late)
    case.refresh_from_db()
    default_notice_send(actor=Actor.from_user(anna.user), party=anna, case=case)
    outbox_drain()
    notice = Message.objects.get(event="case.default_notice_sent")
    assert notice.recipient == anna
    assert f"ingebrekestelling voor zaak {case.identification}" in notice.body
