# SPDX-License-Identifier: EUPL-1.2
"""The report form in the portal: the broken lamp end to end, and every bad-input rule."""

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case
from plus1.common.testing.factories import ResidentFactory
from plus1.identity.testing import staff_login
from plus1.meldingen.categories import service_deadline
from plus1.meldingen.models import Follower, Melding, Photo
from plus1.meldingen.tests.conftest import BINNENSTAD, NORTH_OF_TOWN, image_file, submit

pytestmark = pytest.mark.django_db
URL = "/meldingen/nieuw/"


def form(point=BINNENSTAD, **extra):
    data = {
        "omschrijving": "De lantaarnpaal voor nummer 12 brandt niet",
        "categorie": "verlichting",
        "breedtegraad": str(point[0]),
        "lengtegraad": str(point[1]),
        "email": "melder@example.nl",
        "actie": "versturen",
    }
    data.update(extra)
    return data


def nothing_stored():
    return not Case.objects.exists() and not Melding.objects.exists() and not Photo.objects.exists()


def test_broken_lamp_lands_in_the_neighbourhood_team_with_its_service_level(
    world, client, freezer_today
):
    response = client.post(URL, form(), follow=True)
    melding = Melding.objects.select_related("case__responsible_team").get()
    case = melding.case
    assert response.status_code == 200
    assert f"Uw melding is ontvangen met nummer {case.identification}" in response.content.decode()
    assert (case.neighbourhood_code, case.district_code) == ("BU99990101", "WK999901")
    assert case.responsible_team.slug == "openbare-ruimte-zuid"
    assert case.case_type.code == "melding-openbare-ruimte" and case.initiator is None
    assert case.deadline == service_deadline("verlichting", freezer_today)  # 5 working days
    assert case.geometry == {"type": "Point", "coordinates": [BINNENSTAD[1], BINNENSTAD[0]]}
    assert melding.reporter_email == "melder@example.nl"
    # the staff member of that team finds it in the inbox
    staff = staff_login(Client(), world.staff_south)
    assert case.identification in staff.get("/werkplek/").content.decode()


def test_the_form_works_without_logging_in_and_when_logged_in(world, client):
    page = client.get(URL)
    assert page.status_code == 200 and "Inloggen hoeft niet" in page.content.decode()
    resident = ResidentFactory()
    client.force_login(resident.user)
    client.post(URL, form(email=""))
    melding = Melding.objects.get()
    assert melding.case.initiator == resident and melding.reporter_email == ""


def test_typing_an_address_places_the_report(world, client):
    client.post(URL, form(breedtegraad="", lengtegraad="", adres="Lindelaan 12"))
    melding = Melding.objects.get()
    assert melding.address == "Lindelaan 12" and melding.case.neighbourhood_code == "BU99990101"


