# SPDX-License-Identifier: EUPL-1.2
"""Form answers with their labels, date rules and pages in a form schema."""

import datetime as dt

import pytest
from django.utils import timezone

from plus1.catalog import forms_schema
from plus1.catalog.form_labels import labelled_answers
from plus1.common.nl_dates import nl_date, nl_datetime

SCHEMA = {
    "type": "object",
    "properties": {
        "datum": {"type": "string", "format": "date", "title": "Verhuisdatum"},
        "kinderen": {"type": "boolean", "title": "Kinderen verhuizen mee"},
        "bedrag": {"type": "number", "title": "Bedrag in euro"},
        "soort": {
            "type": "string",
            "title": "Soort kaart",
            "oneOf": [{"const": "bestuurder", "title": "Bestuurderskaart"}],
        },
    },
}


def test_answers_show_labels_and_dutch_values_in_the_form_order():
    data = {"soort": "bestuurder", "bedrag": 12.5, "kinderen": False, "datum": "2026-12-29"}
    assert labelled_answers(SCHEMA, data) == [
        ("Verhuisdatum", "29 december 2026"),
        ("Kinderen verhuizen mee", "Nee"),
        ("Bedrag in euro", "12,5"),
        ("Soort kaart", "Bestuurderskaart"),
    ]


def test_an_answer_the_form_no_longer_asks_for_is_still_shown():
    assert labelled_answers(SCHEMA, {"oud_veld": True}) == [("Oud veld", "Ja")]


def test_dutch_dates_and_times_are_in_amsterdam_time():
    moment = dt.datetime(2026, 12, 1, 6, 54, tzinfo=dt.UTC)
    assert nl_datetime(moment) == "1 december 2026, 07:54"
    assert nl_date(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)) == "1 januari 2027"
    assert nl_datetime("2026-12-01T07:54:37+01:00") == "1 december 2026, 07:54"
    assert nl_date("onzin") == "" and nl_date(None) == ""
    assert timezone.get_current_timezone_name() == "Europe/Amsterdam"


def test_date_rules_are_checked_with_the_range_in_the_message():
    schema = {
        "type": "object",
        "properties": {
            "d": {"type": "string", "format": "date", "title": "D", "x-latest": "P0D"},
        },
    }
    today = dt.date(2026, 12, 1)
    assert forms_schema.validate(schema, {"d": "2026-12-02"}, today=today) == {
        "d": ["Kies 1 december 2026 of een eerdere datum."]
    }
    assert forms_schema.validate(schema, {"d": "2026-12-01"}, today=today) == {}


def test_a_schema_with_broken_rules_or_pages_is_refused_with_every_problem():
    schema = {
        "type": "object",
        "properties": {
            "a": {"type": "string", "title": "A", "x-earliest": "vier weken"},
            "b": {"type": "string", "title": "B"},
        },
        "x-pages": [{"title": "Eén", "fields": ["a", "c"]}],
    }
    problems = forms_schema.schema_problems(schema)
    assert "Veld ‘a’: x-earliest moet een termijn zijn zoals P4W of -P5D." in problems
    assert "Pagina’s noemen onbekend veld ‘c’." in problems
    assert "Veld ‘b’ staat op geen pagina." in problems


def test_a_choice_is_shown_by_its_label_in_the_pages_language():
    from django.utils import translation

    prop = {
        "type": "string",
        "title": "Gegeven",
        "enum": ["naam", "e-mailadres"],
        "x-enumLabels": {"naam": "Naam", "e-mailadres": "E-mailadres"},
        "x-enumLabels-en": {"naam": "Name"},
    }
    card = {
        **SCHEMA["properties"]["soort"],
        "oneOf": [
            {"const": "bestuurder", "title": "Bestuurderskaart", "x-title-en": "Driver card"}
        ],
    }
    schema = {"type": "object", "properties": {"gegeven": prop, "soort": card}}
    (field, _) = forms_schema.fields(schema)
    assert field.options == (("naam", "Naam"), ("e-mailadres", "E-mailadres"))
    with translation.override("en"):
        (field, _) = forms_schema.fields(schema)
        assert field.options == (("naam", "Name"), ("e-mailadres", "E-mailadres"))  # no English
        assert labelled_answers(schema, {"soort": "bestuurder"}) == [("Soort kaart", "Driver card")]


@pytest.mark.parametrize("widget", ["radio", "select", "checkboxes"])
def test_the_form_shows_each_choice_by_its_label_and_sends_its_value(widget):
    from django.template.loader import render_to_string

    prop = {
        "type": "string",
        "title": "Gegeven",
        "enum": ["e-mailadres"],
        "x-enumLabels": {"e-mailadres": "E-mailadres"},
        "x-widget": widget,
    }
    if widget == "checkboxes":
        prop = {"type": "array", "title": "Gegevens", "items": prop, "x-widget": widget}
    schema = {"type": "object", "properties": {"gegeven": prop}}
    fields = forms_schema.fields(schema)

    html = render_to_string(
        "catalog/_form_fields.html", {"fields": fields, "values": {}, "problems": {}}
    )

    assert 'value="e-mailadres"' in html
    assert ">E-mailadres</" in html and ">e-mailadres</" not in html
