# SPDX-License-Identifier: EUPL-1.2
"""Template tags of the contact context: who the resident contacts about a case."""

from __future__ import annotations

from django import template

from plus1.cases.models import Case
from plus1.contact.models import Coordinator
from plus1.contact.moment_selectors import coordinators_of_case

register = template.Library()


@register.simple_tag
def case_coordinators(case: Case) -> list[Coordinator]:
    """`{% case_coordinators case as coordinators %}`: the case's casemanager or regisseur."""
    return coordinators_of_case(case)


LABELS = {
    "doel": "Doel",
    "zoek_op": "Zoeken op",
    "bsn": "Burgerservicenummer",
    "naam": "Naam",
    "geboortedatum": "Geboortedatum",
    "postcode": "Postcode",
    "huisnummer": "Huisnummer",
    "kvk": "KVK-nummer",
    "zaaknummer": "Zaaknummer",
    "persoon": "Persoon",
    "kanaal": "Kanaal",
    "product": "Onderwerp",
    "zaak": "Zaak",
    "samenvatting": "Samenvatting",
    "beantwoord": "Beantwoord",
    "telefoon": "Telefoonnummer",
    "moment": "Moment van de dag",
    "vraag": "Uw vraag",
    "uitkomst": "Uitkomst",
    "rol": "Rol",
    "medewerker": "Medewerker",
    "zaken": "Zaken",
    "bereikbaar": "Bereikbaar",
    "start": "Tijd",
    "email": "E-mailadres",
}


@register.filter
def field_label(name: str) -> str:
    return LABELS.get(name, name)
