# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API: informatieobjecttypen, besluittypen, the parts of a zaaktype and the
publication rules (ztc-009 … ztc-013), the selectielijst rules of resultaattypen
(ztc-002 … ztc-008), notifications and fixed query counts of the lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType, DecisionType, ResultType
from plus1.common.testing.factories import TeamFactory
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.testing import queued_notifications
from plus1.zgw.tests.conftest import CATALOGI, limited_client
from plus1.zgw.tests.test_catalogi import zaaktype_body

pytestmark = pytest.mark.django_db
REF = "http://testserver/referentielijsten/api/v1"
PROCESTYPE = f"{REF}/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b"
NIHIL = f"{REF}/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f"  # procestermijn nihil
OMSCHRIJVING = f"{REF}/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7"


@pytest.fixture
def catalogus(superclient):
    TeamFactory(slug="zgw")
    response = superclient.post(
        f"{CATALOGI}/catalogussen",
        {"domein": "PLUS", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"},
        format="json",
    )
    return response.json()["url"]


def post(api, path, body):
    return api.post(f"{CATALOGI}/{path}", body, format="json")


def iot(api, catalogus, name="Besluitbrief"):
    body = {
        "catalogus": catalogus,
        "omschrijving": name,
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2026-01-01",
    }
    return post(api, "informatieobjecttypen", body).json()["url"]


def besluittype(api, catalogus, **extra):
    body = {
        "catalogus": catalogus,
        "omschrijving": "Vergunning",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
        **extra,
    }
    return post(api, "besluittypen", body)


def zaaktype(api, catalogus, **extra):
    body = zaaktype_body(catalogus, selectielijstProcestype=PROCESTYPE, **extra)
    return post(api, "zaaktypen", body)


def first_error(response):
    param = response.json()["invalidParams"][0]
    return response.status_code, param["name"], param["code"]


def test_catalogus_lists_its_besluittypen_and_informatieobjecttypen(superclient, catalogus):
    document = iot(superclient, catalogus)
    decision = besluittype(superclient, catalogus, informatieobjecttypen=[document]).json()

    shown = superclient.get(catalogus).json()

    assert shown["besluittypen"] == [decision["url"]]
    assert shown["informatieobjecttypen"] == [document]
    assert decision["vastgelegdIn"] == ["Besluitbrief"] and decision["concept"] is True


@pytest.fixture
def writer(superclient):
    """A client that may read and write the catalogue, but not force deletes."""
    scopes = ["catalogi.lezen", "catalogi.schrijven"]
    return limited_client("schrijver", [{"component": "ztc", "scopes": scopes}])


def test_published_besluittype_only_accepts_an_end_date(superclient, writer, catalogus):
    url = besluittype(writer, catalogus).json()["url"]
    assert writer.post(f"{url}/publish").status_code == 200

    changed = writer.patch(url, {"toelichting": "anders"}, format="json")
    ended = writer.patch(url, {"eindeGeldigheid": "2030-01-01"}, format="json")
    removed = writer.delete(url)

    assert first_error(changed) == (400, "nonFieldErrors", "non-concept-object")
    assert ended.status_code == 200 and ended.json()["eindeGeldigheid"] == "2030-01-01"
    assert first_error(removed) == (400, "nonFieldErrors", "non-concept-object")
    assert DecisionType.objects.get().explanation == ""
    # With catalogi.geforceerd-verwijderen (all rights) it can be deleted after all.
    assert superclient.delete(url).status_code == 204
    assert not DecisionType.objects.exists()


def test_a_zaaktype_in_use_by_zaken_is_not_deleted(superclient, case_type):
    case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=None,
        form_data={"onderwerp": "Boom"},
    )

    response = superclient.delete(f"{CATALOGI}/zaaktypen/{case_type.uuid}")

    assert first_error(response) == (400, "nonFieldErrors", "in-use")
    assert CaseType.objects.filter(pk=case_type.pk).exists()


def test_zaaktype_publishes_only_after_its_besluittypen(superclient, catalogus):
    decision = besluittype(superclient, catalogus).json()["url"]
    case_type = zaaktype(superclient, catalogus, besluittypen=[decision]).json()["url"]

    refused = superclient.post(f"{case_type}/publish")
    assert first_error(refused) == (400, "nonFieldErrors", "concept-relation")
    superclient.post(f"{decision}/publish")
    assert superclient.post(f"{case_type}/publish").status_code == 200
    # Another zaaktype may not take the published besluittype as a new relation.
    again = zaaktype(superclient, catalogus, besluittypen=[decision])
    assert first_error(again) == (400, "nonFieldErrors", "non-concept-relation")


