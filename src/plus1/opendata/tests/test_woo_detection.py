# SPDX-License-Identifier: EUPL-1.2
"""The detector proposes each kind of personal data, and nothing that only looks like it."""

from __future__ import annotations

import pytest

from plus1.common.testing.factories import ResidentFactory
from plus1.opendata.woo_detection import find_personal_data
from plus1.opendata.woo_grounds import DataKind
from plus1.opendata.woo_selectors import known_names


def found(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(item.kind.value, item.text_in(text)) for item in find_personal_data(text, names)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uw BSN is 111222333.", [("bsn", "111222333")]),
        ("BSN 1112.22.333 staat in het dossier.", [("bsn", "1112.22.333")]),
        ("Rekening NL91 ABNA 0417 1643 00 is bekend.", [("iban", "NL91 ABNA 0417 1643 00")]),
        ("Rekening NL91ABNA0417164300.", [("iban", "NL91ABNA0417164300")]),
        ("Mail anna.deboer@example.nl gerust.", [("email", "anna.deboer@example.nl")]),
        (
            "Bel 06-12345678 of 020 123 45 67.",
            [("telefoon", "06-12345678"), ("telefoon", "020 123 45 67")],
        ),
        ("Of bel +31 6 1234 5678.", [("telefoon", "+31 6 1234 5678")]),
        ("Postcode 1234 AB en 5678CD.", [("postcode", "1234 AB"), ("postcode", "5678CD")]),
        ("Zij woont Dorpsstraat 12a.", [("adres", "Dorpsstraat 12a")]),
        ("Aan de Laan van Meerdervoort 5.", [("adres", "Laan van Meerdervoort 5")]),
        ("Op de Oude Gracht 101 bis.", [("adres", "Oude Gracht 101 bis")]),
    ],
)
def test_each_kind_is_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het zaaknummer is 123456789.",  # nine digits failing the elfproef: not a BSN
        "Besluit van 12 maart 2026, artikel 4:17 Awb, bedrag 1442 euro.",
        "De straat is breed en de weg 12 meter.",  # street words without a street name
    ],
)
def test_lookalikes_are_not_proposed(text):
    assert found(text) == []


def test_an_iban_failing_mod_97_is_not_an_iban():
    kinds = [kind for kind, _ in found("Rekening NL91 ABNA 0417 1643 01.")]
    assert "iban" not in kinds


def test_known_names_in_full_with_initials_and_title():
    text = "Aanvrager Anna de Boer. A. de Boer tekende; mevrouw De Boer kreeg bericht."
    assert found(text, ("Anna de Boer",)) == [
        ("naam", "Anna de Boer"),
        ("naam", "A. de Boer"),
        ("naam", "mevrouw De Boer"),
    ]


def test_overlap_keeps_one_redaction():
    text = "Mail anna.de.boer@example.nl of Anna de Boer."
    assert found(text, ("Anna de Boer",)) == [
        ("email", "anna.de.boer@example.nl"),
        ("naam", "Anna de Boer"),
    ]


def test_residents_named_in_the_text_are_known(db, case):
    ResidentFactory(name="Pieter van der Berg")
    ResidentFactory(name="Niet Genoemd")
    text = "Buurman Pieter van der Berg gaf advies, net als Karel Onbekend."
    names = known_names(case, text)
    assert names == ["Anna de Boer", "Pieter van der Berg"]  # the initiator, and one resident
    kinds = found(text, tuple(names))
    assert kinds == [("naam", "Pieter van der Berg")]
    assert DataKind.NAME == "naam"


def test_overlapping_confirmed_redactions_hide_everything_once():
    from plus1.opendata.models import WooRedaction
    from plus1.opendata.woo_services import redacted

    def span(start, end, ground="5.1.2e", state=WooRedaction.State.CONFIRMED):
        return WooRedaction(start=start, end=end, ground=ground, state=state)

    text = "Anna de Boer woont hier."
    spans = [span(0, 12), span(5, 7, "5.1.2f"), span(13, 18, state=WooRedaction.State.REJECTED)]
    assert redacted(text, spans) == "[gelakt: 5.1.2e] woont hier."
    assert redacted(text, [span(0, 4), span(2, 12, "5.1.2f")]) == "[gelakt: 5.1.2e] woont hier."
