# SPDX-License-Identifier: EUPL-1.2
"""Reporters and followers get status updates; staff merge duplicates; the inbox filters by area."""

import pytest
from django.core import mail
from django.test import Client

from plus1.audit.services import Actor
from plus1.cases.services import case_transition
from plus1.common.testing.factories import ResidentFactory, UserFactory
from plus1.events.services import outbox_drain
from plus1.identity.testing import staff_login
from plus1.meldingen.models import Follower, Melding
from plus1.meldingen.services import melding_follow
from plus1.meldingen.tests.conftest import BINNENSTAD, HAVENHOOFD, image_file, submit

pytestmark = pytest.mark.django_db


def move(world, melding, code):
    target = world.case_type.statuses.get(code=code)
    return case_transition(actor=Actor.system("test"), case=melding.case, target=target)


def staff_client(world):
    return staff_login(Client(), world.staff_south)


def test_anonymous_reporter_and_followers_get_status_updates(world, client):
    melding = submit(email="melder@example.nl")
    response = client.post(
        f"/meldingen/{melding.case.identification}/volgen/", {"email": "buur@example.nl"}
    )
    assert response.status_code == 302
    outbox_drain()
    mail.outbox.clear()
    move(world, melding, "in-behandeling")
    outbox_drain()
    assert sorted(m.to[0] for m in mail.outbox) == ["buur@example.nl", "melder@example.nl"]
    message = mail.outbox[0]
    assert "In behandeling" in message.subject and melding.case.identification in message.body
    assert f"/meldingen/{melding.case.identification}/" in message.body
    assert "buur@example.nl" not in mail.outbox[1].body + mail.outbox[0].body  # no addresses shared


def test_two_quick_status_changes_reach_followers_each_with_its_own_status(world):
    melding = submit(email="melder@example.nl")
    outbox_drain()
    mail.outbox.clear()
    move(world, melding, "in-behandeling")
    move(world, melding, "afgehandeld")  # before the worker ran for the first change
    outbox_drain()
    number = melding.case.identification
    assert [m.subject for m in mail.outbox] == [
        f"Nieuwe status voor melding {number}: In behandeling",
        f"Nieuwe status voor melding {number}: Afgehandeld",
    ]


def test_a_logged_in_reporter_gets_one_message_not_two(world):
    resident = ResidentFactory(email="anna@example.nl")
    melding = submit(reporter=resident)
    melding_follow(actor=Actor.system("test"), melding=melding, party=resident)
    outbox_drain()
    mail.outbox.clear()
    move(world, melding, "in-behandeling")
    outbox_drain()
    assert [m.to for m in mail.outbox] == [["anna@example.nl"]]


def test_a_logged_in_follower_finds_the_update_under_mijn_berichten(world):
    melding = submit(email="melder@example.nl")
    buur = ResidentFactory(name="Bea Buur", email="bea@example.nl")
    melding_follow(actor=Actor.system("test"), melding=melding, party=buur)
    outbox_drain()
    move(world, melding, "in-behandeling")
    outbox_drain()
    client = Client()
    client.force_login(buur.user)
    page = client.get("/mijn-berichten/").content.decode()
    assert f"Nieuwe status voor melding {melding.case.identification}: In behandeling" in page
    assert "Verstuurd per e-mail" in page


def test_following_needs_an_email_address_when_not_logged_in(world, client):
    melding = submit()
    response = client.post(
        f"/meldingen/{melding.case.identification}/volgen/", {"email": "geen-adres"}, follow=True
    )
    assert "Vul uw e-mailadres in" in response.content.decode()
    assert not Follower.objects.exists()


def test_staff_merge_a_duplicate_and_its_reporter_follows_the_other(world):
    first = submit(email="eerste@example.nl")
    second = submit(email="tweede@example.nl", allow_duplicates=True)
    melding_follow(actor=Actor.system("test"), melding=second, email="volger@example.nl")
    staff = staff_client(world)
    page = staff.get(f"/werkplek/meldingen/{second.case.identification}/").content.decode()
    assert first.case.identification in page and "Samenvoegen" in page
    response = staff.post(
        f"/werkplek/meldingen/{second.case.identification}/samenvoegen/",
        {"into": first.case.identification},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    second.case.refresh_from_db()
    assert second.merged_into == first and second.case.status.code == "samengevoegd"
    assert second.case.closed_on is not None
    assert sorted(first.followers.values_list("email", flat=True)) == [
        "tweede@example.nl",
        "volger@example.nl",
    ]
    outbox_drain()
    mail.outbox.clear()
    move(world, first, "in-behandeling")
    outbox_drain()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "eerste@example.nl",
        "tweede@example.nl",
        "volger@example.nl",
    ]
    # the public map shows only the report that stays open
    public = Client().get("/meldingen/").content.decode()
    assert first.case.identification in public and second.case.identification not in public


