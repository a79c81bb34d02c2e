# SPDX-License-Identifier: EUPL-1.2
"""Routing rules as data: category x area x time window -> team, with a default team."""

import datetime as dt

import pytest
from django.utils import timezone

from plus1.geo.selectors import place_at
from plus1.meldingen.models import RoutingRule
from plus1.meldingen.selectors import route_team
from plus1.meldingen.tests.conftest import BINNENSTAD, HAVENHOOFD, submit

pytestmark = pytest.mark.django_db

WEDNESDAY_NOON = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
WEDNESDAY_EVENING = dt.datetime(2026, 11, 25, 20, 30, tzinfo=dt.UTC)
SATURDAY_NOON = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def team_for(category, point, at):
    team = route_team(category, place_at(*point), timezone.localtime(at))
    return team.slug if team else None


def test_reports_go_to_the_team_of_their_area(world):
    assert team_for("verlichting", BINNENSTAD, WEDNESDAY_NOON) == "openbare-ruimte-zuid"
    assert team_for("verlichting", HAVENHOOFD, WEDNESDAY_NOON) == "openbare-ruimte-noord"


def test_a_category_rule_with_a_time_window_wins_inside_the_window_only(world):
    assert team_for("overlast", BINNENSTAD, WEDNESDAY_NOON) == "openbare-ruimte-zuid"
    assert team_for("overlast", BINNENSTAD, WEDNESDAY_EVENING) == "handhaving"  # 21:30 local
    assert team_for("overlast", HAVENHOOFD, SATURDAY_NOON) == "handhaving"  # weekend rule
    assert team_for("verlichting", BINNENSTAD, WEDNESDAY_EVENING) == "openbare-ruimte-zuid"


def test_a_buurt_rule_beats_a_wijk_rule(world):
    RoutingRule.objects.create(
        name="Binnenstad apart", area_code="BU99990101", team=world.teams["openbare-ruimte-noord"]
    )
    assert team_for("afval", BINNENSTAD, WEDNESDAY_NOON) == "openbare-ruimte-noord"


def test_without_an_area_rule_the_default_rule_decides_and_without_rules_the_case_type(world):
    RoutingRule.objects.exclude(area_code="", category="").delete()
    RoutingRule.objects.filter(category="").exclude(area_code="").delete()
    assert team_for("groen", HAVENHOOFD, WEDNESDAY_NOON) == "openbare-ruimte"
    RoutingRule.objects.all().delete()
    assert team_for("groen", HAVENHOOFD, WEDNESDAY_NOON) is None
    melding = submit(point=HAVENHOOFD, category="groen", description="De boom is omgewaaid")
    assert melding.case.responsible_team == world.case_type.responsible_team


def test_inactive_rules_are_ignored(world):
    RoutingRule.objects.filter(area_code="WK999902").update(active=False)
    assert team_for("afval", HAVENHOOFD, WEDNESDAY_NOON) == "openbare-ruimte"


def test_an_overnight_window_wraps_around_midnight(world):
    early = dt.datetime(2026, 11, 25, 4, 0, tzinfo=dt.UTC)  # 05:00 local, window 18:00-07:00
    assert team_for("overlast", BINNENSTAD, early) == "handhaving"
