# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.models import Party
from plus1.identity.testing import staff_login
from plus1.privacy.models import CaseTypeActivity, LegalGround, Partner, ProcessingActivity
from plus1.privacy.services import api_client_create
from plus1.privacy.testing import make_activity

RESIDENT_BSN = "999990007"


@dataclass
class World:
    staff: Any
    team: Any
    resident: Party
    case: Case
    activity: ProcessingActivity
    partner: Partner
    sharing: ProcessingActivity
    token: str

    def staff_client(self) -> Client:
        return staff_login(Client(), self.staff)

    def resident_client(self) -> Client:
        client = Client()
        client.force_login(self.resident.user)
        return client

    def partner_post(self, path: str, body: dict[str, Any], token: str | None = None) -> Any:
        return Client().post(
            path,
            body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {token or self.token}"},
        )


@pytest.fixture
def world(db: Any) -> World:
    staff = UserFactory(staff=True, first_name="Sanne", last_name="Bakker")
    team = TeamFactory(name="Team Sociaal Domein", members=[staff])
    case_type = CaseTypeFactory(responsible_team=team, name="Bijzondere bijstand")
    activity = make_activity("bijstand", name="Bijzondere bijstand verlenen")
    CaseTypeActivity.objects.create(case_type=case_type, activity=activity)
    resident = ResidentFactory(bsn=RESIDENT_BSN, name="Anna de Boer", phone="0612345678")
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Bed"},
    )
    sharing = make_activity(
        "delen-schuldhulp", name="Gegevens delen met schuldhulp", legal_ground=LegalGround.CONSENT
    )
    partner = Partner.objects.create(
        slug="schuldhulp", name="Schuldhulp Plusstad", kind="debt_help"
    )
    partner.activities.set([sharing])
    api_client_create(
        actor=Actor.system("test"),
        name="Koppeling",
        client_id="schuldhulp",
        secret="s3cret",
        partner=partner,
    )
    return World(staff, team, resident, case, activity, partner, sharing, "schuldhulp.s3cret")


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
