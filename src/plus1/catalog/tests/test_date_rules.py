# SPDX-License-Identifier: EUPL-1.2
"""One date-rule mechanism: the builder writes x-earliest, former keys (x-notInPast,
x-maxDaysAgo) in stored forms are migrated and in imports are read as x-earliest, with one
validator and one message."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps

from plus1.audit.services import Actor
from plus1.catalog import form_builder, forms_schema
from plus1.catalog.form_builder import FieldSpec
from plus1.catalog.models import CaseType
from plus1.catalog.selectors import case_type_document
from plus1.catalog.services import catalog_import
from plus1.common.nl_dates import nl_date
from plus1.common.testing.factories import CaseTypeFactory

FORMER = {
    "type": "object",
    "properties": {
        "datum": {"type": "string", "format": "date", "title": "Datum", "x-notInPast": True},
        "gebeurd": {"type": "string", "format": "date", "title": "Wanneer", "x-maxDaysAgo": 30},
    },
}


def test_the_builder_writes_x_earliest_and_reads_it_back_in_words():
    schema = form_builder.to_schema(
        [
            FieldSpec("datum", "date", "Datum", not_in_past=True),
            FieldSpec("gebeurd", "date", "Wanneer", max_days_ago=30),
        ]
    )
    assert schema["properties"]["datum"]["x-earliest"] == "P0D"
    assert schema["properties"]["gebeurd"]["x-earliest"] == "-P30D"
    assert not any(key in str(schema) for key in forms_schema.LEGACY_DATE_RULES)
    datum, gebeurd = form_builder.specs(schema)
    assert datum.not_in_past and datum.max_days_ago is None and "x-earliest" not in datum.extra
    assert gebeurd.max_days_ago == 30 and not gebeurd.not_in_past


def test_former_keys_are_read_as_x_earliest_with_the_one_message():
    current = forms_schema.with_current_date_rules(FORMER)
    assert current["properties"]["datum"] == {
        "type": "string",
        "format": "date",
        "title": "Datum",
        "x-earliest": "P0D",
    }
    assert current["properties"]["gebeurd"]["x-earliest"] == "-P30D"
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    problems = forms_schema.validate(current, {"datum": yesterday})
    assert problems == {"datum": [f"Kies {nl_date(dt.date.today())} of een latere datum."]}


@pytest.mark.django_db
def test_an_import_with_former_keys_stores_the_current_ones():
    item = case_type_document(CaseTypeFactory(code="melding-x"))
    item["form"] = FORMER
    catalog_import(actor=Actor.system("test"), document={"case_types": [item]})
    stored = CaseType.objects.get(code="melding-x").form_schema["properties"]
    assert stored["datum"]["x-earliest"] == "P0D" and "x-notInPast" not in stored["datum"]
    assert stored["gebeurd"]["x-earliest"] == "-P30D"


@pytest.mark.django_db
def test_the_data_migration_rewrites_stored_forms():
    case_type = CaseTypeFactory()
    CaseType.objects.filter(pk=case_type.pk).update(form_schema=FORMER)  # as stored before
    migration = importlib.import_module("plus1.catalog.migrations.0013_one_date_rule_mechanism")
    migration.forwards(apps, None)
    stored = CaseType.objects.get(pk=case_type.pk).form_schema["properties"]
    assert stored["datum"]["x-earliest"] == "P0D" and "x-maxDaysAgo" not in stored["gebeurd"]


def test_a_bad_former_value_is_refused_not_dropped():
    bad = {
        "type": "object",
        "properties": {"d": {**FORMER["properties"]["gebeurd"], "x-maxDaysAgo": "veel"}},
    }
    assert any("x-earliest" in problem for problem in forms_schema.schema_problems(bad))