def test_merging_a_report_into_itself_or_a_closed_one_is_refused(world):
    first = submit()
    staff = staff_client(world)
    response = staff.post(
        f"/werkplek/meldingen/{first.case.identification}/samenvoegen/",
        {"into": first.case.identification},
        follow=True,
    )
    assert "niet met zichzelf" in response.content.decode()
    assert Melding.objects.get().merged_into is None


def test_staff_of_other_teams_cannot_open_the_report_page(world):
    melding = submit(point=HAVENHOOFD)  # north: not the south team's
    assert (
        staff_client(world).get(f"/werkplek/meldingen/{melding.case.identification}/").status_code
        == 404
    )


def test_staff_see_photos_residents_do_not(world):
    melding = submit(photos=[image_file()])
    photo = melding.photos.get()
    url = f"/werkplek/meldingen/{melding.case.identification}/fotos/{photo.pk}/"
    assert staff_client(world).get(url).status_code == 200
    assert Client().get(url).status_code == 302  # to the login
    resident = ResidentFactory()
    client = Client()
    client.force_login(resident.user)
    assert client.get(url).status_code == 404


def test_the_inbox_filters_by_area(world):
    in_binnenstad = submit()
    elsewhere_in_centrum = submit(
        point=(52.0250, 5.1100), category="afval", description="Vuilniszakken"
    )
    staff = staff_client(world)
    everything = staff.get("/werkplek/").content.decode()
    assert in_binnenstad.case.identification in everything
    assert elsewhere_in_centrum.case.identification in everything
    assert "Wijk Centrum" in everything and "Buurt Binnenstad" in everything
    buurt = staff.get("/werkplek/?gebied=BU99990101").content.decode()
    assert in_binnenstad.case.identification in buurt
    assert elsewhere_in_centrum.case.identification not in buurt
    wijk = staff.get("/werkplek/?gebied=WK999901").content.decode()
    assert elsewhere_in_centrum.case.identification in wijk
    unknown = staff.get("/werkplek/?gebied=BU00000000").content.decode()  # not an area: no filter
    assert elsewhere_in_centrum.case.identification in unknown


def test_staff_publish_a_text_for_the_public_map(world):
    melding = submit()
    staff = staff_client(world)
    staff.post(
        f"/werkplek/meldingen/{melding.case.identification}/publiceren/",
        {"text": "Lamp wordt vervangen."},
    )
    assert "Lamp wordt vervangen." in Client().get("/meldingen/").content.decode()


def test_the_catalog_product_opens_the_report_form(world, client):
    response = client.get("/aanvragen/melding-openbare-ruimte/")
    assert response.status_code == 302 and response["Location"] == "/meldingen/nieuw/"


def test_a_report_is_visible_through_the_zgw_zaken_api(world):
    from plus1.zgw.autorisaties.services import applicatie_register
    from plus1.zgw.tests.conftest import ZAKEN, api_as

    applicatie_register(
        actor=Actor.system("test"),
        label="Alles",
        client_id="alles",
        secret="geheim-alles",
        heeft_alle_autorisaties=True,
    )
    melding = submit()
    response = api_as("alles", "geheim-alles").get(f"{ZAKEN}/zaken/{melding.case.uuid}")
    assert response.status_code == 200
    body = response.json()
    assert body["identificatie"] == melding.case.identification
    assert body["zaakgeometrie"]["type"] == "Point"
    assert body["zaakgeometrie"]["coordinates"] == [BINNENSTAD[1], BINNENSTAD[0]]


def test_non_staff_users_cannot_merge(world):
    melding = submit()
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert (
        client.post(f"/werkplek/meldingen/{melding.case.identification}/samenvoegen/").status_code
        == 404
    )


def test_an_anonymous_reporter_gets_a_receipt_with_the_follow_link(world):
    melding = submit(email="melder@example.nl")
    submit(point=HAVENHOOFD)  # no e-mail given: no receipt
    outbox_drain()
    assert [m.to for m in mail.outbox] == [["melder@example.nl"]]
    assert melding.case.identification in mail.outbox[0].subject
    assert f"/meldingen/{melding.case.identification}/" in mail.outbox[0].body


def test_staff_cannot_merge_into_a_report_of_another_team(world):
    mine = submit(email="eerste@example.nl")  # south: the south team's
    theirs = submit(point=HAVENHOOFD)  # north: another team's
    staff = staff_client(world)
    assert staff.get(f"/werkplek/meldingen/{theirs.case.identification}/").status_code == 404

    response = staff.post(
        f"/werkplek/meldingen/{mine.case.identification}/samenvoegen/",
        {"into": theirs.case.identification},
        follow=True,
    )

    assert "Kies een melding van uw eigen team" in response.content.decode()
    mine.refresh_from_db()
    assert mine.merged_into is None and mine.case.closed_on is None
    assert not theirs.followers.exists()
