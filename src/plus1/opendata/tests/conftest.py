# SPDX-License-Identifier: EUPL-1.2
"""A municipality with enough cases to publish and some small cells to hide."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.common.testing.factories import CaseTypeFactory, ProductFactory, TeamFactory
from plus1.insights.models import SatisfactionRating
from plus1.meldingen.models import Melding

JANUARY, FEBRUARY = dt.date(2026, 1, 12), dt.date(2026, 2, 9)


def make_cases(case_type: Any, n: int, **changes: Any) -> list[Case]:
    made = []
    for _ in range(n):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=None,
            form_data={"onderwerp": "Test"},
        )
        made.append(case)
    Case.objects.filter(pk__in=[case.pk for case in made]).update(**changes)
    return made


@pytest.fixture
def municipality(db, settings, tmp_path):
    settings.OPENDATA_DIR = tmp_path / "opendata"
    team = TeamFactory()
    parking = ProductFactory(
        slug="parkeervergunning",
        name="Parkeervergunning",
        case_type=CaseTypeFactory(responsible_team=team),
    )
    passport = ProductFactory(
        slug="paspoort", name="Paspoort", case_type=CaseTypeFactory(responsible_team=team)
    )
    # January: parking 12 in Centrum, 3 in Noord (hidden); passport 15 and 11.
    make_cases(parking.case_type, 12, registered_on=JANUARY, district_code="WK999901")
    make_cases(parking.case_type, 3, registered_on=JANUARY, district_code="WK999902")
    make_cases(passport.case_type, 15, registered_on=JANUARY, district_code="WK999901")
    make_cases(passport.case_type, 11, registered_on=JANUARY, district_code="WK999902")
    # Decided in February: 11 parking on time, 4 late; 10 passports on time.
    on_time = make_cases(
        parking.case_type,
        11,
        registered_on=JANUARY,
        closed_on=FEBRUARY,
        deadline=FEBRUARY + dt.timedelta(days=5),
        district_code="WK999901",
    )
    late = make_cases(
        parking.case_type,
        4,
        registered_on=JANUARY,
        closed_on=FEBRUARY,
        deadline=FEBRUARY - dt.timedelta(days=5),
        district_code="WK999901",
    )
    passports = make_cases(
        passport.case_type,
        10,
        registered_on=FEBRUARY,
        closed_on=FEBRUARY,
        deadline=FEBRUARY,
        district_code="WK999902",
    )
    # Ratings: parking 11 × 4 and 4 × 2 (hidden); passports 10 × 5.
    for cases, score in ((on_time, 4), (late, 2), (passports, 5)):
        for case in cases:
            SatisfactionRating.objects.create(case=case, score=score)
    # Meldingen: 12 about lighting in one buurt, 2 in another.
    melding_type = CaseTypeFactory(responsible_team=team, name="Melding openbare ruimte")
    for code, n in (("BU99990101", 12), ("BU99990201", 2)):
        for case in make_cases(
            melding_type,
            n,
            registered_on=JANUARY,
            neighbourhood_code=code,
            district_code=code[:8].replace("BU", "WK"),
        ):
            Melding.objects.create(case=case, category="verlichting")
    return {"parking": parking, "passport": passport, "melding_type": melding_type}


from plus1.opendata.tests.woo_fixtures import decision, draft, woo_case  # noqa: E402, F401
