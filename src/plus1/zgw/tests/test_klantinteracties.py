# SPDX-License-Identifier: EUPL-1.2
"""The Klantinteracties API on the contact context's rows: what a KISS-style contact-centre
client writes is the contact moment and callback staff see, and what staff registered is
what the client reads. Bad input is a 400 naming every field, and nothing is written."""

from __future__ import annotations

import pytest

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case
from plus1.common.testing.factories import ProductFactory, ResidentFactory, TeamFactory, UserFactory
from plus1.contact.klantinteracties_models import DigitalAddress, KlantcontactDetails
from plus1.contact.models import Callback, ContactMoment
from plus1.identity.models import Party
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.zgw.tests.conftest import ZAKEN, zaak_body

KI = "/klantinteracties/api/v1"
BSN = "999993653"


@pytest.fixture
def team(db):
    return TeamFactory(slug="kcc-terugbellen", name="KCC terugbellen")


@pytest.fixture
def resident(db):
    return ResidentFactory(name="Fatima el Amrani", bsn=BSN, phone="")


def _klantcontact(api, **extra):
    body = {
        "kanaal": "telefoon",
        "onderwerp": "Vraag over mijn aanvraag",
        "inhoud": "Inwoner belt over de status van haar aanvraag.",
        "indicatieContactGelukt": True,
        "taal": "dut",
        "vertrouwelijk": False,
        "plaatsgevondenOp": "2026-12-01T10:15:00+01:00",
        **extra,
    }
    response = api.post(f"{KI}/klantcontacten", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_kiss_journey_lands_in_the_contact_moment_tables(superclient, case_type, team):
    """Register a klantcontact, its betrokkene (a partij found by BSN), the zaak it was
    about and a callback; read it back; the rows are kc's contact moment and callback."""
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    resident = ResidentFactory(name="Fatima el Amrani", bsn=BSN, phone="")
    Case.objects.filter(uuid=zaak["uuid"]).update(initiator=resident)

    found = superclient.get(
        f"{KI}/partijen",
        {"partijIdentificator__codeSoortObjectId": "bsn", "partijIdentificator__objectId": BSN},
    ).json()
    assert found["count"] == 1
    partij = found["results"][0]
    assert partij["uuid"] == str(resident.uuid)
    assert partij["soortPartij"] == "persoon"
    assert partij["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] == BSN

    klantcontact = _klantcontact(superclient)
    betrokkene = superclient.post(
        f"{KI}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "wasPartij": {"uuid": partij["uuid"]},
            "rol": "klant",
            "initiator": True,
            "contactnaam": {"voornaam": "Fatima", "achternaam": "el Amrani"},
        },
        format="json",
    )
    assert betrokkene.status_code == 201, betrokkene.json()
    phone = superclient.post(
        f"{KI}/digitaleadressen",
        {
            "verstrektDoorBetrokkene": {"uuid": betrokkene.json()["uuid"]},
            "adres": "0612345678",
            "soortDigitaalAdres": "telefoonnummer",
            "omschrijving": "mobiel",
        },
        format="json",
    )
    assert phone.status_code == 201, phone.json()
    onderwerp = superclient.post(
        f"{KI}/onderwerpobjecten",
        {
            "klantcontact": {"uuid": klantcontact["uuid"]},
            "onderwerpobjectidentificator": {
                "objectId": zaak["uuid"],
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        },
        format="json",
    )
    assert onderwerp.status_code == 201, onderwerp.json()
    actor = superclient.get(f"{KI}/actoren", {"soortActor": "organisatorische_eenheid"}).json()
    team_actor = next(a for a in actor["results"] if a["naam"] == "KCC terugbellen")
    taak = superclient.post(
        f"{KI}/internetaken",
        {
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": klantcontact["uuid"]},
            "toegewezenAanActoren": [{"uuid": team_actor["uuid"]}],
            "toelichting": "Wil weten wanneer het besluit komt.",
            "status": "te_verwerken",
        },
        format="json",
    )
    assert taak.status_code == 201, taak.json()

    # Read back, expanded, as KISS shows a contact history.
    read = superclient.get(
        f"{KI}/klantcontacten",
        {
            "hadBetrokkene__wasPartij__uuid": partij["uuid"],
            "expand": "hadBetrokkenen,gingOverOnderwerpobjecten,leiddeTotInterneTaken",
        },
    ).json()
    assert read["count"] == 1
    shown = read["results"][0]
    assert shown["onderwerp"] == "Vraag over mijn aanvraag"
    assert shown["_expand"]["hadBetrokkenen"][0]["volledigeNaam"] == "Fatima el Amrani"
    assert (
        shown["_expand"]["gingOverOnderwerpobjecten"][0]["onderwerpobjectidentificator"]["objectId"]
        == zaak["uuid"]
    )
    assert shown["_expand"]["leiddeTotInterneTaken"][0]["toelichting"] == (
        "Wil weten wanneer het besluit komt."
    )
    by_zaak = superclient.get(
        f"{KI}/klantcontacten",
        {"onderwerpobject__onderwerpobjectidentificatorObjectId": zaak["uuid"]},
    ).json()
    assert [k["uuid"] for k in by_zaak["results"]] == [klantcontact["uuid"]]

    # The same rows in the contact context's own tables, as staff see them.
    moment = ContactMoment.objects.get(uuid=klantcontact["uuid"])
    assert moment.channel == "telefoon"
    assert moment.party == resident
    assert moment.case.uuid.hex == zaak["uuid"].replace("-", "")
    assert moment.summary == "Inwoner belt over de status van haar aanvraag."
    assert moment.answered is True
    callback = Callback.objects.get(uuid=taak.json()["uuid"])
    assert callback.source == moment
    assert callback.team == team
    assert callback.party == resident
    assert callback.phone == "0612345678"
    assert callback.name == "Fatima el Amrani"
    assert callback.status == Callback.Status.OPEN
    assert list(resident.contact_moments.all()) == [moment]
    # …in the team's callback queue, and under the resident's Mijn contactmomenten.
    from plus1.contact import moment_selectors

    member = UserFactory(username="terugbeller", is_staff=True)
    team.members.add(member)
    assert list(moment_selectors.open_callbacks(member)) == [callback]
    own = moment_selectors.own_contact_moments(resident)
    assert [(c.channel, c.summary, c.case) for c in own] == [
        ("Telefoon", moment.summary, moment.case.identification)
    ]
    assert list(moment_selectors.own_callbacks(resident)) == [callback]

    # Done through the API: the callback staff see is done.
    done = superclient.patch(
        f"{KI}/internetaken/{callback.uuid}", {"status": "verwerkt"}, format="json"
    )
    assert done.status_code == 200, done.json()
    assert done.json()["afgehandeldOp"]
    callback.refresh_from_db()
    assert callback.status == Callback.Status.DONE and callback.done_at is not None


def test_a_contact_moment_staff_registered_reads_as_a_klantcontact(superclient, resident):
    staff = UserFactory(username="balie", first_name="Bram", last_name="Balie", is_staff=True)
    product = ProductFactory(name="Paspoort aanvragen")
    moment = ContactMoment.objects.create(
        channel="balie",
        party=resident,
        product=product,
        summary="Vroeg wat zij moet meenemen.",
        answered=True,
        internal_remark="Leek gehaast.",
        registered_by=staff,
    )

    body = superclient.get(f"{KI}/klantcontacten/{moment.uuid}").json()

    assert body["kanaal"] == "balie"
    assert body["onderwerp"] == "Paspoort aanvragen"
    assert body["inhoud"] == "Vroeg wat zij moet meenemen."
    assert "Leek gehaast" not in str(body)  # internal remarks stay internal
    assert body["hadBetrokkenActoren"][0]["naam"] == "Bram Balie"
    betrokkene = superclient.get(body["hadBetrokkenen"][0]["url"]).json()
    assert betrokkene["wasPartij"]["uuid"] == str(resident.uuid)
    assert betrokkene["hadKlantcontact"]["uuid"] == str(moment.uuid)


def test_reading_a_person_writes_their_data_trail(superclient, resident):
    before = DataTrailRecord.objects.filter(data_subject_id=subject_pseudonym(resident)).count()

    assert superclient.get(f"{KI}/partijen/{resident.uuid}").status_code == 200

    records = DataTrailRecord.objects.filter(data_subject_id=subject_pseudonym(resident))
    assert records.count() == before + 1
    assert records.last().activity.code == "klantcontact"


def test_invalid_klantcontact_is_a_400_naming_every_field_and_nothing_is_written(superclient):
    before = ContactMoment.objects.count(), KlantcontactDetails.objects.count()

    response = superclient.post(
        f"{KI}/klantcontacten",
        {"kanaal": "postduif", "taal": "nederlands", "vertrouwelijk": "misschien"},
        format="json",
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "invalid"
    assert {p["name"] for p in body["invalidParams"]} == {
        "kanaal",
        "onderwerp",
        "taal",
        "vertrouwelijk",
    }
    assert (ContactMoment.objects.count(), KlantcontactDetails.objects.count()) == before


def test_a_second_betrokkene_or_an_unknown_zaak_is_refused_and_nothing_changes(
    superclient, resident
):
    klantcontact = _klantcontact(superclient)
    body = {
        "hadKlantcontact": {"uuid": klantcontact["uuid"]},
        "wasPartij": {"uuid": str(resident.uuid)},
        "rol": "klant",
        "initiator": True,
    }
    assert superclient.post(f"{KI}/betrokkenen", body, format="json").status_code == 201
    other = ResidentFactory()
    audit = AuditEntry.objects.count()

    again = superclient.post(
        f"{KI}/betrokkenen", body | {"wasPartij": {"uuid": str(other.uuid)}}, format="json"
    )
    unknown = superclient.post(
        f"{KI}/onderwerpobjecten",
        {
            "klantcontact": {"uuid": klantcontact["uuid"]},
            "onderwerpobjectidentificator": {
                "objectId": "00000000-0000-4000-8000-000000000000",
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        },
        format="json",
    )

    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["name"] == "hadKlantcontact"
    assert unknown.status_code == 400
    moment = ContactMoment.objects.get(uuid=klantcontact["uuid"])
    assert moment.party == resident and moment.case is None
    assert AuditEntry.objects.count() == audit


def test_an_invalid_digitaal_adres_and_a_bsn_that_fails_the_elfproef_are_refused(superclient):
    partij = superclient.post(
        f"{KI}/partijen",
        {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": "123456789",
                        "codeRegister": "brp",
                    }
                }
            ],
            "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}},
        },
        format="json",
    )
    address = superclient.post(
        f"{KI}/digitaleadressen",
        {"adres": "geen-mail", "soortDigitaalAdres": "email"},
        format="json",
    )

    assert partij.status_code == 400
    assert "123456789" not in partij.content.decode()  # a BSN is never echoed in an error
    assert partij.json()["invalidParams"][0]["name"] == "partijIdentificatoren"
    assert address.status_code == 400
    assert Party.objects.count() == 0
    assert DigitalAddress.objects.count() == 0


def test_a_partij_is_registered_by_kvk_number(superclient):
    response = superclient.post(
        f"{KI}/partijen",
        {
            "soortPartij": "organisatie",
            "indicatieActief": True,
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "niet_natuurlijk_persoon",
                        "codeSoortObjectId": "kvk_nummer",
                        "objectId": "69599084",
                        "codeRegister": "hr",
                    }
                }
            ],
            "partijIdentificatie": {"naam": "Bakkerij De Korenschoof"},
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    party = Party.objects.get(uuid=response.json()["uuid"])
    assert (party.kind, party.kvk_number, party.name) == (
        "business",
        "69599084",
        "Bakkerij De Korenschoof",
    )


