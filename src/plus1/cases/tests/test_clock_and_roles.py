# SPDX-License-Identifier: EUPL-1.2
"""The legal clock of a case (opschorting, verlenging) and the initiator rol of a portal case."""

import datetime as dt

import pytest

from plus1.audit.services import Actor
from plus1.cases.models import Role
from plus1.cases.services import case_register, case_update
from plus1.common import legal_clock
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


def test_lifting_a_suspension_adds_the_suspended_days_and_skips_the_weekend():
    # Friday 6 March 2026 + 7 suspended days = Friday 13 March; + 8 days = Saturday → Monday.
    assert legal_clock.resume(dt.date(2026, 3, 6), dt.date(2026, 3, 1), dt.date(2026, 3, 8)) == (
        dt.date(2026, 3, 13)
    )
    assert legal_clock.resume(dt.date(2026, 3, 6), dt.date(2026, 3, 1), dt.date(2026, 3, 9)) == (
        dt.date(2026, 3, 16)
    )
    assert legal_clock.extend(dt.date(2026, 3, 2), "P5D") == dt.date(2026, 3, 9)


def test_portal_case_gets_its_initiator_rol_and_an_extension_moves_its_deadline():
    resident = ResidentFactory()
    case = case_register(
        actor=ACTOR,
        case_type=CaseTypeFactory(),
        initiator=resident,
        form_data={"onderwerp": "Boom"},
    )

    role = Role.objects.get(case=case)
    assert role.is_initiator and role.party == resident and role.bsn_index == resident.bsn_index
    before = case.deadline
    case = case_update(
        actor=ACTOR, case=case, changes={"extension": {"reden": "advies", "duur": "P14D"}}
    )
    assert case.deadline == legal_clock.next_working_day(before + dt.timedelta(days=14))
    again = case_update(
        actor=ACTOR, case=case, changes={"extension": {"reden": "advies", "duur": "P14D"}}
    )
    assert again.deadline == case.deadline  # the same extension counts once
