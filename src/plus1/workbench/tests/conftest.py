# SPDX-License-Identifier: EUPL-1.2
"""A team with a lead (Tessa), two colleagues (Bram with the skill, area and hours; Anouk
without hours) and someone of another team (Otto), and a case type with a purpose."""

import pytest
from django.test import Client

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.models import TeamMembership
from plus1.identity.testing import staff_login
from plus1.privacy.testing import serve_under_activity


def member(team, user, **fields):
    TeamMembership.objects.update_or_create(team=team, user=user, defaults=fields)
    return user


@pytest.fixture
def team():
    return TeamFactory(slug="vergunningen", name="Team Vergunningen", skills=["evenementen"])


@pytest.fixture
def lead(team):
    user = UserFactory(staff=True, username="tessa", first_name="Tessa", last_name="Lind")
    return member(team, user, is_lead=True, weekly_hours=8)


@pytest.fixture
def bram(team):
    user = UserFactory(staff=True, username="bram", first_name="Bram", last_name="de Vries")
    return member(team, user, weekly_hours=32, skills=["evenementen"], areas=["WK036301"])


@pytest.fixture
def anouk(team):
    user = UserFactory(staff=True, username="anouk", first_name="Anouk", last_name="Smit")
    return member(team, user, weekly_hours=0, skills=["evenementen"], areas=["WK036301"])


@pytest.fixture
def otto():
    user = UserFactory(staff=True, username="otto", first_name="Otto", last_name="Buiten")
    return member(TeamFactory(slug="elders", name="Team Elders"), user, weekly_hours=40)


@pytest.fixture
def case_type(team):
    case_type = CaseTypeFactory(
        code="evenement", name="Evenementenvergunning", responsible_team=team, skill="evenementen"
    )
    serve_under_activity(case_type)
    return case_type


@pytest.fixture
def anna():
    return ResidentFactory(name="Anna de Boer")


@pytest.fixture
def case(case_type, anna):
    case = case_register(
        actor=Actor.from_user(anna.user),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "Buurtfeest", "aantal": 80},
    )
    case.district_code = "WK036301"
    case.save(update_fields=["district_code"])
    return case


def logged_in(user):
    client = Client()
    staff_login(client, user)
    return client
