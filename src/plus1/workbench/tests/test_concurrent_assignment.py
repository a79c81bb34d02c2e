# SPDX-License-Identifier: EUPL-1.2
"""Two team leads reassign the same case at the same moment (PostgreSQL, two connections):
the second waits for the first, then wins; both changes are in the audit trail, the second
knowing whom it replaced, and no update is lost."""

import threading
import time

import pytest
from django.db import connection, transaction

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import audit_actions
from plus1.cases.assignment import cases_assign
from plus1.cases.models import Case
from plus1.workbench.services import cases_assign_by_lead
from plus1.workbench.tests.conftest import member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) need PostgreSQL")


def test_two_leads_at_once_are_serialised_and_the_last_one_wins(team, lead, bram, anouk, case):
    second_lead = member(team, anouk, is_lead=True, weekly_hours=8)
    first_holds_lock = threading.Event()
    errors: list[BaseException] = []
    finished: list[str] = []

    def first() -> None:
        try:
            with transaction.atomic():
                cases_assign(actor=Actor.from_user(lead), cases=[case], assignee=bram)
                first_holds_lock.set()
                time.sleep(0.5)  # the second lead clicks now, while this one is still saving
                finished.append("first")  # still holding the lock: the second cannot pass yet
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    def second() -> None:
        try:
            first_holds_lock.wait(5)
            cases_assign_by_lead(
                staff=second_lead,
                team=team,
                identifications=[case.identification],
                assignee=second_lead,
            )
            finished.append("second")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert finished == ["first", "second"]  # the second waited for the first's lock
    assert Case.objects.get(pk=case.pk).assignee == anouk
    entries = AuditEntry.objects.filter(
        action=audit_actions.CASE_ASSIGNED, object_id=str(case.pk)
    ).order_by("seq")
    assert [(e.before["assignee"], e.after["assignee"]) for e in entries] == [
        (None, bram.pk),
        (bram.pk, anouk.pk),
    ]
