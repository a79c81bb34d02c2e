# SPDX-License-Identifier: EUPL-1.2
"""Who works a case: picking it up, handing it to a colleague with a reason, giving it back,
a team lead assigning (one or in bulk), never outside the team, always audited."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import audit_actions
from plus1.cases.assignment import cases_assign
from plus1.cases.events import CASE_ASSIGNED
from plus1.cases.models import Case
from plus1.events.models import OutboxMessage
from plus1.workbench.tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def assign(client, case, **data):
    url = reverse("workbench:case-assign", args=[case.identification])
    return client.post(url, data, follow=True)


def assignee(case):
    return Case.objects.get(pk=case.pk).assignee


def assignments(case):
    return list(
        AuditEntry.objects.filter(
            action=audit_actions.CASE_ASSIGNED, object_type="cases.case", object_id=str(case.pk)
        ).order_by("seq")
    )


@pytest.fixture
def assigned_listener(monkeypatch):
    """A consumer of case.assigned, as the messages context will have."""
    from plus1.events import services

    monkeypatch.setitem(services._topics, CASE_ASSIGNED, ["test.assigned"])
    monkeypatch.setitem(services._consumers, "test.assigned", lambda delivery: None)


def test_picking_up_makes_me_the_assignee_audited_and_announced(bram, case, assigned_listener):
    page = assign(logged_in(bram), case, actie="oppakken")
    assert assignee(case) == bram
    assert "U bent nu de behandelaar van deze zaak." in page.content.decode()
    [entry] = assignments(case)
    assert (entry.before["assignee"], entry.after["assignee"]) == (None, bram.pk)
    topics = OutboxMessage.objects.filter(topic=CASE_ASSIGNED)
    assert topics.exists()
    assert {row.payload["assignee"] for row in topics} == {bram.pk}
    assert "Bram de Vries pakte de zaak op" in page.content.decode()


def test_handing_over_needs_a_colleague_and_a_reason(bram, anouk, case):
    client = logged_in(bram)
    assign(client, case, actie="oppakken")
    page = assign(client, case, actie="overdragen", collega="", reden="")
    text = page.content.decode()
    assert "Kies de collega die de zaak krijgt." in text
    assert "Schrijf waarom u de zaak overdraagt." in text
    assert assignee(case) == bram
    page = assign(client, case, actie="overdragen", collega=anouk.pk, reden="Ik ben met verlof")
    assert assignee(case) == anouk
    assert "Bram de Vries gaf de zaak aan Anouk Smit: Ik ben met verlof" in page.content.decode()


def test_handing_over_outside_the_team_is_refused_and_writes_nothing(
    bram, otto, case, assigned_listener
):
    client = logged_in(bram)
    page = assign(client, case, actie="overdragen", collega=otto.pk, reden="graag")
    assert "Otto Buiten zit niet in Team Vergunningen" in page.content.decode()
    assert assignee(case) is None
    assert assignments(case) == []
    assert not OutboxMessage.objects.filter(topic=CASE_ASSIGNED).exists()


def test_someone_outside_the_team_cannot_pick_up(otto, case):
    response = logged_in(otto).post(
        reverse("workbench:case-assign", args=[case.identification]), {"actie": "oppakken"}
    )
    assert response.status_code == 404
    assert assignee(case) is None


def test_returning_to_the_team_empties_the_assignee(bram, case):
    client = logged_in(bram)
    assign(client, case, actie="oppakken")
    page = assign(client, case, actie="teruggeven", reden="")
    assert assignee(case) is None
    assert "Bram de Vries gaf de zaak terug aan het team" in page.content.decode()


def test_a_colleague_cannot_take_away_someone_elses_case_by_returning_it(bram, anouk, case):
    assign(logged_in(bram), case, actie="oppakken")
    response = logged_in(anouk).post(
        reverse("workbench:case-assign", args=[case.identification]), {"actie": "teruggeven"}
    )
    assert response.status_code == 403
    assert assignee(case) == bram


def test_lead_sees_the_suggestion_and_assigns_it(lead, bram, anouk, case):
    client = logged_in(lead)
    page = client.get(reverse("workbench:case", args=[case.identification])).content.decode()
    assert "Voorstel: Bram de Vries (heeft de vaardigheid, werkt in dit gebied, 32 uur vrij" in page
    assign(client, case, actie="toewijzen", behandelaar=bram.pk, gezien="")
    assert assignee(case) == bram


def test_a_colleague_who_is_not_lead_gets_no_suggestion_and_cannot_assign(bram, anouk, case):
    client = logged_in(anouk)
    page = client.get(reverse("workbench:case", args=[case.identification])).content.decode()
    assert "Voorstel:" not in page
    response = client.post(
        reverse("workbench:case-assign", args=[case.identification]),
        {"actie": "toewijzen", "behandelaar": bram.pk},
    )
    assert response.status_code == 403
    assert assignee(case) is None


def test_bulk_reassignment_by_the_lead(lead, bram, case_type, case, anna):
    from plus1.cases.services import case_register

    other = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "x"},
    )
    client = logged_in(lead)
    page = client.post(
        reverse("workbench:bulk-assign"),
        {
            "team": "vergunningen",
            "zaken": [case.identification, other.identification],
            "behandelaar": bram.pk,
        },
        follow=True,
    )
    assert "2 zaak/zaken toegewezen." in page.content.decode()
    assert assignee(case) == bram and assignee(other) == bram
    assert len(assignments(case)) == len(assignments(other)) == 1


def test_bulk_reassignment_is_refused_for_a_staff_member_who_is_not_lead(bram, anouk, case):
    page = logged_in(anouk).post(
        reverse("workbench:bulk-assign"),
        {"team": "vergunningen", "zaken": [case.identification], "behandelaar": anouk.pk},
        follow=True,
    )
    assert "Alleen een teamleider kan zaken in bulk toewijzen." in page.content.decode()
    assert assignee(case) is None


def test_one_case_that_cannot_go_to_the_assignee_stops_the_whole_batch(bram, otto, case):
    other_case = Case.objects.get(pk=case.pk)
    with pytest.raises(ValidationError) as refused:
        cases_assign(actor=Actor.system("test"), cases=[other_case], assignee=otto)
    assert "Otto Buiten zit niet in Team Vergunningen" in " ".join(refused.value.messages)
    assert assignee(case) is None
    assert assignments(case) == []


def test_the_lead_is_told_when_someone_else_changed_the_assignee_meanwhile(lead, bram, anouk, case):
    client = logged_in(lead)
    # The lead opened the page while nobody had the case; meanwhile Anouk picked it up.
    assign(logged_in(anouk), case, actie="oppakken")
    page = assign(client, case, actie="toewijzen", behandelaar=bram.pk, gezien="0").content.decode()
    assert "intussen had iemand anders de behandelaar" in page
    assert assignee(case) == bram
    before_after = [(e.before["assignee"], e.after["assignee"]) for e in assignments(case)]
    assert before_after == [(None, anouk.pk), (anouk.pk, bram.pk)]


def test_my_work_lists_my_cases_by_deadline(bram, case_type, case, anna):
    import datetime as dt

    from plus1.cases.services import case_register

    later = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "x"},
    )
    Case.objects.filter(pk=later.pk).update(deadline=case.deadline + dt.timedelta(days=5))
    client = logged_in(bram)
    assign(client, later, actie="oppakken")
    assign(client, case, actie="oppakken")
    page = client.get(reverse("workbench:my-work")).content.decode()
    assert page.index(case.identification) < page.index(later.identification)


def test_the_resident_sees_a_named_contact_only_where_the_case_type_says_so(bram, case, anna):
    from django.test import Client

    assign(logged_in(bram), case, actie="oppakken")
    resident = Client()
    resident.force_login(anna.user)
    url = reverse("portal:case-detail", args=[case.identification])
    assert "Bram de Vries" not in resident.get(url).content.decode()
    case.case_type.show_assignee_to_resident = True
    case.case_type.save()
    page = resident.get(url).content.decode()
    assert "Uw contactpersoon" in page and "Bram de Vries" in page


def test_bulk_without_cases_or_with_a_case_of_another_team_names_every_problem(lead, bram, case):
    client = logged_in(lead)
    page = client.post(
        reverse("workbench:bulk-assign"),
        {"team": "vergunningen", "behandelaar": bram.pk},
        follow=True,
    ).content.decode()
    assert "Kies een of meer zaken." in page
    page = client.post(
        reverse("workbench:bulk-assign"),
        {
            "team": "vergunningen",
            "zaken": [case.identification, "ZAAK-1999-0000001"],
            "behandelaar": bram.pk,
        },
        follow=True,
    ).content.decode()
    assert "Zaak ZAAK-1999-0000001 hoort niet bij Team Vergunningen." in page
    assert assignee(case) is None
