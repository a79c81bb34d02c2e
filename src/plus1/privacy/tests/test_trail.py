# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.test import Client
from django.urls import reverse

from plus1.catalog.models import CaseType
from plus1.common.bsn import blind_index
from plus1.identity.testing import staff_login
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.privacy.tests.conftest import RESIDENT_BSN, World, make_activity

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"


def test_staff_opening_a_case_shows_up_in_the_residents_data_trail(world: World) -> None:
    page = world.staff_client().get(
        reverse("workbench:case", args=[world.case.identification]),
        headers={"traceparent": f"00-{TRACE}-{PARENT}-01"},
    )
    assert page.status_code == 200
    record = DataTrailRecord.objects.get()
    assert record.activity == world.activity
    assert (record.trace_id, record.parent_span_id) == (TRACE, PARENT)
    assert page["traceresponse"].startswith(f"00-{TRACE}-")
    assert record.data_subject_id == subject_pseudonym(world.resident)
    assert RESIDENT_BSN not in str(record.__dict__)
    assert record.data_subject_id != blind_index(RESIDENT_BSN)
    assert record.audit_entry.actor_label == "Sanne Bakker"

    trail = world.resident_client().get(reverse("privacy:my-trail"))
    text = trail.content.decode()
    assert "Team Sociaal Domein" in text
    assert f"bekeken — zaak {world.case.identification} bekeken" in text
    assert "Bijzondere bijstand verlenen" in text
    assert "Artikel 35 Participatiewet" in text
    assert "Sanne Bakker" not in text  # names only where the municipality's policy says so
    assert "Sommige gebruik kan tijdelijk verborgen zijn" in text


def test_staff_names_are_shown_when_the_setting_says_so(world: World, settings) -> None:
    settings.DATA_TRAIL_SHOW_STAFF_NAMES = True
    world.staff_client().get(reverse("workbench:case", args=[world.case.identification]))
    trail = world.resident_client().get(reverse("privacy:my-trail"))
    assert "Sanne Bakker (medewerker)" in trail.content.decode()


def test_no_purpose_no_access(world: World) -> None:
    CaseTypeActivity.objects.all().delete()
    page = world.staff_client().get(reverse("workbench:case", args=[world.case.identification]))
    assert page.status_code == 403
    assert b"Anna de Boer" not in page.content
    assert not DataTrailRecord.objects.exists()


def test_the_inbox_writes_one_record_per_person_shown(world: World) -> None:
    page = world.staff_client().get(reverse("workbench:inbox"))
    assert b"Anna de Boer" in page.content
    assert DataTrailRecord.objects.filter(name="werkvoorraad bekeken").count() == 1


def test_changing_a_case_is_recorded_as_changed(world: World) -> None:
    world.staff_client().post(
        reverse("workbench:case-status", args=[world.case.identification]),
        {"status": "in-behandeling"},
    )
    record = DataTrailRecord.objects.get(action="changed")
    assert "In behandeling" in record.name


def test_confidential_uses_are_withheld_and_purpose_filter_works(world: World) -> None:
    fraud = make_activity("fraude", name="Fraudeonderzoek", confidential=True)
    other_type = CaseType.objects.get(pk=world.case.case_type_id)
    world.staff_client().get(reverse("workbench:case", args=[world.case.identification]))
    CaseTypeActivity.objects.filter(case_type=other_type).update(activity=fraud)
    world.staff_client().get(reverse("workbench:case", args=[world.case.identification]))
    assert DataTrailRecord.objects.count() == 2

    client = world.resident_client()
    text = client.get(reverse("privacy:my-trail")).content.decode()
    assert "Fraudeonderzoek" not in text
    assert text.count("Bijzondere bijstand verlenen") >= 1
    filtered = client.get(reverse("privacy:my-trail"), {"doel": "andere"}).content.decode()
    assert "zaak " + world.case.identification not in filtered


def test_staff_must_choose_a_purpose_outside_a_case(world: World) -> None:
    client = world.staff_client()
    refused = client.post(reverse("privacy:lookup"), {"doel": "", "bsn": RESIDENT_BSN})
    assert refused.status_code == 400
    assert "Kies eerst het doel" in refused.content.decode()
    assert not DataTrailRecord.objects.exists()
    shown = client.post(reverse("privacy:lookup"), {"doel": "bijstand", "bsn": RESIDENT_BSN})
    assert "Anna de Boer" in shown.content.decode()
    record = DataTrailRecord.objects.get()
    assert record.activity.code == "bijstand"
    assert record.audit_entry.after["team"] == "Team Sociaal Domein"


def test_a_lookup_shows_only_the_cases_of_the_purpose_and_the_staff_members_teams(
    world: World,
) -> None:
    from plus1.audit.services import Actor
    from plus1.cases.services import case_register
    from plus1.common.testing.factories import CaseTypeFactory, TeamFactory, UserFactory

    desk = UserFactory(staff=True, first_name="Kees", last_name="Klantcontact")
    contact = TeamFactory(name="Team Klantcontact", members=[desk])
    containers = make_activity("afvalcontainers", name="Afvalcontainers uitgeven")
    complaints = make_activity("klachten", name="Klachten behandelen")
    kinds = {
        "Afvalcontainer aanvragen": (contact, containers),
        "Klacht indienen": (contact, complaints),
        "Afvalpas (ander team)": (TeamFactory(name="Team Afval"), containers),
    }
    cases = {}
    for name, (team, activity) in kinds.items():
        case_type = CaseTypeFactory(responsible_team=team, name=name)
        CaseTypeActivity.objects.create(case_type=case_type, activity=activity)
        cases[name] = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=world.resident,
            form_data={"onderwerp": "x"},
        )
    client = Client()
    staff_login(client, desk)

    page = client.post(reverse("privacy:lookup"), {"doel": "afvalcontainers", "bsn": RESIDENT_BSN})

    text = page.content.decode()
    assert "Anna de Boer" in text
    assert cases["Afvalcontainer aanvragen"].identification in text
    for hidden in (world.case, cases["Klacht indienen"], cases["Afvalpas (ander team)"]):
        assert hidden.identification not in text
    assert ": Bijzondere bijstand (" not in text and ": Klacht indienen (" not in text
