# SPDX-License-Identifier: EUPL-1.2
"""Everything the municipality holds about a person, with where each item came from."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.cases.selectors import cases_of_party
from plus1.catalog.form_labels import labelled_answers
from plus1.common.nl_dates import nl_date
from plus1.contact.message_selectors import messages_of
from plus1.documents.selectors import case_documents
from plus1.identity.models import Party
from plus1.privacy.selectors import consents_of, trail_line, trail_of_party


def _day(value: Any) -> str:
    return nl_date(value)


def personal_data_export(party: Party) -> dict[str, Any]:
    """The person's data as a document; used for 'Mijn gegevens', the JSON and the PDF."""
    registered = _day(party.created_at)
    if party.kind == Party.Kind.RESIDENT:
        register_source = _("uit de Basisregistratie Personen")
        identifier = {
            "label": _("Burgerservicenummer"),
            "value": party.bsn,
            "source": register_source,
        }
    else:
        register_source = _("uit het Handelsregister van de KVK")
        identifier = {
            "label": _("KVK-nummer"),
            "value": party.kvk_number or "",
            "source": register_source,
        }
    given = _("door u opgegeven (vastgelegd op %(day)s)") % {"day": registered}
    profile = [
        {"label": _("Naam"), "value": party.name, "source": register_source},
        identifier,
        {"label": _("E-mailadres"), "value": party.email, "source": given},
        {"label": _("Telefoonnummer"), "value": party.phone, "source": given},
    ]
    cases = list(cases_of_party(party).prefetch_related("history__status"))
    case_numbers = {case.uuid: case.identification for case in cases}
    return {
        "gemeente": settings.MUNICIPALITY_NAME,
        "gemaakt_op": timezone.localtime().isoformat(timespec="seconds"),
        "profiel": [item for item in profile if item["value"]],
        "zaken": [
            {
                "zaaknummer": case.identification,
                "onderwerp": case.case_type.name,
                "status": case.status.name if case.status else "",
                "gegevens": case.form_data,
                "antwoorden": [
                    {"vraag": label, "antwoord": text}
                    for label, text in labelled_answers(case.case_type.form_schema, case.form_data)
                ],
                "bron": _("door u aangevraagd op %(day)s") % {"day": _day(case.registered_on)},
            }
            for case in cases
        ],
        "documenten": [
            {
                "titel": link.document.current.title if link.document.current else "",
                "zaaknummer": case_numbers[link.object_uuid],
                "bron": _("bij uw zaak %(case)s gevoegd op %(day)s")
                % {"case": case_numbers[link.object_uuid], "day": _day(link.created_at)},
            }
            for link in case_documents(list(case_numbers))
        ],
        "berichten": [
            {
                "onderwerp": message.subject,
                "verstuurd_naar": message.address or message.get_channel_display(),
                "bron": _("door de gemeente verstuurd op %(day)s")
                % {"day": _day(message.created_at)},
            }
            for message in messages_of(party)
        ],
        "toestemmingen": [
            {
                "organisatie": consent.partner.name,
                "doel": consent.activity.name,
                "gegevens": consent.categories,
                "vanaf": consent.valid_from.isoformat(),
                "tot_en_met": consent.valid_until.isoformat(),
                "ingetrokken": consent.revoked_at.isoformat() if consent.revoked_at else None,
                "bron": _("door u gegeven op %(day)s") % {"day": _day(consent.granted_at)},
            }
            for consent in consents_of(party)
        ],
        "dataspoor": [
            {
                "wanneer": timezone.localtime(line.when).isoformat(timespec="seconds"),
                "organisatie": line.organisation,
                "team": line.team,
                "wie": line.who,
                "wat": line.what,
                "doel": line.purpose,
                "grondslag": line.legal_basis,
            }
            for line in map(trail_line, trail_of_party(party)[:1000])
        ],
    }