def test_lists_are_paginated_with_page_size_and_bad_filters_are_400(superclient, resident):
    for _ in range(3):
        _klantcontact(superclient)

    first = superclient.get(f"{KI}/klantcontacten", {"pageSize": 2}).json()
    second = superclient.get(f"{KI}/klantcontacten", {"pageSize": 2, "page": 2}).json()
    bad = superclient.get(
        f"{KI}/klantcontacten",
        {"hadBetrokkene__wasPartij__uuid": "geen-uuid", "indicatieContactGelukt": "soms"},
    )

    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    assert len(second["results"]) == 1
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} == {
        "hadBetrokkene__wasPartij__uuid",
        "indicatieContactGelukt",
    }


def test_actoren_are_staff_members_and_teams(superclient, team):
    staff = UserFactory(username="kcc1", email="kcc1@plusstad.nl", is_staff=True)
    UserFactory(username="inwoner")  # not staff: not an actor

    body = superclient.get(f"{KI}/actoren").json()
    medewerker = superclient.get(
        f"{KI}/actoren", {"actoridentificatorObjectId": "kcc1@plusstad.nl"}
    ).json()

    assert {a["soortActor"] for a in body["results"]} == {"medewerker", "organisatorische_eenheid"}
    assert "KCC terugbellen" in {a["naam"] for a in body["results"]}
    assert body["count"] == 2
    assert medewerker["count"] == 1
    assert medewerker["results"][0]["soortActor"] == "medewerker"
    one = superclient.get(medewerker["results"][0]["url"]).json()
    assert one["actoridentificator"]["objectId"] == staff.email


