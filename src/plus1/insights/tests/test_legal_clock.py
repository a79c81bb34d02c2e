# SPDX-License-Identifier: EUPL-1.2
"""The legal clock to its end, through real URLs: a late case, the notice of default, the
penalty to date for resident and staff, and every refusal."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.events import services as event_services
from plus1.events.models import OutboxMessage
from plus1.identity.testing import staff_login
from plus1.insights import audit_actions, events
from plus1.insights.models import DefaultNotice
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world(settings):
    settings.DEMO_MODE = True
    handler = UserFactory(staff=True, username="bram")
    team = TeamFactory(slug="vergunningen", name="Team Vergunningen", members=[handler])
    case_type = CaseTypeFactory(responsible_team=team, name="Omgevingsvergunning")
    serve_under_activity(case_type)
    anna = ResidentFactory(name="Anna de Boer")
    return {"handler": handler, "team": team, "case_type": case_type, "anna": anna}


def make_case(world, deadline, **changes):
    case = case_register(
        actor=Actor.system("test"),
        case_type=world["case_type"],
        initiator=world["anna"],
        form_data={"onderwerp": "Dakkapel"},
    )
    Case.objects.filter(pk=case.pk).update(deadline=deadline, **changes)
    case.refresh_from_db()
    return case


def login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def page_of(client, case):
    return client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()


def send(client, case):
    return client.post(reverse("portal:default-notice", args=[case.identification]))


def test_a_late_case_lets_the_resident_send_a_notice_in_one_step(client, world, monkeypatch):
    monkeypatch.setitem(event_services._topics, events.DEFAULT_NOTICE_SENT, ["test-listener"])
    case = make_case(world, TODAY - dt.timedelta(days=3))
    login(client, world["anna"])
    page = page_of(client, case)
    assert "Het besluit is te laat" in page and "Stuur een ingebrekestelling" in page

    response = send(client, case)

    assert response.status_code == 302
    notice = DefaultNotice.objects.get(case=case)
    assert notice.sent_on == TODAY and notice.deadline == case.deadline
    assert AuditEntry.objects.filter(action=audit_actions.DEFAULT_NOTICE_SENT).count() == 1
    assert DataTrailRecord.objects.filter(name__contains="Ingebrekestelling").count() == 1
    row = OutboxMessage.objects.get(topic=events.DEFAULT_NOTICE_SENT)
    assert row.payload["case"] == str(case.uuid)
    assert row.payload["penalty_from"] == (TODAY + dt.timedelta(days=14)).isoformat()
    page = page_of(client, case)
    assert "in gebreke gesteld" in page and "Stuur een ingebrekestelling" not in page
    assert "nog geen besluit" in page


def test_the_penalty_to_date_is_shown_to_resident_and_staff(client, world):
    case = make_case(world, TODAY - dt.timedelta(days=40))
    login(client, world["anna"])
    send(client, case)
    # Twenty days ago: two weeks of waiting, then 7 days of penalty (days 14..20) at €23.
    DefaultNotice.objects.filter(case=case).update(sent_on=TODAY - dt.timedelta(days=20))
    assert "€&nbsp;161</strong> (7 dagen)" in page_of(client, case)

    staff_login(client, world["handler"])
    staff_page = client.get(reverse("workbench:case", args=[case.identification])).content.decode()
    assert "€&nbsp;161" in staff_page and "De aanvrager heeft" in staff_page
    overview = client.get(reverse("workbench:legal-clock")).content.decode()
    assert "Dwangsommen tot nu toe: <strong>€&nbsp;161</strong>" in overview
    assert case.identification in overview


def test_a_notice_before_the_deadline_is_refused_with_the_first_date(client, world):
    deadline = TODAY + dt.timedelta(days=10)
    case = make_case(world, deadline)
    login(client, world["anna"])
    assert "Stuur een ingebrekestelling" not in page_of(client, case)

    response = send(client, case)

    page = response.content.decode()
    assert response.status_code == 400
    first = deadline + dt.timedelta(days=1)
    assert f"sturen vanaf {date_format(first, 'j F Y')}" in page
    assert not DefaultNotice.objects.exists()
    assert not AuditEntry.objects.filter(action=audit_actions.DEFAULT_NOTICE_SENT).exists()


def test_a_second_notice_and_a_notice_on_a_decided_case_are_refused(client, world):
    late = make_case(world, TODAY - dt.timedelta(days=3))
    decided = make_case(world, TODAY - dt.timedelta(days=3), closed_on=TODAY)
    login(client, world["anna"])
    send(client, late)
    again = send(client, late)
    assert again.status_code == 400 and "al een ingebrekestelling" in again.content.decode()
    closed = send(client, decided)
    assert closed.status_code == 400 and "al een besluit genomen" in closed.content.decode()
    assert DefaultNotice.objects.count() == 1


def test_someone_elses_case_is_not_found_and_nothing_is_written(client, world):
    case = make_case(world, TODAY - dt.timedelta(days=3))
    login(client, ResidentFactory(name="Piet Post"))
    assert send(client, case).status_code == 404
    assert not DefaultNotice.objects.exists()


def test_a_case_type_without_penalty_says_so(client, world):
    world["case_type"].penalty_applies = False
    world["case_type"].save()
    case = make_case(world, TODAY - dt.timedelta(days=60))
    login(client, world["anna"])
    assert "geldt geen dwangsom" in page_of(client, case)
    send(client, case)
    DefaultNotice.objects.filter(case=case).update(sent_on=TODAY - dt.timedelta(days=40))
    page = page_of(client, case)
    assert "geldt geen dwangsom" in page and "Tot nu toe" not in page


def test_staff_see_cases_due_within_five_working_days(client, world):
    soon = make_case(world, TODAY + dt.timedelta(days=2))
    later = make_case(world, TODAY + dt.timedelta(days=30))
    staff_login(client, world["handler"])
    page = client.get(reverse("workbench:legal-clock")).content.decode()
    risk_table = page.split("binnen 5 werkdagen")[1].split("</table>")[0]
    assert soon.identification in risk_table and later.identification not in risk_table


def test_the_overview_shows_only_the_staff_members_teams(client, world):
    other_team_case_type = CaseTypeFactory(responsible_team=TeamFactory())
    serve_under_activity(other_team_case_type)
    other = case_register(
        actor=Actor.system("test"),
        case_type=other_team_case_type,
        initiator=None,
        form_data={"onderwerp": "Dakkapel"},
    )
    Case.objects.filter(pk=other.pk).update(deadline=TODAY + dt.timedelta(days=1))
    staff_login(client, world["handler"])
    assert other.identification not in client.get(reverse("workbench:legal-clock")).content.decode()


def test_the_penalty_flag_is_saved_through_the_one_writer_of_case_types(world):
    from plus1.catalog.case_type_services import case_type_save

    case_type_save(
        actor=Actor.system("test"), case_type=world["case_type"], values={"penalty_applies": False}
    )
    world["case_type"].refresh_from_db()
    assert world["case_type"].penalty_applies is False