def test_relations_must_stay_within_one_catalogus(superclient, catalogus):
    other = post(
        superclient,
        "catalogussen",
        {"domein": "ANDER", "rsin": "002220647", "contactpersoonBeheerNaam": "X"},
    ).json()["url"]
    decision = besluittype(superclient, other).json()["url"]

    response = zaaktype(superclient, catalogus, besluittypen=[decision])

    assert first_error(response) == (400, "nonFieldErrors", "relations-incorrect-catalogus")
    assert not CaseType.objects.filter(code="kapvergunning").exists()


def test_parts_of_a_published_zaaktype_cannot_change(superclient, writer, catalogus):
    case_type = zaaktype(superclient, catalogus).json()["url"]
    rol = post(
        writer,
        "roltypen",
        {"zaaktype": case_type, "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
    ).json()
    superclient.post(f"{case_type}/publish")

    renamed = writer.patch(rol["url"], {"omschrijving": "Ander"}, format="json")
    extra = post(
        writer,
        "roltypen",
        {"zaaktype": case_type, "omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur"},
    )

    assert first_error(renamed) == (400, "nonFieldErrors", "non-concept-zaaktype")
    assert first_error(extra) == (400, "nonFieldErrors", "non-concept-zaaktype")
    # All rights imply no forced write: that takes catalogi.geforceerd-schrijven by name.
    by_all_rights = superclient.patch(rol["url"], {"omschrijving": "Ander"}, format="json")
    assert first_error(by_all_rights) == (400, "nonFieldErrors", "non-concept-zaaktype")
    shown = superclient.get(case_type).json()
    assert shown["roltypen"] == [rol["url"]] and rol["zaaktypeIdentificatie"] == "kapvergunning"


def resultaattype(api, case_type, **brondatum):
    body = {
        "zaaktype": case_type,
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": OMSCHRIJVING,
        "selectielijstklasse": NIHIL,
        "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld", **brondatum},
    }
    return post(api, "resultaattypen", body)


def test_resultaattype_takes_archiving_from_the_selectielijst(superclient, catalogus):
    case_type = zaaktype(superclient, catalogus).json()["url"]

    created = resultaattype(superclient, case_type)

    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["archiefnominatie"], body["archiefactietermijn"]) == ("vernietigen", "P10Y")
    assert body["omschrijvingGeneriek"] == "Afgewezen"


@pytest.mark.parametrize(
    ("brondatum", "expected"),
    [
        ({"datumkenmerk": "x"}, ("brondatumArchiefprocedure.datumkenmerk", "must-be-empty")),
        ({"einddatumBekend": True}, ("brondatumArchiefprocedure.einddatumBekend", "must-be-empty")),
        (
            {"afleidingswijze": "eigenschap", "datumkenmerk": "d"},
            ("nonFieldErrors", "invalid-afleidingswijze-for-procestermijn"),
        ),
        ({"afleidingswijze": "termijn"}, ("brondatumArchiefprocedure.procestermijn", "required")),
    ],
)
def test_resultaattype_archiving_rules(superclient, catalogus, brondatum, expected):
    case_type = zaaktype(superclient, catalogus).json()["url"]

    response = resultaattype(superclient, case_type, **brondatum)

    assert (response.status_code, *first_error(response)[1:]) == (400, *expected)
    assert not ResultType.objects.exists()


def test_resultaattype_links_must_point_to_the_selectielijst(superclient, catalogus):
    case_type = zaaktype(superclient, catalogus).json()["url"]
    body = {
        "zaaktype": case_type,
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": "http://elders.example/iets/1",
        "selectielijstklasse": OMSCHRIJVING,
    }
    response = post(superclient, "resultaattypen", body)

    codes = {p["name"]: p["code"] for p in response.json()["invalidParams"]}
    assert codes == {
        "resultaattypeomschrijving": "invalid-resource",
        "selectielijstklasse": "invalid-resource",
    }


