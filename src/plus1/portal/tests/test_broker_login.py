# SPDX-License-Identifier: EUPL-1.2
"""DigiD and eHerkenning through a real OIDC provider on 127.0.0.1 (no mocks)."""

import logging
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.models import Case, Role
from plus1.cases.services import case_register
from plus1.common.testing.factories import CaseTypeFactory, ProductFactory, ResidentFactory
from plus1.common.testing.oidc_provider import TAMPERINGS, broker_login
from plus1.identity.models import Party
from plus1.identity.selectors import party_by_bsn
from plus1.portal.testing import send_request
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.selectors import trail_line
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db

BSN = "999993653"
OTHER_BSN = "999990019"
ANNA = {"bsn": BSN, "naam": "Anna de Boer", "niveau": "midden"}


def test_resident_logs_in_with_digid_and_the_party_is_created_once(client, brokers):
    response = broker_login(client, brokers["digid"], ANNA)
    assert response.status_code == 302 and response["Location"] == reverse("portal:my-cases")
    party = party_by_bsn(BSN)
    assert party is not None and party.name == "Anna de Boer" and party.kind == "resident"
    assert BSN not in party.bsn_encrypted  # encrypted, with the blind index for the lookup
    page = client.get(reverse("portal:my-cases")).content.decode()
    assert "Uitloggen (Anna de Boer)" in page

    client.post(reverse("portal:logout"))
    broker_login(client, brokers["digid"], ANNA)
    assert Party.objects.filter(kind="resident").count() == 1  # linked, not a second one


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_bad_token_is_refused_in_dutch_and_nothing_is_stored(client, brokers, caplog, tampering):
    digid = brokers["digid"]
    digid.tamper = tampering
    with caplog.at_level(logging.INFO):
        response = broker_login(client, digid, ANNA)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Inloggen met DigiD is niet gelukt" in page
    assert "U bent niet ingelogd en we hebben niets van u bewaard." in page
    assert f'href="{reverse("portal:login-digid")}"' in page  # a new login
    assert Party.objects.count() == 0
    assert client.get(reverse("portal:my-cases")).status_code == 302  # not logged in
    token = digid.issued[-1]
    assert "login through digid refused" in caplog.text
    assert token not in caplog.text and token.split(".")[1] not in caplog.text
    assert BSN not in caplog.text


def test_the_refusal_says_what_was_wrong(client, brokers):
    brokers["digid"].tamper = "no_bsn"
    page = broker_login(client, brokers["digid"], ANNA).content.decode()
    assert "DigiD gaf geen burgerservicenummer door." in page
    brokers["digid"].tamper = "expired"
    page = broker_login(client, brokers["digid"], ANNA).content.decode()
    assert "Het antwoord van DigiD was verlopen." in page


def test_a_replayed_callback_is_refused(client, brokers):
    digid = brokers["digid"]
    digid.identity = ANNA
    start = client.get(reverse("portal:login-digid"))
    answer = requests.get(start["Location"], allow_redirects=False, timeout=10)
    back = urlparse(answer.headers["Location"])
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    client.post(reverse("portal:logout"))
    assert client.get(f"{back.path}?{back.query}").status_code == 400


def test_business_logs_in_with_eherkenning_and_sees_only_its_own_cases(client, brokers):
    product = ProductFactory(slug="terrasvergunning", name="Terrasvergunning")
    other = Party.objects.create(kind="business", name="Concurrent BV", kvk_number="87654321")
    theirs = case_register(
        actor=Actor.system("test"),
        case_type=product.case_type,
        initiator=other,
        form_data={"onderwerp": "Hun terras"},
    )
    identity = {
        "kvk": "12345678",
        "vestiging": "000012345678",
        "naam": "Bakkerij Test",
        "niveau": "midden",
    }
    assert broker_login(client, brokers["eherkenning"], identity).status_code == 302
    party = Party.objects.get(kvk_number="12345678")
    assert party.kind == "business" and party.name == "Bakkerij Test"

    send_request(client, "terrasvergunning", {"onderwerp": "Ons terras"})
    ours = Case.objects.get(initiator=party)
    role = Role.objects.get(case=ours, is_initiator=True)
    assert role.identification == {"kvkNummer": "12345678", "vestigingsNummer": "000012345678"}
    page = client.get(reverse("portal:my-cases")).content.decode()
    assert ours.identification in page and theirs.identification not in page
    detail = client.get(reverse("portal:case-detail", args=[theirs.identification]))
    assert detail.status_code == 404


