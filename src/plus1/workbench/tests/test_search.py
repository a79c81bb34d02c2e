# SPDX-License-Identifier: EUPL-1.2
"""Search in the workbench: by case number, name, postcode + huisnummer, KVK number and free
text, only in what the staff member may see; by BSN only in a POST with a purpose first."""

import pytest
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.identity.models import Party
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.testing import make_activity
from plus1.workbench.tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def moving_case(case_type, anna):
    return case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "Optocht Kerkstraat", "postcode": "1234 ab", "huisnummer": "5"},
    )


def search(client, q):
    response = client.get(reverse("workbench:search"), {"q": q})
    return response.status_code, response.content.decode()


@pytest.mark.parametrize(
    "q",
    ["{number}", "1234AB 5", "1234 ab", "Anna de", "optocht", "kerkstraat"],
)
def test_found_by_number_postcode_name_and_free_text(bram, moving_case, case, q):
    q = q.format(number=moving_case.identification)
    status, page = search(logged_in(bram), q)
    assert status == 200
    assert moving_case.identification in page


def test_postcode_with_another_house_number_finds_nothing(bram, moving_case):
    _, page = search(logged_in(bram), "1234 AB 7")
    assert moving_case.identification not in page
    assert "Niets gevonden" in page


def test_found_by_kvk_number(bram, case_type):
    business = Party.objects.create(
        kind=Party.Kind.BUSINESS, name="Bakkerij Bol", kvk_number="12345678"
    )
    found = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=business,
        form_data={"onderwerp": "x"},
    )
    _, page = search(logged_in(bram), "12345678")
    assert found.identification in page and "Bakkerij Bol" in page


def test_a_case_of_another_team_is_not_found(otto, moving_case):
    _, page = search(logged_in(otto), moving_case.identification)
    assert f">{moving_case.identification}</a>" not in page
    assert "Niets gevonden" in page


def test_results_write_one_trail_record_per_person_shown(bram, moving_case, case):
    before = DataTrailRecord.objects.count()
    search(logged_in(bram), "Anna")
    assert DataTrailRecord.objects.count() - before == 1  # two of Anna's cases, one person


def test_a_bsn_in_the_search_box_is_refused_and_not_used(bram, anna, moving_case):
    before = DataTrailRecord.objects.count()
    status, page = search(logged_in(bram), anna.bsn)
    assert status == 400
    assert "BSN-formulier" in page
    assert moving_case.identification not in page
    assert anna.bsn not in page  # not echoed back into the form either
    assert DataTrailRecord.objects.count() == before


def test_bsn_search_asks_for_the_purpose_first(bram, anna, moving_case):
    client = logged_in(bram)
    before = DataTrailRecord.objects.count()
    response = client.post(reverse("workbench:search"), {"bsn": anna.bsn, "doel": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies eerst het doel" in page
    assert moving_case.identification not in page
    assert DataTrailRecord.objects.count() == before


def test_bsn_search_with_a_purpose_shows_the_cases_and_is_in_the_trail(bram, anna, moving_case):
    activity = moving_case.case_type.processing.activity
    client = logged_in(bram)
    before = DataTrailRecord.objects.count()
    response = client.post(reverse("workbench:search"), {"bsn": anna.bsn, "doel": activity.code})
    page = response.content.decode()
    assert response.status_code == 200
    assert moving_case.identification in page and "Zaken van Anna de Boer" in page
    assert DataTrailRecord.objects.count() == before + 1
    assert DataTrailRecord.objects.order_by("-pk").first().activity == activity


def test_bsn_search_under_another_purpose_shows_no_cases_of_this_case_type(bram, anna, moving_case):
    other = make_activity("iets-anders")
    page = (
        logged_in(bram)
        .post(reverse("workbench:search"), {"bsn": anna.bsn, "doel": other.code})
        .content.decode()
    )
    assert moving_case.identification not in page
    assert "Geen zaken van deze inwoner voor dit doel." in page


def test_an_invalid_bsn_and_no_purpose_are_both_named(bram):
    page = logged_in(bram).post(reverse("workbench:search"), {"bsn": "123", "doel": ""})
    text = page.content.decode()
    assert "Kies eerst het doel" in text and "Vul een geldig burgerservicenummer in" in text
