# SPDX-License-Identifier: EUPL-1.2
"""The grounds of art. 5.1 Woo for not publishing part of a document, with plain Dutch
labels, and the kinds of personal data the detector finds with the ground each proposes."""

from __future__ import annotations

from django.db import models


class WooGround(models.TextChoices):
    """Value: the marker in the redacted text ("5.1.2e"); label: what it protects."""

    KROON = "5.1.1a", "5.1 lid 1a: de eenheid van de Kroon"
    STAAT = "5.1.1b", "5.1 lid 1b: de veiligheid van de Staat"
    BEDRIJFSGEGEVENS_VERTROUWELIJK = (
        "5.1.1c",
        "5.1 lid 1c: bedrijfsgegevens die vertrouwelijk aan de overheid zijn gegeven",
    )
    BIJZONDERE_PERSOONSGEGEVENS = (
        "5.1.1d",
        "5.1 lid 1d: bijzondere persoonsgegevens (zoals gezondheid of geloof)",
    )
    IDENTIFICATIENUMMER = "5.1.1e", "5.1 lid 1e: een identificatienummer, zoals het BSN"
    INTERNATIONALE_BETREKKINGEN = (
        "5.1.2a",
        "5.1 lid 2a: de betrekkingen met andere landen en internationale organisaties",
    )
    FINANCIELE_BELANGEN = (
        "5.1.2b",
        "5.1 lid 2b: de economische of financiële belangen van de overheid",
    )
    OPSPORING = "5.1.2c", "5.1 lid 2c: het opsporen en vervolgen van strafbare feiten"
    TOEZICHT = "5.1.2d", "5.1 lid 2d: inspectie, controle en toezicht"
    PERSOONLIJKE_LEVENSSFEER = "5.1.2e", "5.1 lid 2e: de privacy (persoonlijke levenssfeer)"
    CONCURRENTIE = "5.1.2f", "5.1 lid 2f: concurrentiegevoelige bedrijfsgegevens"
    MILIEU = "5.1.2g", "5.1 lid 2g: de bescherming van het milieu"
    BEVEILIGING = "5.1.2h", "5.1 lid 2h: de beveiliging van personen en bedrijven"
    FUNCTIONEREN_OVERHEID = "5.1.2i", "5.1 lid 2i: het goed functioneren van de overheid"


class DataKind(models.TextChoices):
    """What a redaction covers: found by the detector, or chosen by a staff member."""

    NAME = "naam", "Naam"
    BSN = "bsn", "BSN"
    ADDRESS = "adres", "Adres"
    POSTCODE = "postcode", "Postcode"
    PHONE = "telefoon", "Telefoonnummer"
    EMAIL = "email", "E-mailadres"
    IBAN = "iban", "IBAN"
    OTHER = "anders", "Anders (door een medewerker gekozen)"


# The ground proposed for each kind found: a BSN is a national identification number
# (lid 1e, absolute); other personal data protects privacy (lid 2e, weighed).
PROPOSED_GROUND = {kind: WooGround.PERSOONLIJKE_LEVENSSFEER for kind in DataKind} | {
    DataKind.BSN: WooGround.IDENTIFICATIENUMMER
}


def marker(ground: str) -> str:
    """What replaces a redacted span in the published text: "[gelakt: 5.1.2e]"."""
    return f"[gelakt: {ground}]"
