# SPDX-License-Identifier: EUPL-1.2
"""cases.CaseTally stays equal to the cases whichever way they are written (decision 33)."""

import uuid

import pytest
from django.db.models import Count, Sum

from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseTally
from plus1.cases.services import case_register
from plus1.common.testing.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db


def _tally() -> dict[tuple[int, str], int]:
    rows = CaseTally.objects.values("case_type", "confidentiality").annotate(n=Sum("n"))
    return {(row["case_type"], row["confidentiality"]): row["n"] for row in rows if row["n"]}


def _counted() -> dict[tuple[int, str], int]:
    rows = Case.objects.values("case_type", "confidentiality").annotate(n=Count("pk"))
    return {(row["case_type"], row["confidentiality"]): row["n"] for row in rows}


def _register(case_type, n=1):
    return [
        case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=None,
            form_data={"onderwerp": "Boom"},
        )
        for _ in range(n)
    ]


def test_the_tally_follows_creates_changes_bulk_writes_and_deletes():
    trees, permits = CaseTypeFactory(confidentiality="openbaar"), CaseTypeFactory()
    first, second, third = _register(trees, 3)
    _register(permits, 2)
    assert _tally() == _counted() and sum(_tally().values()) == 5

    first.confidentiality = "geheim"
    first.save()
    second.save()  # saved unchanged: nothing moves
    Case.objects.filter(pk=third.pk).update(case_type=permits)
    assert _tally() == _counted()
    assert _tally()[(trees.pk, "geheim")] == 1 and _tally()[(permits.pk, "openbaar")] == 1

    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    values = {f.attname: getattr(second, f.attname) for f in fields}
    copies = [
        Case(**{**values, "uuid": uuid.uuid4(), "identification": f"BULK-{number}"})
        for number in range(4)
    ]
    Case.objects.bulk_create(copies)
    assert _tally() == _counted() and sum(_tally().values()) == 9

    Case.objects.filter(case_type=permits).delete()
    assert _tally() == _counted() and sum(_tally().values()) == 6