def test_a_callback_without_a_phone_number_is_refused(superclient, team, resident):
    klantcontact = _klantcontact(superclient)
    superclient.post(
        f"{KI}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "wasPartij": {"uuid": str(resident.uuid)},
            "rol": "klant",
            "initiator": True,
        },
        format="json",
    )

    response = superclient.post(
        f"{KI}/internetaken",
        {
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": klantcontact["uuid"]},
            "toegewezenAanActoren": [{"uuid": str(team.uuid)}],
            "status": "te_verwerken",
        },
        format="json",
    )

    assert response.status_code == 400
    assert "telefoonnummer" in str(response.json()["invalidParams"])
    assert Callback.objects.count() == 0


def test_the_api_root_serves_the_standards_document(client):
    response = client.get(f"{KI}")
    assert response.status_code == 200
    assert b"klantinteracties" in response.content


def test_unknown_path_and_unknown_object_answer_in_the_zgw_error_format(superclient):
    for path in (f"{KI}/klantcontacten/00000000-0000-4000-8000-000000000000", f"{KI}/bestaatniet"):
        response = superclient.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


# --- queries per page do not grow with the page --------------------------------------------


def _moments(count: int, team) -> None:
    for _ in range(count):
        party = ResidentFactory()
        moment = ContactMoment.objects.create(channel="telefoon", party=party, summary="Vraag")
        DigitalAddress.objects.create(party=party, kind="email", address="a@example.nl")
        Callback.objects.create(
            party=party,
            name=party.name,
            phone="0612345678",
            team=team,
            due_at=moment.registered_at,
            source=moment,
        )


