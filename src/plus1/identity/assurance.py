# SPDX-License-Identifier: EUPL-1.2
"""Levels of assurance (betrouwbaarheidsniveaus) of a DigiD or eHerkenning login.

One scale for both: DigiD's four levels, with eHerkenning's and eIDAS' levels mapped onto
it. A broker reports the level in a claim (``acr`` by default) as one of the values below.
"""

from __future__ import annotations

from django.db import models


class Level(models.TextChoices):
    BASIS = "basis", "Basis"
    MIDDEN = "midden", "Midden"
    SUBSTANTIEEL = "substantieel", "Substantieel"
    HOOG = "hoog", "Hoog"


RANK = {Level.BASIS: 1, Level.MIDDEN: 2, Level.SUBSTANTIEEL: 3, Level.HOOG: 4}

SAML = "urn:oasis:names:tc:SAML:2.0:ac:classes:"
EHERKENNING = "urn:etoegang:core:assurance-class:"

# What brokers send, mapped onto the scale (DigiD's SAML classes, eHerkenning, eIDAS).
CLAIM_VALUES: dict[str, Level] = {
    f"{SAML}PasswordProtectedTransport": Level.BASIS,
    f"{SAML}MobileTwoFactorContract": Level.MIDDEN,
    f"{SAML}Smartcard": Level.SUBSTANTIEEL,
    f"{SAML}SmartcardPKI": Level.HOOG,
    f"{EHERKENNING}loa1": Level.BASIS,
    f"{EHERKENNING}loa2": Level.MIDDEN,
    f"{EHERKENNING}loa2plus": Level.MIDDEN,
    f"{EHERKENNING}loa3": Level.SUBSTANTIEEL,
    f"{EHERKENNING}loa4": Level.HOOG,
    "http://eidas.europa.eu/LoA/low": Level.MIDDEN,
    "http://eidas.europa.eu/LoA/substantial": Level.SUBSTANTIEEL,
    "http://eidas.europa.eu/LoA/high": Level.HOOG,
    **{level.value: level for level in Level},
}

# What we ask a broker for (acr_values) when a product needs a level.
REQUEST_VALUES: dict[str, dict[Level, str]] = {
    "digid": {
        Level.BASIS: f"{SAML}PasswordProtectedTransport",
        Level.MIDDEN: f"{SAML}MobileTwoFactorContract",
        Level.SUBSTANTIEEL: f"{SAML}Smartcard",
        Level.HOOG: f"{SAML}SmartcardPKI",
    },
    "eherkenning": {
        Level.BASIS: f"{EHERKENNING}loa1",
        Level.MIDDEN: f"{EHERKENNING}loa2",
        Level.SUBSTANTIEEL: f"{EHERKENNING}loa3",
        Level.HOOG: f"{EHERKENNING}loa4",
    },
}


def level_from_claim(value: object) -> Level:
    """The level a claim value stands for; unknown or missing counts as the lowest."""
    if isinstance(value, list):  # some brokers send acr as a list
        value = value[0] if value else None
    return CLAIM_VALUES.get(str(value).strip(), Level.BASIS) if value else Level.BASIS


def is_enough(have: str, need: str) -> bool:
    return RANK.get(Level(have), 0) >= RANK[Level(need)] if have in Level.values else False
