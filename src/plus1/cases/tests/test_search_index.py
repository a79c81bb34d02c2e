# SPDX-License-Identifier: EUPL-1.2
"""Free-text search finds a word in the case number, the initiator's name, the form's data
and the notes, on both databases; on PostgreSQL each part is answered by its trigram index
(decision 31), so a search does not read every case."""

from __future__ import annotations

import pytest
from django.db import connection

from plus1.cases.models import Case, CaseNote
from plus1.cases.worklist import free_text_matches
from plus1.common.testing.bulk_cases import bulk_cases
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    bulk_cases(CaseTypeFactory(), [ResidentFactory(name="Inwoner Jansen")], 40)
    named = bulk_cases(CaseTypeFactory(), [ResidentFactory(name="Henk Zonnebloem")], 1, prefix="N")
    assert named == 1
    form = Case.objects.order_by("pk")[3]
    form.form_data = {"onderwerp": "Kerstmarkt op het Kerkplein"}
    form.save(update_fields=["form_data"])
    note = Case.objects.order_by("pk")[7]
    CaseNote.objects.create(case=note, text="Buren klagen over geluidsoverlast.")
    return {"form": form, "note": note, "named": Case.objects.get(identification__startswith="N-")}


def found(q):
    return set(Case.objects.filter(pk__in=free_text_matches(q)).values_list("pk", flat=True))


def test_a_word_is_found_wherever_it_is_in_the_case(cases):
    assert found("kerkplein") == {cases["form"].pk}
    assert found("GELUIDSOVERLAST") == {cases["note"].pk}
    assert found("zonnebloem") == {cases["named"].pk}
    assert found(cases["named"].identification[:6]) == {cases["named"].pk}
    assert found("bestaat-nergens") == set()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram indexes are PostgreSQL's"
)
def test_on_postgresql_every_part_uses_its_trigram_index(cases):
    query = Case.objects.filter(pk__in=free_text_matches("kerkplein")).values("pk")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        # A few test rows: force the choice (after an autovacuum ANALYZE of the test tables a
        # walk over a primary key index with a filter could look as cheap as the trigrams).
        for plan_kind in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{plan_kind} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for index in (
        "case_number_trgm_idx",
        "case_form_trgm_idx",
        "party_name_trgm_idx",
        "case_note_text_trgm_idx",
    ):
        assert index in plan, plan


def test_the_indexes_exist_only_where_the_database_has_them():
    with connection.cursor() as cursor:
        names = {
            name
            for constraints in [connection.introspection.get_constraints(cursor, "cases_case")]
            for name in constraints
        }
    assert ("case_form_trgm_idx" in names) == (connection.vendor == "postgresql")
