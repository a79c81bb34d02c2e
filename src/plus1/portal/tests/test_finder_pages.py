# SPDX-License-Identifier: EUPL-1.2
import pytest
import yaml

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.catalog.models import Organisation
from plus1.catalog.services import catalog_import
from plus1.common.testing.factories import ProductFactory, ResidentFactory, TeamFactory
from plus1.demo.loader import CATALOG_FILE


@pytest.fixture
def catalogue(db):
    """The demo's 'doorverwijzing' case type, a municipal product and one of the Rijk."""
    TeamFactory(slug="klantcontact")
    document = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    referral = [c for c in document["case_types"] if c["code"] == "doorverwijzing"]
    catalog_import(actor=Actor.system("test"), document={"case_types": referral})
    svb = Organisation.objects.create(
        slug="svb", name="Sociale Verzekeringsbank", layer="rijk", url="https://www.svb.nl"
    )
    aow = ProductFactory(
        slug="aow",
        name="AOW-pensioen",
        layers=["rijk"],
        provider=svb,
        case_type=None,
        resident_words="pensioen",
    )
    aow.legal_bases.create(
        label="Artikel 7 Algemene Ouderdomswet", url="https://wetten.overheid.nl/x"
    )
    ProductFactory(slug="paspoort", name="Paspoort", layers=["gemeente"], channels=["appointment"])
    return aow


def test_home_has_the_search_box(client, catalogue):
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html and "Waar kunnen we u mee helpen?" in html


def test_search_page_works_without_javascript(client, catalogue):
    response = client.get("/zoeken/", {"zoek": "wanneer krijg ik pensioen"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "AOW-pensioen" in html
    assert "Dit regelt Sociale Verzekeringsbank" in html
    assert "Artikel 7 Algemene Ouderdomswet" in html and "https://www.svb.nl" in html
    assert "/doorverwijzen/aow/?kanaal=referral" in html
    assert "<script" not in html


def test_municipal_result_offers_online_request_and_appointment(client, catalogue):
    html = client.get("/zoeken/", {"zoek": "paspoort"}).content.decode()
    assert "Online aanvragen" in html and "Afspraak maken" in html


def test_handover_requires_login(client, catalogue):
    response = client.get("/doorverwijzen/aow/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_warm_handover_registers_a_case_the_resident_can_track(client, catalogue):
    resident = ResidentFactory()
    client.force_login(resident.user)

    response = client.post(
        "/doorverwijzen/aow/?kanaal=referral",
        {"kanaal": "referral", "vraag": "Wanneer gaat mijn AOW in?", "telefoon": "06 12345678"},
    )

    case = Case.objects.get()
    assert response.status_code == 302
    assert case.case_type.code == "doorverwijzing" and case.initiator == resident
    assert case.form_data["aanbieder"] == "Sociale Verzekeringsbank"
    assert case.form_data["kanaal"] == "doorverwijzing"
    receipt = client.get(response["Location"]).content.decode()
    assert case.identification in receipt and "Sociale Verzekeringsbank" in receipt
    assert case.identification in client.get("/mijn-zaken/").content.decode()


def test_handover_with_bad_input_lists_problems_and_registers_nothing(client, catalogue):
    client.force_login(ResidentFactory().user)

    response = client.post("/doorverwijzen/aow/", {"vraag": "", "telefoon": "abc"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Controleer uw gegevens" in html and "Telefoonnummer" in html and "Uw vraag" in html
    assert not Case.objects.exists()


def test_an_english_question_is_answered_in_english(client, catalogue):
    ProductFactory(
        slug="paspoort-en",
        name="Paspoort aanvragen",
        name_en="Passport",
        layers=["gemeente"],
        resident_words="paspoort kwijt",
    )
    html = client.get("/zoeken/", {"zoek": "I lost my passport"}).content.decode()
    assert '<div lang="en">' in html
    assert "<h2>Passport</h2>" in html and "best match first" in html


def test_a_report_question_leads_to_the_melding_form_with_its_category(client, catalogue):
    html = client.get("/zoeken/", {"zoek": "lantaarnpaal kapot"}).content.decode()
    assert "Meld het aan de gemeente" in html
    assert "/meldingen/nieuw/?categorie=verlichting&amp;omschrijving=lantaarnpaal%20kapot" in html
    form = client.get(
        "/meldingen/nieuw/",
        {"categorie": "verlichting", "omschrijving": "lantaarnpaal kapot"},
    ).content.decode()
    assert "lantaarnpaal kapot</textarea>" in form


@pytest.mark.parametrize("question", ["de het een", "?!…", "汉字", "x" * 500])
def test_a_question_without_words_gets_the_a_to_z_list_and_contact_options(
    client, catalogue, question
):
    response = client.get("/zoeken/", {"zoek": question})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/producten/"' in html and "14 0123" in html


def test_the_a_to_z_list_and_a_product_page(client, catalogue):
    html = client.get("/producten/", {"voor": "inwoners"}).content.decode()
    assert 'href="/producten/paspoort/"' in html and "AOW-pensioen" in html
    page = client.get("/producten/aow/").content.decode()
    assert "AOW-pensioen</h1>" in page and "Dit regelt Sociale Verzekeringsbank" in page
    assert client.get("/producten/bestaat-niet/").status_code == 404


def test_the_home_page_question_is_one_heading_that_labels_the_search(client, db):
    html = client.get("/").content.decode()
    assert html.count("Waar kunnen we u mee helpen?</label>") == 1
    assert '<h1 class="finder-heading"><label for="zoek"' in html
    assert "<h1>Waar kunnen we u mee helpen?</h1>" not in html
