# SPDX-License-Identifier: EUPL-1.2
"""A report in one press: no category needed when the description is clear, every problem
at once, photos kept through corrections, and the place in words for public and staff."""

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from plus1.geo.selectors import nearest_address, place_for_address
from plus1.identity.testing import staff_login
from plus1.meldingen.models import Melding, Photo
from plus1.meldingen.photos import STASH_DIR
from plus1.meldingen.tests.conftest import BINNENSTAD, NORTH_OF_TOWN, image_file
from plus1.meldingen.tests.test_report_form import URL, form, nothing_stored

pytestmark = pytest.mark.django_db
ON_LINDELAAN = (52.04475, 5.0825)  # halfway along Lindelaan (numbers 1 to 120)


def test_the_nearest_address_is_read_off_the_street(world):
    assert nearest_address(*ON_LINDELAAN) in ("Lindelaan 60", "Lindelaan 61")
    for number in (1, 40, 120):  # the way back from an address to its point
        place = place_for_address(f"Lindelaan {number}")
        assert nearest_address(place.latitude, place.longitude) == f"Lindelaan {number}"
        assert nearest_address(place.latitude + 0.0003, place.longitude) == f"Lindelaan {number}"
    assert nearest_address(*NORTH_OF_TOWN) == ""  # no street of ours near


def test_one_press_without_a_category_files_the_report_in_the_right_one(world, client):
    response = client.post(URL, form(categorie=""), follow=True)
    melding = Melding.objects.get()
    assert melding.category == "verlichting"
    assert "Wij hebben hem ingedeeld bij ‘Straatverlichting’." in response.content.decode()


def test_every_problem_is_reported_at_once_and_nothing_is_stored(world, client):
    response = client.post(
        URL,
        form(
            omschrijving="abc", categorie="", breedtegraad="", lengtegraad="", adres="Nergensweg 3"
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400 and nothing_stored()
    assert "Er zijn 3 punten om te verbeteren" in page
    assert "Beschrijf in een paar woorden" in page and "Kies een categorie." in page
    assert "Het adres ‘Nergensweg 3’ kennen wij niet in Plusstad." in page


def test_a_photo_is_kept_through_a_correction_and_sent_once(world, client):
    refused = client.post(URL, form(email="geen-adres", fotos=image_file()))
    page = refused.content.decode()
    assert refused.status_code == 400 and nothing_stored()
    assert "Uw foto is bewaard" in page
    token = page.split('name="fotos_token" value="')[1].split('"')[0]
    assert default_storage.listdir(f"{STASH_DIR}/{token}")[1]  # kept, cleaned, on disk

    client.post(URL, form(email="melder@example.nl", fotos_token=token))
    melding = Melding.objects.get()
    assert Photo.objects.filter(melding=melding).count() == 1
    assert default_storage.listdir(f"{STASH_DIR}/{token}")[1] == []  # the kept copy is gone


def test_kept_photos_can_be_removed(world, client):
    page = client.post(URL, form(email="x", fotos=image_file())).content.decode()
    token = page.split('name="fotos_token" value="')[1].split('"')[0]
    client.post(URL, form(fotos_token=token, fotos_weg="1"))
    assert Melding.objects.exists() and not Photo.objects.exists()


def test_a_forged_token_reads_nothing(world, client):
    client.post(URL, form(fotos_token="../../../etc"))
    assert Melding.objects.exists() and not Photo.objects.exists()


def test_the_place_is_shown_in_words_to_public_and_staff(world, client):
    client.post(URL, form(point=ON_LINDELAAN))
    melding = Melding.objects.select_related("case").get()
    assert melding.address.startswith("Lindelaan ")  # a map click or coordinates get one
    listing = client.get("/meldingen/").content.decode()
    assert "Bij Lindelaan" in listing and "buurt Binnenstad" in listing
    assert f"{melding.case.latitude}" not in listing
    detail = client.get(f"/meldingen/{melding.case.identification}/").content.decode()
    assert "Bij Lindelaan" in detail and "buurt Binnenstad" in detail

    client.post(URL, form(point=BINNENSTAD, adres=""))
    other = Melding.objects.exclude(pk=melding.pk).select_related("case").get()
    staff = staff_login(Client(), world.staff_south)
    page = staff.get(f"/werkplek/meldingen/{other.case.identification}/").content.decode()
    assert "buurt Binnenstad, wijk Centrum" in page and "BU99990101" not in page
    case_page = staff.get(f"/werkplek/zaken/{other.case.identification}/").content.decode()
    assert "buurt Binnenstad, wijk Centrum" in case_page
    assert "<dd>Straatverlichting</dd>" in case_page and "<dd>verlichting</dd>" not in case_page


def test_the_report_form_in_english(world, client):
    client.post("/taal/", {"language": "en", "next": URL})
    page = client.get(URL).content.decode()
    assert '<html lang="en">' in page and "<h1>Report about the public space</h1>" in page
    assert (
        "Where is it?" in page and "Send report" in page and "(fixed within 5 working days)" in page
    )