def test_zaaktype_informatieobjecttype_needs_one_concept_side(superclient, writer, catalogus):
    case_type = zaaktype(superclient, catalogus).json()["url"]
    document = iot(superclient, catalogus)
    link = {"zaaktype": case_type, "informatieobjecttype": document, "volgnummer": 1}
    created = post(superclient, "zaaktype-informatieobjecttypen", {**link, "richting": "inkomend"})
    assert created.status_code == 201, created.json()
    superclient.post(f"{document}/publish")
    superclient.post(f"{case_type}/publish")

    removed = writer.delete(created.json()["url"])
    by_all_rights = superclient.delete(created.json()["url"])

    assert first_error(removed) == (400, "nonFieldErrors", "non-concept-relation")
    assert first_error(by_all_rights) == (400, "nonFieldErrors", "non-concept-relation")
    assert superclient.get(case_type).json()["informatieobjecttypen"] == [document]


def test_writes_notify_their_kanaal(superclient, catalogus, settings):
    settings.BASE_URL = "http://testserver"
    kanaal = Kanaal.objects.get_or_create(naam="informatieobjecttypen")[0]
    abonnement = Abonnement.objects.create(callback_url="https://ontvanger.example/cb", auth="x")
    AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal, filters={})

    url = iot(superclient, catalogus)
    superclient.post(f"{url}/publish")

    berichten = queued_notifications()
    assert [(b["actie"], b["resourceUrl"]) for b in berichten] == [
        ("create", url),
        ("update", url),
    ]
    assert berichten[0]["kenmerken"] == {"catalogus": catalogus}


LISTS = [
    "zaaktypen",
    "besluittypen",
    "informatieobjecttypen",
    "resultaattypen",
    "roltypen",
    "statustypen",
    "eigenschappen",
    "zaakobjecttypen",
    "zaaktype-informatieobjecttypen",
]


def fill_parts(api, case_type, document, i):
    status = post(api, "statustypen", {"omschrijving": "S", "zaaktype": case_type, "volgnummer": 1})
    specificatie = {"formaat": "tekst", "lengte": "10", "kardinaliteit": "1"}
    eigenschap = {"naam": f"e{i}", "definitie": "d", "specificatie": specificatie}
    post(
        api,
        "eigenschappen",
        {**eigenschap, "zaaktype": case_type, "statustype": status.json()["url"]},
    )
    objecttype = {"anderObjecttype": False, "objecttype": "https://objecten.example/1"}
    post(api, "zaakobjecttypen", {**objecttype, "relatieOmschrijving": "r", "zaaktype": case_type})
    link = {"informatieobjecttype": document, "volgnummer": 1, "richting": "inkomend"}
    assert (
        post(api, "zaaktype-informatieobjecttypen", {**link, "zaaktype": case_type}).status_code
        == 201
    )


@pytest.mark.parametrize("path", LISTS)
def test_lists_cost_a_fixed_number_of_queries(superclient, catalogus, path):
    def fill(n):
        for i in range(n):
            document = iot(superclient, catalogus, f"Brief {i}")
            decision = besluittype(superclient, catalogus, informatieobjecttypen=[document])
            case_type = zaaktype(
                superclient, catalogus, identificatie=f"z{i}", besluittypen=[decision.json()["url"]]
            ).json()["url"]
            resultaattype(superclient, case_type)
            post(
                superclient,
                "roltypen",
                {"zaaktype": case_type, "omschrijving": "A", "omschrijvingGeneriek": "initiator"},
            )
            fill_parts(superclient, case_type, document, i)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = superclient.get(f"{CATALOGI}/{path}", {"status": "alles"})
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    fill(1)
    one, rows_one = count()
    fill(3)
    four, rows_four = count()
    assert rows_four > rows_one
    assert one == four


@pytest.mark.parametrize("path", ["statustypen", "roltypen", "zaaktypen", "besluittypen"])
def test_lists_filter_on_the_day_of_validity(superclient, catalogus, path):
    case_type = zaaktype(superclient, catalogus, eindeGeldigheid="2026-12-31").json()["url"]
    superclient.post(
        f"{CATALOGI}/statustypen",
        {"omschrijving": "Nieuw", "zaaktype": case_type, "volgnummer": 1},
        format="json",
    )
    post(
        superclient,
        "roltypen",
        {"zaaktype": case_type, "omschrijving": "A", "omschrijvingGeneriek": "initiator"},
    )
    besluittype(superclient, catalogus, eindeGeldigheid="2026-12-31")

    def count(day):
        params = {"status": "alles", "datumGeldigheid": day}
        response = superclient.get(f"{CATALOGI}/{path}", params)
        assert response.status_code == 200, response.json()
        return response.json()["count"]

    assert (count("2026-06-01"), count("2027-06-01")) == (1, 0)
