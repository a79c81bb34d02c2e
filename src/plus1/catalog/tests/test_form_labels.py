# SPDX-License-Identifier: EUPL-1.2
"""Submitted answers under the form's labels, with values in Dutch."""

from plus1.catalog.form_labels import labelled_answers

SCHEMA = {
    "type": "object",
    "properties": {
        "datum": {"type": "string", "format": "date", "title": "Datum van het evenement"},
        "muziek": {"type": "boolean", "title": "Is er versterkte muziek?"},
        "soort": {
            "type": "string",
            "title": "Soort evenement",
            "oneOf": [
                {"const": "markt", "title": "Markt of braderie"},
                {"const": "feest", "title": "Buurtfeest"},
            ],
        },
        "bezoekers": {"type": "integer", "title": "Aantal bezoekers"},
    },
}


def test_labels_and_dutch_values_in_the_forms_order():
    data = {"bezoekers": 80, "soort": "feest", "muziek": False, "datum": "2026-12-29"}
    assert labelled_answers(SCHEMA, data) == [
        ("Datum van het evenement", "29 december 2026"),
        ("Is er versterkte muziek?", "Nee"),
        ("Soort evenement", "Buurtfeest"),
        ("Aantal bezoekers", "80"),
    ]


def test_an_answer_the_form_no_longer_has_comes_last_under_its_key():
    rows = labelled_answers(SCHEMA, {"muziek": True, "oud_veld": "waarde"})
    assert rows == [("Is er versterkte muziek?", "Ja"), ("oud_veld", "waarde")]