def _queries(api, path, django_assert_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = api.get(path)
    assert response.status_code == 200, response.json()
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/klantcontacten?expand=hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,"
        "leiddeTotInterneTaken,gingOverOnderwerpobjecten",
        "/betrokkenen?expand=digitaleAdressen",
        "/partijen?expand=betrokkenen.hadKlantcontact,digitaleAdressen",
        "/internetaken",
        "/digitaleadressen",
        "/actoren",
        "/partij-identificatoren",
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_page(
    superclient, team, path, django_assert_num_queries
):
    _moments(2, team)
    _queries(superclient, KI + path, django_assert_num_queries)  # the trail's activity, once
    small = _queries(superclient, KI + path, django_assert_num_queries)
    _moments(6, team)
    large = _queries(superclient, KI + path, django_assert_num_queries)

    assert large == small


# --- crafted input is a 400 (or 404), never a server error -------------------------------

CRAFTED = [
    [],
    "tekst",
    {"kanaal": ["telefoon"], "onderwerp": {"a": 1}, "taal": 3, "vertrouwelijk": None},
    {"hadKlantcontact": "geen-object", "wasPartij": {"uuid": "x"}, "rol": "baas"},
    {
        "hadKlantcontact": {"uuid": "00000000-0000-4000-8000-000000000000"},
        "rol": "klant",
        "initiator": True,
    },
    {"klantcontact": {"uuid": None}, "onderwerpobjectidentificator": "zaak"},
    {
        "aanleidinggevendKlantcontact": {"uuid": "00000000-0000-4000-8000-000000000000"},
        "gevraagdeHandeling": "x",
        "status": "verwerkt",
        "toegewezenAanActoren": "x",
    },
    {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatie": "x",
        "partijIdentificatoren": [{"partijIdentificator": []}],
    },
    {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatie": {"contactnaam": "Jan"},
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": BSN,
                    "codeRegister": "brp",
                }
            }
        ],
    },
    {
        "adres": "x" * 81,
        "soortDigitaalAdres": "duif",
        "referentie": "met spatie",
        "verificatieDatum": "gisteren",
        "verstrektDoorPartij": {"uuid": "x"},
    },
]
RESOURCES = [
    "klantcontacten",
    "betrokkenen",
    "onderwerpobjecten",
    "internetaken",
    "partijen",
    "digitaleadressen",
]


