# SPDX-License-Identifier: EUPL-1.2
"""Several versions of one case type (ZGW identificatie): the portal offers the one in force."""

import datetime as dt

import pytest

from plus1.catalog.models import CaseType
from plus1.catalog.selectors import case_type_by_code
from plus1.common.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


def version(valid_from, valid_to=None, name="Kapvergunning"):
    return CaseType.objects.create(
        code="kapvergunning",
        name=name,
        responsible_team=TeamFactory(),
        valid_from=valid_from,
        valid_to=valid_to,
    )


def test_the_portal_finds_the_version_in_force_today():
    today = dt.date.today()
    version(today - dt.timedelta(days=400), name="Oud")
    current = version(today - dt.timedelta(days=10), name="Nieuw")
    version(today + dt.timedelta(days=30), name="Toekomst")

    assert case_type_by_code("kapvergunning") == current
    assert list(CaseType.objects.current().values_list("name", flat=True)) == ["Nieuw"]


def test_an_ended_version_is_no_longer_offered():
    today = dt.date.today()
    version(today - dt.timedelta(days=400), valid_to=today - dt.timedelta(days=1))

    assert case_type_by_code("kapvergunning") is None


def test_each_status_type_has_its_own_uuid():
    from plus1.common.testing.factories import CaseTypeFactory

    statuses = CaseTypeFactory().statuses.all()

    assert len({s.uuid for s in statuses}) == 3