def test_clicking_on_the_map_chooses_the_place(world, client):
    response = client.post(
        URL, {**form(breedtegraad="", lengtegraad=""), "kaart.x": "300", "kaart.y": "300"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and nothing_stored()
    assert "U heeft een plek gekozen in de buurt" in body
    assert 'name="breedtegraad" value="52.' in body


def test_categorie_voorstellen_suggests_one_that_can_be_changed(world, client):
    # "Categorie voorstellen" only suggests; "Melding versturen" without a category files
    # the report in the suggested one at once (test_one_press.py).
    response = client.post(
        URL,
        form(
            categorie="", omschrijving="De lantaarnpaal brandt niet, lamp kapot", actie="voorstel"
        ),
    )
    body = response.content.decode()
    assert response.status_code == 200 and nothing_stored()
    assert "Wij denken dat uw melding gaat over: Straatverlichting" in body
    assert '<option value="verlichting" selected>' in body
    assert '<option value="afval">' in body  # the resident can still choose another


def test_missing_description_and_place_are_all_listed_and_nothing_is_stored(world, client):
    response = client.post(
        URL, form(omschrijving="", breedtegraad="", lengtegraad="", categorie="afval")
    )
    body = response.content.decode()
    assert response.status_code == 400 and nothing_stored()
    assert "Beschrijf in een paar woorden" in body
    assert "Geef aan waar het is" in body


def test_a_place_outside_the_municipality_is_refused_and_nothing_is_stored(world, client):
    audit_before = AuditEntry.objects.count()
    response = client.post(URL, {**form(point=NORTH_OF_TOWN), "fotos": image_file()})
    body = response.content.decode()
    assert response.status_code == 400
    assert "buiten de gemeente Plusstad, in de Gemeente Noorderveen" in body
    assert "https://www.noorderveen.example.nl/melden" in body
    assert nothing_stored() and AuditEntry.objects.count() == audit_before
    assert not default_storage.exists("meldingen") or not default_storage.listdir("meldingen")[1]


def test_a_fake_image_is_refused_by_content_and_what_was_typed_is_kept(world, client):
    fake = SimpleUploadedFile(
        "lamp.jpg", b"#!/bin/sh\necho dit is geen foto\n", content_type="image/jpeg"
    )
    response = client.post(URL, {**form(), "fotos": [image_file(), fake]})
    body = response.content.decode()
    assert response.status_code == 400 and nothing_stored()
    assert "‘lamp.jpg’ is geen foto die wij kunnen gebruiken" in body
    assert "De lantaarnpaal voor nummer 12 brandt niet</textarea>" in body
    assert 'value="melder@example.nl"' in body
    assert '<option value="verlichting" selected>' in body


def test_other_image_formats_and_oversized_photos_are_refused(world, client):
    gif = SimpleUploadedFile(
        "foto.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", content_type="image/png"
    )
    big = SimpleUploadedFile(
        "groot.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024), content_type="image/jpeg"
    )
    response = client.post(URL, {**form(), "fotos": [gif, big]})
    body = response.content.decode()
    assert response.status_code == 400 and nothing_stored()
    assert "‘foto.png’ is geen foto" in body and "‘groot.jpg’ is groter dan 10 MB" in body


def test_at_most_three_photos(world, client):
    photos = [image_file(name=f"foto{n}.jpg") for n in range(4)]
    response = client.post(URL, {**form(), "fotos": photos})
    assert response.status_code == 400 and nothing_stored()
    assert "hoogstens 3 foto" in response.content.decode()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_photos_are_reencoded_without_exif_or_gps(world, client, fmt):
    from PIL import Image

    original = image_file(fmt, name=f"foto.{fmt.lower()}", exif=True)
    with Image.open(original) as check:  # the upload really carries GPS data
        assert check.getexif().get_ifd(0x8825)
    original.seek(0)
    client.post(URL, {**form(), "fotos": [original]})
    photo = Photo.objects.get()
    with default_storage.open(photo.file.name, "rb") as stored, Image.open(stored) as image:
        assert image.format == fmt
        assert not image.getexif() and not image.getexif().get_ifd(0x8825)
        assert "exif" not in image.info
    assert photo.content_type == f"image/{fmt.lower()}"


def test_anonymous_reports_are_rate_limited_per_client(world, client):
    cache.clear()
    for n in range(10):  # ten far-apart reports, so none is a duplicate
        lat = 52.0210 + n * 0.001
        assert client.post(URL, form(point=(lat, 5.0825))).status_code == 302
    response = client.post(URL, form(point=(52.0330, 5.0825)))
    body = response.content.decode()
    assert response.status_code == 429
    assert "al 10 meldingen gedaan zonder in te loggen" in body
    assert "De lantaarnpaal voor nummer 12 brandt niet</textarea>" in body
    assert Melding.objects.count() == 10
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(URL, form(point=(52.0330, 5.0825))).status_code == 302
    resident = ResidentFactory()
    client.force_login(resident.user)  # logged in: not limited
    assert client.post(URL, form(point=(52.0340, 5.0825))).status_code == 302


def test_a_report_within_50_metres_of_an_open_one_is_shown_to_follow(world, client):
    existing = submit()
    near = (BINNENSTAD[0] + 0.0003, BINNENSTAD[1])  # about 33 metres north
    response = client.post(URL, form(point=near))
    body = response.content.decode()
    assert response.status_code == 200 and Melding.objects.count() == 1
    assert "Is dit al gemeld?" in body and existing.case.identification in body
    assert "ongeveer 33 meter" in body
    follow = client.post(URL, form(point=near, actie=f"volg:{existing.case.identification}"))
    assert follow.status_code == 302 and Melding.objects.count() == 1
    assert Follower.objects.get().email == "melder@example.nl"
    anyway = client.post(URL, form(point=near, actie="toch-nieuw"))
    assert anyway.status_code == 302 and Melding.objects.count() == 2


def test_no_duplicate_warning_further_away_or_for_another_category(world, client):
    submit()
    far = (BINNENSTAD[0] + 0.0006, BINNENSTAD[1])  # about 67 metres
    assert client.post(URL, form(point=far)).status_code == 302
    assert (
        client.post(URL, form(categorie="afval", omschrijving="Zwerfafval op de stoep")).status_code
        == 302
    )
    assert Melding.objects.count() == 3