@pytest.mark.parametrize("resource", RESOURCES)
def test_crafted_bodies_are_refused_without_a_server_error(superclient, resident, resource):
    klantcontact = _klantcontact(superclient)
    rows = ContactMoment.objects.count(), Callback.objects.count(), DigitalAddress.objects.count()
    for body in CRAFTED:
        response = superclient.post(f"{KI}/{resource}", body, format="json")
        assert response.status_code in (400, 404), (body, response.content)
        assert response["Content-Type"] == "application/problem+json"
    after = ContactMoment.objects.count(), Callback.objects.count(), DigitalAddress.objects.count()
    assert after == rows
    assert Party.objects.count() == 1
    patched = superclient.patch(
        f"{KI}/klantcontacten/{klantcontact['uuid']}", {"onderwerp": ""}, format="json"
    )
    assert patched.status_code == 400


def test_changing_only_the_onderwerp_keeps_the_summary(superclient):
    klantcontact = _klantcontact(superclient)

    response = superclient.patch(
        f"{KI}/klantcontacten/{klantcontact['uuid']}", {"onderwerp": "Paspoort"}, format="json"
    )

    assert response.status_code == 200
    moment = ContactMoment.objects.get(uuid=klantcontact["uuid"])
    assert moment.summary == "Inwoner belt over de status van haar aanvraag."
    assert moment.klantinteracties.subject == "Paspoort"


def test_rights_for_the_contact_centre_are_granted_in_the_autorisaties_api(superclient):
    """The same scheme as the ZGW APIs: an applicatie gets component `kic` and its scopes
    through the Autorisaties API, and the client's JWT counts at once."""
    from plus1.audit.services import Actor
    from plus1.zgw.autorisaties.services import applicatie_register
    from plus1.zgw.tests.conftest import api_as

    applicatie_register(
        actor=Actor.system("test"),
        label="KISS",
        client_id="kiss",
        secret="geheim-kiss",
        heeft_alle_autorisaties=False,
    )
    kiss = api_as("kiss", "geheim-kiss")
    assert kiss.get(f"{KI}/klantcontacten").status_code == 403
    old = superclient.get("/autorisaties/api/v1/applicaties/consumer", {"clientId": "kiss"})
    assert superclient.delete(old.json()["url"]).status_code == 204
    body = {
        "clientIds": ["kiss"],
        "label": "KISS",
        "autorisaties": [
            {"component": "kic", "scopes": ["klantinteracties.lezen", "klantinteracties.schrijven"]}
        ],
    }

    created = superclient.post("/autorisaties/api/v1/applicaties", body, format="json")

    assert created.status_code == 201, created.json()
    assert created.json()["autorisaties"][0]["componentWeergave"] == "Klantinteractiescomponent"
    assert kiss.get(f"{KI}/klantcontacten").status_code == 200
    assert _klantcontact(kiss)["kanaal"] == "telefoon"
    assert kiss.get(f"{ZAKEN}/zaken").status_code == 403


def test_a_page_of_klantcontacten_writes_one_trail_record_per_person(superclient, team):
    _moments(3, team)
    before = DataTrailRecord.objects.count()

    assert superclient.get(f"{KI}/klantcontacten").json()["count"] == 3

    records = DataTrailRecord.objects.order_by("pk")[before:]
    assert len(records) == 3
    assert len({record.data_subject_id for record in records}) == 3
    assert {record.name for record in records} == {
        "klantcontacten bekeken via de Klantinteracties API"
    }


