# SPDX-License-Identifier: EUPL-1.2
"""Processing activities the platform itself needs, whatever the municipality's register holds."""

from __future__ import annotations

from typing import Any

from plus1.privacy.models import LegalGround, ProcessingActivity

OWN_DATA = "eigen-gegevens"
CONSENTS = "toestemmingen-vastleggen"
TRAIL_READING = "dataspoor-controleren"
CONTACT_CENTRE = "klantcontact"

GDPR_URL = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"

BUILTIN: dict[str, dict[str, Any]] = {
    OWN_DATA: {
        "name": "Uw eigen gegevens aan u laten zien",
        "purpose": "U kunt zien en downloaden welke gegevens de gemeente van u heeft.",
        "legal_ground": LegalGround.LEGAL_OBLIGATION,
        "legal_basis": "Artikel 15 en 20 Algemene verordening gegevensbescherming",
        "legal_basis_url": GDPR_URL,
        "personal_data_categories": ["alle gegevens die de gemeente van u heeft"],
        "data_subject_categories": ["inwoners", "ondernemers"],
        "recipients": ["uzelf"],
        "retention": "Het dataspoor van een download: 5 jaar",
    },
    CONSENTS: {
        "name": "Uw toestemmingen vastleggen",
        "purpose": "Wij leggen vast aan wie u toestemming geeft om uw gegevens te gebruiken, "
        "en wanneer u die intrekt.",
        "legal_ground": LegalGround.LEGAL_OBLIGATION,
        "legal_basis": "Artikel 7 lid 1 Algemene verordening gegevensbescherming",
        "legal_basis_url": GDPR_URL,
        "personal_data_categories": ["uw toestemmingen"],
        "data_subject_categories": ["inwoners", "ondernemers"],
        "recipients": ["de partnerorganisatie aan wie u toestemming geeft"],
        "retention": "5 jaar na het einde van de toestemming",
    },
    TRAIL_READING: {
        "name": "Het dataspoor controleren",
        "purpose": "De functionaris gegevensbescherming controleert of uw gegevens alleen "
        "voor het juiste doel zijn gebruikt.",
        "legal_ground": LegalGround.LEGAL_OBLIGATION,
        "legal_basis": "Artikel 39 Algemene verordening gegevensbescherming",
        "legal_basis_url": GDPR_URL,
        "personal_data_categories": ["het dataspoor"],
        "data_subject_categories": ["inwoners", "ondernemers"],
        "recipients": [],
        "retention": "5 jaar",
    },
    CONTACT_CENTRE: {
        "name": "Uw vragen beantwoorden en u terugbellen",
        "purpose": "Wij leggen vast wanneer en waarover u contact met ons had, zodat een "
        "collega u verder kan helpen, en wij bellen u terug als u daarom vraagt.",
        "legal_ground": LegalGround.PUBLIC_TASK,
        "legal_basis": "Artikel 6 lid 1 onder e Algemene verordening gegevensbescherming "
        "(taak van algemeen belang: dienstverlening van de gemeente)",
        "legal_basis_url": GDPR_URL,
        "personal_data_categories": ["naam", "telefoonnummer", "uw vraag en ons antwoord"],
        "data_subject_categories": ["inwoners", "ondernemers"],
        "recipients": [],
        "retention": "2 jaar na het contact",
    },
}


def builtin_activity(code: str) -> ProcessingActivity:
    """The platform's own activity; created from BUILTIN the first time it is needed."""
    activity, _ = ProcessingActivity.objects.get_or_create(code=code, defaults=BUILTIN[code])
    return activity