def test_a_product_needing_substantieel_asks_to_log_in_again_at_that_level(client, brokers):
    case_type = CaseTypeFactory(name="Bijzondere bijstand")
    ProductFactory(
        slug="bijzondere-bijstand",
        name="Bijzondere bijstand",
        case_type=case_type,
        login_level="substantieel",
    )
    broker_login(client, brokers["digid"], ANNA)
    url = reverse("portal:request", args=["bijzondere-bijstand"])
    asked = client.get(url)
    page = asked.content.decode()
    assert asked.status_code == 403
    assert "moet u inloggen met DigiD op niveau <strong>Substantieel</strong>" in page
    assert "U bent nu ingelogd op niveau Midden." in page
    assert client.post(url, {"onderwerp": "Bed"}).status_code == 403
    assert Case.objects.count() == 0

    response = broker_login(
        client,
        brokers["digid"],
        {**ANNA, "niveau": "substantieel"},
        niveau="substantieel",
        next=url,
    )
    assert response["Location"] == url
    assert client.get(url).status_code == 200
    send_request(client, "bijzondere-bijstand", {"onderwerp": "Bed"})
    assert Case.objects.get().initiator == party_by_bsn(BSN)


def test_the_broker_is_asked_for_the_level(client, brokers):
    start = client.get(reverse("portal:login-digid"), {"niveau": "substantieel"})
    query = parse_qs(urlparse(start["Location"]).query)
    assert query["acr_values"] == ["urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"]
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]


def test_digid_machtigen_records_both_and_the_trail_names_the_representative(client, brokers):
    product = ProductFactory(slug="afvalcontainer", name="Extra afvalcontainer")
    serve_under_activity(product.case_type)
    identity = {
        "bsn": OTHER_BSN,
        "naam": "Piet Jansen",
        "namens": BSN,
        "namens_naam": "Anna de Boer",
    }
    broker_login(client, brokers["digid"], identity)
    page = client.get(reverse("portal:my-cases")).content.decode()
    assert "<strong>Piet Jansen</strong> handelt namens <strong>Anna de Boer</strong>" in page

    send_request(client, "afvalcontainer", {"onderwerp": "Groot"})
    anna, piet = party_by_bsn(BSN), party_by_bsn(OTHER_BSN)
    case = Case.objects.get()
    assert case.initiator == anna
    roles = {(r.party, r.authorisation) for r in case.roles.all()}
    assert roles == {(anna, "machtiginggever"), (piet, "gemachtigde")}
    line = trail_line(DataTrailRecord.objects.get())
    assert line.who == "Piet Jansen (gemachtigde)"
    assert line.what == f"gewijzigd — Aanvraag {case.identification} ingediend namens u"

    client.get(reverse("portal:case-detail", args=[case.identification]))
    viewed = trail_line(DataTrailRecord.objects.get(action="viewed"))
    assert viewed.who == "Piet Jansen (gemachtigde)" and case.identification in viewed.what


def test_logout_ends_the_session_at_the_broker_too(client, brokers):
    digid = brokers["digid"]
    broker_login(client, digid, ANNA)
    response = client.post(reverse("portal:logout"))
    location = urlparse(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{digid.issuer}/logout"
    query = parse_qs(location.query)
    assert query["id_token_hint"] == [digid.issued[-1]]
    assert query["post_logout_redirect_uri"] == ["http://testserver/"]
    requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert digid.logouts and client.get(reverse("portal:my-cases")).status_code == 302


def test_without_demo_mode_only_the_real_logins_are_offered(client, brokers, settings):
    settings.DEMO_MODE = False
    ResidentFactory(name="Demo Persoon")
    page = client.get(reverse("portal:login")).content.decode()
    assert "Inloggen met DigiD" in page and "Inloggen met eHerkenning" in page
    assert "géén echte DigiD" not in page and "Demo Persoon" not in page
    assert client.post(reverse("portal:login"), {"party": "x"}).status_code == 404


def test_ketenmachtiging_shows_the_intermediary_and_records_both_on_the_case(client, brokers):
    product = ProductFactory(slug="terrasvergunning", name="Terrasvergunning")
    serve_under_activity(product.case_type)
    identity = {
        "kvk": "12345678",
        "naam": "Bakkerij Test",
        "namens": "11223344",
        "niveau": "midden",
    }
    broker_login(client, brokers["eherkenning"], identity)
    page = client.get(reverse("portal:my-cases")).content.decode()
    assert "handelt namens <strong>Bakkerij Test</strong> (ketenmachtiging)" in page

    send_request(client, "terrasvergunning", {"onderwerp": "Terras"})
    company = Party.objects.get(kvk_number="12345678")
    intermediary = Party.objects.get(kvk_number="11223344")
    case = Case.objects.get()
    assert case.initiator == company
    roles = {(r.party, r.authorisation) for r in case.roles.all()}
    assert roles == {(company, "machtiginggever"), (intermediary, "gemachtigde")}


def test_a_kvk_number_that_is_not_8_digits_is_refused(client, brokers):
    identity = {"kvk": "1234", "naam": "Nep BV", "niveau": "midden"}
    page = broker_login(client, brokers["eherkenning"], identity).content.decode()
    assert "eHerkenning gaf een KVK-nummer door dat niet klopt." in page
    assert Party.objects.count() == 0