def test_an_onderwerp_that_is_a_product_routes_the_callback_to_the_products_team(
    superclient, resident, team
):
    """Without an actor the interne taak goes to the team that owns the product, as a
    callback asked for at the counter does; the resident gets the same confirmation event."""
    from plus1.contact.models import ProductContactSetting
    from plus1.events.models import OutboxMessage

    product = ProductFactory(name="Parkeervergunning")
    ProductContactSetting.objects.create(product=product, callback_team=team)
    klantcontact = _klantcontact(superclient, onderwerp="parkeervergunning")
    superclient.post(
        f"{KI}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "wasPartij": {"uuid": str(resident.uuid)},
            "rol": "klant",
            "initiator": True,
        },
        format="json",
    )
    superclient.post(
        f"{KI}/digitaleadressen",
        {
            "verstrektDoorPartij": {"uuid": str(resident.uuid)},
            "adres": "+31612345678",
            "soortDigitaalAdres": "telefoonnummer",
            "isStandaardAdres": True,
        },
        format="json",
    )

    response = superclient.post(
        f"{KI}/internetaken",
        {
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": klantcontact["uuid"]},
            "status": "te_verwerken",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["toegewezenAanActoren"][0]["uuid"] == str(team.uuid)
    callback = Callback.objects.get(uuid=response.json()["uuid"])
    assert (callback.team, callback.product, callback.phone) == (team, product, "+31612345678")
    assert ContactMoment.objects.get(uuid=klantcontact["uuid"]).product == product
    confirmation = OutboxMessage.objects.filter(topic="contact.callback_requested").get()
    assert confirmation.payload["callback"] == str(callback.uuid)
    assert confirmation.payload["product"] == "Parkeervergunning"


def test_a_zaak_of_someone_else_is_not_what_their_contact_was_about(
    superclient, case_type, resident
):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    Case.objects.filter(uuid=zaak["uuid"]).update(initiator=ResidentFactory())
    klantcontact = _klantcontact(superclient)
    superclient.post(
        f"{KI}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "wasPartij": {"uuid": str(resident.uuid)},
            "rol": "klant",
            "initiator": True,
        },
        format="json",
    )

    response = superclient.post(
        f"{KI}/onderwerpobjecten",
        {
            "klantcontact": {"uuid": klantcontact["uuid"]},
            "onderwerpobjectidentificator": {
                "objectId": zaak["uuid"],
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["reason"] == (
        "Deze zaak is niet van de betrokken inwoner of ondernemer."
    )
    assert ContactMoment.objects.get(uuid=klantcontact["uuid"]).case is None


def test_an_anonymous_caller_is_called_back_on_the_number_they_gave(superclient, team):
    klantcontact = _klantcontact(superclient, kanaal="Telefoon")
    betrokkene = superclient.post(
        f"{KI}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "rol": "klant",
            "initiator": True,
            "contactnaam": {
                "voorletters": "P.",
                "achternaam": "de Vries",
                "voorvoegselAchternaam": "",
            },
        },
        format="json",
    ).json()
    address = superclient.post(
        f"{KI}/digitaleadressen",
        {
            "verstrektDoorBetrokkene": {"uuid": betrokkene["uuid"]},
            "adres": "0201234567",
            "soortDigitaalAdres": "telefoonnummer",
        },
        format="json",
    ).json()
    changed = superclient.put(
        address["url"],
        {
            "verstrektDoorBetrokkene": {"uuid": betrokkene["uuid"]},
            "adres": "0207654321",
            "soortDigitaalAdres": "telefoonnummer",
        },
        format="json",
    )
    taak = superclient.post(
        f"{KI}/internetaken",
        {
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": klantcontact["uuid"]},
            "toegewezenAanActor": {"uuid": str(team.uuid)},
            "status": "te_verwerken",
        },
        format="json",
    )

    assert betrokkene["wasPartij"] is None
    assert betrokkene["volledigeNaam"] == "P. de Vries"
    assert changed.status_code == 200, changed.json()
    assert taak.status_code == 201, taak.json()
    callback = Callback.objects.get(uuid=taak.json()["uuid"])
    assert (callback.party, callback.name, callback.phone) == (None, "P. de Vries", "0207654321")
    moment = ContactMoment.objects.get(uuid=klantcontact["uuid"])
    assert moment.party is None and moment.callback == callback
    assert (
        superclient.get(
            f"{KI}/betrokkenen", {"hadKlantcontact__uuid": klantcontact["uuid"]}
        ).json()["count"]
        == 1
    )

    assert superclient.delete(betrokkene["url"]).status_code == 204
    assert superclient.get(betrokkene["url"]).status_code == 404
    assert DigitalAddress.objects.filter(uuid=address["uuid"]).exists() is False


def test_maak_klantcontact_writes_the_three_at_once_or_nothing(superclient, case_type, resident):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    body = {
        "klantcontact": {
            "kanaal": "e-mail",
            "onderwerp": "Vraag over mijn zaak",
            "inhoud": "Mail over de planning.",
            "taal": "dut",
            "vertrouwelijk": False,
        },
        "betrokkene": {
            "wasPartij": {"uuid": str(resident.uuid)},
            "rol": "klant",
            "initiator": True,
            "contactnaam": {"achternaam": "el Amrani"},
        },
        "onderwerpobject": {
            "onderwerpobjectidentificator": {
                "objectId": zaak["uuid"],
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            }
        },
    }
    bad = body | {"betrokkene": body["betrokkene"] | {"rol": "buurman"}}
    before = ContactMoment.objects.count()

    refused = superclient.post(f"{KI}/maak-klantcontact", bad, format="json")
    made = superclient.post(f"{KI}/maak-klantcontact", body, format="json")

    assert refused.status_code == 400
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["betrokkene.rol"]
    assert made.status_code == 201, made.json()
    assert ContactMoment.objects.count() == before + 1
    moment = ContactMoment.objects.get(uuid=made.json()["klantcontact"]["uuid"])
    assert (moment.channel, moment.party, str(moment.case.uuid)) == (
        "e-mail",
        resident,
        zaak["uuid"],
    )
    assert made.json()["betrokkene"]["wasPartij"]["uuid"] == str(resident.uuid)
    assert (
        made.json()["onderwerpobject"]["onderwerpobjectidentificator"]["objectId"] == zaak["uuid"]
    )


def test_the_staff_member_of_a_klantcontact_is_linked_as_actorklantcontact(superclient):
    staff = UserFactory(username="kcc2", email="kcc2@plusstad.nl", is_staff=True)
    klantcontact = _klantcontact(superclient)
    actor = superclient.get(
        f"{KI}/actoren", {"actoridentificatorObjectId": "kcc2@plusstad.nl"}
    ).json()["results"][0]
    other = UserFactory(username="kcc3", is_staff=True)
    body = {"actor": {"uuid": actor["uuid"]}, "klantcontact": {"uuid": klantcontact["uuid"]}}

    link = superclient.post(f"{KI}/actorklantcontacten", body, format="json")
    second = superclient.post(
        f"{KI}/actorklantcontacten",
        body
        | {
            "actor": {
                "uuid": superclient.get(f"{KI}/actoren", {"naam": "kcc3"}).json()["results"][0][
                    "uuid"
                ]
            }
        },
        format="json",
    )

    assert link.status_code == 201, link.json()
    assert ContactMoment.objects.get(uuid=klantcontact["uuid"]).registered_by == staff
    assert second.status_code == 400
    assert ContactMoment.objects.get(uuid=klantcontact["uuid"]).registered_by != other
    listed = superclient.get(
        f"{KI}/actorklantcontacten", {"klantcontact__uuid": klantcontact["uuid"]}
    )
    assert [row["actor"]["uuid"] for row in listed.json()["results"]] == [actor["uuid"]]
    shown = superclient.get(f"{KI}/klantcontacten/{klantcontact['uuid']}").json()
    assert shown["hadBetrokkenActoren"][0]["uuid"] == actor["uuid"]

    assert superclient.delete(link.json()["url"]).status_code == 204
    assert ContactMoment.objects.get(uuid=klantcontact["uuid"]).registered_by is None


def test_a_partij_identificator_reads_back_its_partij(superclient, resident):
    partij = superclient.get(f"{KI}/partijen/{resident.uuid}").json()
    url = partij["partijIdentificatoren"][0]["url"]

    one = superclient.get(url).json()
    found = superclient.get(
        f"{KI}/partij-identificatoren",
        {"partijIdentificatorCodeSoortObjectId": "bsn", "partijIdentificatorObjectId": BSN},
    ).json()

    assert one["identificeerdePartij"]["uuid"] == str(resident.uuid)
    assert one["partijIdentificator"]["objectId"] == BSN
    assert found["count"] == 1
    assert BSN not in url


def test_a_search_by_bsn_leaves_the_bsn_out_of_logs_and_errors(superclient, resident, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    params = {
        "partijIdentificator__codeSoortObjectId": "bsn",
        "partijIdentificator__objectId": BSN,
        "indicatieActief": "soms",
    }

    refused = superclient.get(f"{KI}/partijen", params)
    found = superclient.get(f"{KI}/partijen", params | {"indicatieActief": "true"})

    assert refused.status_code == 400
    assert BSN not in refused.content.decode()
    assert found.json()["count"] == 1
    assert BSN not in caplog.text


def test_an_operation_plus1_does_not_serve_is_a_405_and_changes_nothing(superclient):
    klantcontact = _klantcontact(superclient)

    response = superclient.delete(f"{KI}/klantcontacten/{klantcontact['uuid']}")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert ContactMoment.objects.filter(uuid=klantcontact["uuid"]).exists()
    served = superclient.get(f"{KI}/schema/openapi.json").json()
    assert served["paths"]["/klantcontacten/{uuid}"]["delete"]["x-plus1-not-served"] is True
