# SPDX-License-Identifier: EUPL-1.2
"""The texts of messages: a default per event, optionally overridden per case type by a
functional administrator (MessageTemplate in the admin), with placeholders such as {naam}.

Placeholders are replaced by plain substitution (never str.format, so a template cannot
reach attributes). A line whose placeholders are all empty is left out, so "Toelichting:
{toelichting}" disappears when there is none. A template that names a placeholder its event
does not know is refused on save, with a Dutch message that lists them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from plus1.catalog.models import CaseType
from plus1.contact.message_models import MessageTemplate

# Events (the `event` of a Message and a MessageTemplate).
CASE_REGISTERED = "case.registered"
MELDING_REGISTERED = "melding.registered"
CASE_STATUS_CHANGED = "case.status_changed"
CASE_DECIDED = "case.decided"
MELDING_STATUS_CHANGED = "melding.status_changed"
INFORMATION_REQUESTED = "case.information_requested"
INFORMATION_RECEIVED = "case.information_received"
INFORMATION_REMINDER = "case.information_reminder"
DECISION_RECORDED = "case.decision_recorded"
MESSAGE_POSTED = "case.message_posted"
APPOINTMENT_BOOKED = "appointment.booked"
APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
APPOINTMENT_CANCELLED = "appointment.cancelled"
APPOINTMENT_REMINDER = "appointment.reminder"
CALLBACK_REQUESTED = "callback.requested"
DEFAULT_NOTICE_SENT = "case.default_notice_sent"
RATING_REQUESTED = "case.rating_requested"
VERIFICATION = "contact.verification"

COMMON = {"naam": "Anna de Boer", "gemeente": "Gemeente Plusstad", "link": ""}
CASE = {"zaaknummer": "ZAAK-2026-0000123", "zaaktype": "Parkeervergunning"}
STATUS = {
    "status": "In behandeling",
    "statustekst": "Wij bekijken uw aanvraag.",
    "toelichting": "Wij verwachten binnen twee weken te beslissen.",
}
APPOINTMENT = {
    "product": "Paspoort aanvragen",
    "datum": "29 december 2026",
    "tijd": "14:00",
    "locatie": "Stadhuis",
    "adres": "Markt 1, Plusstad",
    "meenemen": "Een pasfoto.",
}

# Per event: its name in the admin and an example value for each placeholder it knows.
EVENTS: dict[str, tuple[str, dict[str, str]]] = {
    CASE_REGISTERED: ("Aanvraag ontvangen", {**COMMON, **CASE}),
    MELDING_REGISTERED: (
        "Melding ontvangen (zonder inloggen)",
        {**COMMON, **CASE, "categorie": "Straatverlichting"},
    ),
    CASE_STATUS_CHANGED: ("Nieuwe status", {**COMMON, **CASE, **STATUS}),
    CASE_DECIDED: ("Besluit (laatste status)", {**COMMON, **CASE, **STATUS}),
    MELDING_STATUS_CHANGED: (
        "Nieuwe status van een melding (melders en volgers)",
        {**COMMON, **CASE, **STATUS, "categorie": "Straatverlichting"},
    ),
    INFORMATION_REQUESTED: (
        "Vraag om aanvulling",
        {
            **COMMON,
            **CASE,
            "vraag": "Wij missen nog uw huurcontract. Kunt u dat sturen?",
            "antwoord_voor": "12 januari 2027",
            "termijn": "9 februari 2027",
        },
    ),
    INFORMATION_REMINDER: (
        "Herinnering: vraag om aanvulling",
        {
            **COMMON,
            **CASE,
            "vraag": "Wij missen nog uw huurcontract. Kunt u dat sturen?",
            "antwoord_voor": "12 januari 2027",
        },
    ),
    DECISION_RECORDED: (
        "Besluit vastgelegd (via een koppeling)",
        {
            **COMMON,
            **CASE,
            "besluit": "Omgevingsvergunning verleend",
            "datum": "29 december 2026",
            "toelichting": "De vergunning geldt voor twee jaar.",
        },
    ),
    INFORMATION_RECEIVED: (
        "Aanvulling ontvangen",
        {**COMMON, **CASE, "documenten": "2 documenten"},
    ),
    MESSAGE_POSTED: (
        "Bericht van een medewerker",
        {**COMMON, **CASE, "bericht": "Uw aanvraag is compleet."},
    ),
    APPOINTMENT_BOOKED: ("Afspraak gemaakt", {**COMMON, **APPOINTMENT}),
    APPOINTMENT_RESCHEDULED: ("Afspraak verzet", {**COMMON, **APPOINTMENT}),
    APPOINTMENT_CANCELLED: ("Afspraak geannuleerd", {**COMMON, **APPOINTMENT}),
    APPOINTMENT_REMINDER: ("Herinnering aan een afspraak", {**COMMON, **APPOINTMENT}),
    CALLBACK_REQUESTED: (
        "Wij bellen u terug",
        {
            **COMMON,
            "product": "Kapvergunning",
            "datum": "29 december 2026",
            "tijd": "17:00",
            "telefoon": "020 123 4567",
            "voorkeur": "Middag (12:00-17:00)",
        },
    ),
    DEFAULT_NOTICE_SENT: (
        "Ingebrekestelling ontvangen",
        {**COMMON, **CASE, "verzonden": "29 december 2026", "dwangsom_vanaf": "12 januari 2027"},
    ),
    RATING_REQUESTED: (
        "Vraag om een beoordeling (na afloop)",
        {**COMMON, **CASE, "geldig_tot": "28 januari 2027"},
    ),
    VERIFICATION: ("Code om een adres te bevestigen", {**COMMON, "code": "482913"}),
}

GREETING = "\nMet vriendelijke groet,\n{gemeente}"
_APPOINTMENT_BODY = (
    "Beste {naam},\n\n{kop}: {product}\nWanneer: {datum} om {tijd} uur\n"
    "Waar: {locatie}, {adres}\n\nNeem mee: {meenemen}\n\nVerzetten of annuleren: {link}\n"
    + GREETING
)


@dataclass(frozen=True)
class Text:
    subject: str
    body: str
    sms: str = ""


DEFAULTS: dict[str, Text] = {
    CASE_REGISTERED: Text(
        "Wij hebben uw aanvraag {zaaknummer} ontvangen",
        "Beste {naam},\n\nWij hebben uw aanvraag ontvangen: {zaaktype}.\n"
        "Het zaaknummer is {zaaknummer}.\n\n"
        "Onder ‘Mijn zaken’ ziet u hoe het ermee staat: {link}\n"
        "U krijgt een bericht als er iets verandert.\n" + GREETING,
    ),
    MELDING_REGISTERED: Text(
        "Uw melding {zaaknummer} is ontvangen",
        "Beste melder,\n\nBedankt voor uw melding over {categorie}. "
        "Wij hebben haar ontvangen met nummer {zaaknummer}.\n"
        "U volgt de melding op: {link}\n"
        "U krijgt een bericht als de status verandert.\n" + GREETING,
    ),
    CASE_STATUS_CHANGED: Text(
        "Nieuwe status voor uw zaak {zaaknummer}: {status}",
        "Beste {naam},\n\nUw zaak {zaaknummer} ({zaaktype}) heeft een nieuwe status: {status}.\n"
        "{statustekst}\nToelichting: {toelichting}\n\n"
        "U vindt uw zaak onder ‘Mijn zaken’: {link}\n" + GREETING,
    ),
    CASE_DECIDED: Text(
        "Nieuwe status voor uw zaak {zaaknummer}: {status}",
        "Beste {naam},\n\nEr is een besluit over uw zaak {zaaknummer} ({zaaktype}): {status}.\n"
        "{statustekst}\nToelichting: {toelichting}\n\n"
        "Het besluit en wat u kunt doen als u het er niet mee eens bent, vindt u onder "
        "‘Mijn zaken’: {link}\n" + GREETING,
    ),
    MELDING_STATUS_CHANGED: Text(
        "Nieuwe status voor melding {zaaknummer}: {status}",
        "Beste melder,\n\nDe melding {zaaknummer} ({categorie}) heeft een nieuwe status: "
        "{status}.\n{statustekst}\nToelichting: {toelichting}\n\n"
        "U volgt de melding op: {link}\n" + GREETING,
    ),
    INFORMATION_REQUESTED: Text(
        "Wij hebben meer informatie nodig voor zaak {zaaknummer}",
        "Beste {naam},\n\nVoor uw zaak {zaaknummer} ({zaaktype}) hebben wij meer informatie "
        "nodig:\n\n{vraag}\n\nStuur uw antwoord vóór {antwoord_voor}. "
        "Dat kan via deze link: {link}\n"
        "Zolang wij op uw antwoord wachten, staat de termijn van uw zaak stil. "
        "De nieuwe uiterste datum is nu {termijn}.\n" + GREETING,
        "Gemeente: wij hebben meer informatie nodig voor zaak {zaaknummer}. "
        "Antwoord vóór {antwoord_voor}: {link}",
    ),
    INFORMATION_REMINDER: Text(
        "Herinnering: wij wachten op informatie voor zaak {zaaknummer}",
        "Beste {naam},\n\nVoor uw zaak {zaaknummer} ({zaaktype}) vroegen wij u om meer "
        "informatie:\n\n{vraag}\n\nWij hebben uw antwoord nog niet. Stuur het vóór "
        "{antwoord_voor}. Dat kan via deze link: {link}\n"
        "Heeft u het al gestuurd? Dan hoeft u niets te doen.\n" + GREETING,
        "Gemeente: wij wachten nog op uw informatie voor zaak {zaaknummer}. "
        "Antwoord vóór {antwoord_voor}: {link}",
    ),
    DECISION_RECORDED: Text(
        "Er is een besluit over uw zaak {zaaknummer}",
        "Beste {naam},\n\nEr is een besluit over uw zaak {zaaknummer} ({zaaktype}): "
        "{besluit}, op {datum}.\nToelichting: {toelichting}\n\n"
        "Het besluit en wat u kunt doen als u het er niet mee eens bent, vindt u onder "
        "‘Mijn zaken’: {link}\n" + GREETING,
    ),
    INFORMATION_RECEIVED: Text(
        "Wij hebben uw aanvulling voor zaak {zaaknummer} ontvangen",
        "Beste {naam},\n\nBedankt. Wij hebben uw antwoord voor zaak {zaaknummer} "
        "({zaaktype}) ontvangen.\nMeegestuurd: {documenten}\n\n"
        "De termijn van uw zaak loopt weer. U ziet de nieuwe datum onder ‘Mijn zaken’: {link}\n"
        + GREETING,
    ),
    MESSAGE_POSTED: Text(
        "Nieuw bericht over uw zaak {zaaknummer}",
        "Beste {naam},\n\nEen medewerker heeft een bericht gestuurd over uw zaak "
        "{zaaknummer} ({zaaktype}):\n\n{bericht}\n\nU kunt het lezen en beantwoorden: {link}\n"
        + GREETING,
    ),
    APPOINTMENT_BOOKED: Text(
        "Uw afspraak is gemaakt: {product}",
        _APPOINTMENT_BODY.replace("{kop}", "Uw afspraak is gemaakt"),
    ),
    APPOINTMENT_RESCHEDULED: Text(
        "Uw afspraak is verzet: {product}",
        _APPOINTMENT_BODY.replace("{kop}", "Uw afspraak is verzet"),
    ),
    APPOINTMENT_CANCELLED: Text(
        "Uw afspraak is geannuleerd: {product}",
        "Beste {naam},\n\nUw afspraak is geannuleerd: {product}\n"
        "Wanneer: {datum} om {tijd} uur\nWaar: {locatie}, {adres}\n" + GREETING,
    ),
    APPOINTMENT_REMINDER: Text(
        "Herinnering: morgen uw afspraak voor {product}",
        _APPOINTMENT_BODY.replace("{kop}", "Morgen heeft u een afspraak"),
        "Herinnering: morgen om {tijd} uur uw afspraak bij {locatie}. Verzetten: {link}",
    ),
    CALLBACK_REQUESTED: Text(
        "Wij bellen u terug: {product}",
        "Beste {naam},\n\nWij bellen u uiterlijk {datum} om {tijd} uur terug op {telefoon}.\n"
        "Uw voorkeur: {voorkeur}.\n\n"
        "U ziet uw terugbelverzoek onder ‘Mijn contactmomenten’: {link}\n" + GREETING,
        "Wij bellen u uiterlijk {datum} om {tijd} uur terug op {telefoon}.",
    ),
    DEFAULT_NOTICE_SENT: Text(
        "Wij hebben uw ingebrekestelling ontvangen ({zaaknummer})",
        "Beste {naam},\n\nWij hebben uw ingebrekestelling voor zaak {zaaknummer} ({zaaktype}) "
        "ontvangen op {verzonden}. Wij beslissen zo snel mogelijk.\n"
        "Beslissen wij niet binnen twee weken, dan krijgt u vanaf {dwangsom_vanaf} een dwangsom "
        "per dag.\n\nUw zaak: {link}\n" + GREETING,
    ),
    RATING_REQUESTED: Text(
        "Hoe hebben wij u geholpen? ({zaaknummer})",
        "Beste {naam},\n\nUw zaak {zaaknummer} ({zaaktype}) is afgerond. Wilt u ons met één "
        "klik laten weten hoe tevreden u bent? Inloggen is niet nodig: {link}\n"
        "De link werkt tot en met {geldig_tot}.\n" + GREETING,
        "Hoe tevreden bent u over zaak {zaaknummer}? Geef een cijfer: {link}",
    ),
    VERIFICATION: Text(
        "Uw code: {code}",
        "Beste {naam},\n\nU wilt berichten van de gemeente op dit adres ontvangen. "
        "Vul deze code in op de website: {code}\n"
        "Heeft u dit niet gevraagd? Dan hoeft u niets te doen.\n" + GREETING,
        "Uw code voor {gemeente}: {code}",
    ),
}

_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


def placeholders_of(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def problems_of(event: str, *texts: str) -> list[str]:
    """Every unknown placeholder (and an unknown event), in Dutch."""
    if event not in EVENTS:
        return ["Kies een gebeurtenis uit de lijst."]
    known = EVENTS[event][1]
    unknown = sorted({name for text in texts for name in placeholders_of(text)} - set(known))
    if not unknown:
        return []
    allowed = ", ".join("{" + name + "}" for name in sorted(known))
    return [
        f"Onbekende invulplek: {{{name}}}. Bij deze gebeurtenis kunt u gebruiken: {allowed}."
        for name in unknown
    ]


def template_validate(template: MessageTemplate) -> None:
    problems = problems_of(template.event, template.subject, template.body, template.sms)
    if problems:
        raise ValidationError({"body": problems})


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each placeholder; drop a line whose placeholders are all empty."""
    lines = []
    for line in text.split("\n"):
        names = placeholders_of(line)
        if names and not any(values.get(name, "").strip() for name in names):
            continue
        lines.append(_PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def text_for(event: str, case_type: CaseType | None = None) -> Text:
    """The case type's own text, else the administrator's default, else the built-in one."""
    rows = MessageTemplate.objects.filter(event=event)
    row = (rows.filter(case_type=case_type).first() if case_type else None) or rows.filter(
        case_type__isnull=True
    ).first()
    if row is None:
        return DEFAULTS[event]
    return Text(row.subject, row.body, row.sms)


def render(event: str, values: dict[str, str], case_type: CaseType | None = None) -> Text:
    text = text_for(event, case_type)
    subject = fill(text.subject, values).strip()
    sms = fill(text.sms, values).strip() if text.sms else f"{subject} {values.get('link', '')}"
    return Text(subject, fill(text.body, values), sms.strip())


def preview(template: MessageTemplate) -> Text:
    """The template filled in with the example values of its event."""
    examples = dict(EVENTS.get(template.event, ("", COMMON))[1])
    examples["link"] = "https://www.plusstad.nl/mijn-zaken/ZAAK-2026-0000123/"
    text = Text(template.subject, template.body, template.sms)
    subject = fill(text.subject, examples).strip()
    return Text(subject, fill(text.body, examples), fill(text.sms, examples).strip())
