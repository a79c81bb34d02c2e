# SPDX-License-Identifier: EUPL-1.2
"""Catalogi 1.3 relations by name (the historiemodel): besluittypen and
BesluitType.informatieobjecttypen by omschrijving, deelzaaktypen and
gerelateerdeZaaktypen by identificatie, ZaakTypeInformatieObjectType.informatieobjecttype
by omschrijving; resolved within the catalogus on the relevant date, shown as the
versions valid on datumGeldigheid."""

import pytest

from plus1.catalog.models import CaseType, CaseTypeDocumentType, DecisionType
from plus1.zgw.tests.conftest import ZAKEN
from plus1.zgw.tests.test_catalogi_types import (
    NIHIL,
    OMSCHRIJVING,
    besluittype,
    iot,
    post,
    zaaktype,
)


@pytest.fixture(name="catalogus")
def _catalogus(superclient):
    from plus1.common.testing.factories import TeamFactory
    from plus1.zgw.tests.conftest import CATALOGI

    TeamFactory(slug="zgw")
    body = {"domein": "PLUS", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"}
    return superclient.post(f"{CATALOGI}/catalogussen", body, format="json").json()["url"]


pytestmark = pytest.mark.django_db


def publish(api, url):
    response = api.post(f"{url}/publish")
    assert response.status_code == 200, response.json()
    return response.json()


def test_a_client_relating_by_name_builds_a_published_zaaktype_and_a_zaak_on_it(
    superclient, catalogus
):
    brief = iot(superclient, catalogus, name="Besluitbrief")
    decision = besluittype(superclient, catalogus, informatieobjecttypen=["Besluitbrief"])
    assert decision.status_code == 201, decision.json()
    assert decision.json()["informatieobjecttypen"] == [brief]
    created = zaaktype(superclient, catalogus, besluittypen=["Vergunning"])
    assert created.status_code == 201, created.json()
    case_type = created.json()["url"]
    assert created.json()["besluittypen"] == [decision.json()["url"]]
    link = {"zaaktype": case_type, "informatieobjecttype": "Besluitbrief", "volgnummer": 1}
    linked = post(superclient, "zaaktype-informatieobjecttypen", {**link, "richting": "inkomend"})
    assert linked.status_code == 201, linked.json()
    assert linked.json()["informatieobjecttype"] == brief
    for number, name in ((1, "Ontvangen"), (2, "Afgehandeld")):
        body = {"omschrijving": name, "zaaktype": case_type, "volgnummer": number}
        assert post(superclient, "statustypen", body).status_code == 201
    rol = {"zaaktype": case_type, "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"}
    assert post(superclient, "roltypen", rol).status_code == 201
    result = {
        "zaaktype": case_type,
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": OMSCHRIJVING,
        "selectielijstklasse": NIHIL,
        "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
        "besluittypen": [],
    }
    assert post(superclient, "resultaattypen", result).status_code == 201, "resultaattype"
    publish(superclient, brief)
    publish(superclient, decision.json()["url"])
    published = publish(superclient, case_type)
    assert published["concept"] is False
    assert published["informatieobjecttypen"] == [brief]

    zaak = {
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "zaaktype": case_type,
        "startdatum": "2026-03-02",
        "omschrijving": "Kap van een eik",
    }
    made = superclient.post(f"{ZAKEN}/zaken", zaak, format="json")
    assert made.status_code == 201, made.json()
    assert superclient.get(made.json()["url"]).json()["zaaktype"] == case_type


def test_a_name_matching_nothing_or_ambiguously_is_refused_and_nothing_written(
    superclient, catalogus
):
    besluittype(superclient, catalogus, omschrijving="Dubbel")
    besluittype(superclient, catalogus, omschrijving="Dubbel")  # two concepts, same day
    before = CaseType.objects.count()
    refused = zaaktype(superclient, catalogus, besluittypen=["Bestaat niet", "Dubbel"])
    assert refused.status_code == 400
    reasons = [p for p in refused.json()["invalidParams"] if p["name"] == "besluittypen"]
    assert [p["code"] for p in reasons] == ["invalid-name", "invalid-name"]
    assert "geen besluittype 'Bestaat niet'" in reasons[0]["reason"]
    assert "Meer dan één versie van besluittype 'Dubbel'" in reasons[1]["reason"]
    assert CaseType.objects.count() == before

    relatie = {"zaaktype": "onbekend-zaaktype", "aardRelatie": "vervolg"}
    refused = zaaktype(superclient, catalogus, gerelateerdeZaaktypen=[relatie])
    assert refused.json()["invalidParams"][0]["name"] == "gerelateerdeZaaktypen.0.zaaktype"
    assert CaseType.objects.count() == before
    case_type = zaaktype(superclient, catalogus).json()["url"]
    link = {"zaaktype": case_type, "informatieobjecttype": "Geen", "volgnummer": 1}
    refused = post(superclient, "zaaktype-informatieobjecttypen", {**link, "richting": "intern"})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "informatieobjecttype"
    assert not CaseTypeDocumentType.objects.exists()


def test_a_name_is_resolved_to_the_version_valid_on_the_zaaktypes_begin_date(
    superclient, catalogus
):
    old = besluittype(
        superclient, catalogus, omschrijving="Besluit A", eindeGeldigheid="2026-06-30"
    )
    new = besluittype(
        superclient, catalogus, omschrijving="Besluit A", beginGeldigheid="2026-07-01"
    )
    publish(superclient, old.json()["url"])
    publish(superclient, new.json()["url"])
    # a concept zaaktype may name a published besluittype (the relation is version-independent)
    early = zaaktype(superclient, catalogus, besluittypen=["Besluit A"])
    assert early.status_code == 201, early.json()
    url = early.json()["url"]
    on_september = superclient.get(url, {"datumGeldigheid": "2026-09-01"}).json()
    assert on_september["besluittypen"] == [new.json()["url"]]
    on_march = superclient.get(url, {"datumGeldigheid": "2026-03-01"}).json()
    assert on_march["besluittypen"] == [old.json()["url"]]
    stored = DecisionType.objects.get(case_types__uuid=url.rsplit("/", 1)[-1])
    assert str(stored.uuid) == old.json()["url"].rsplit("/", 1)[-1]
    late = zaaktype(
        superclient, catalogus, identificatie="later", beginGeldigheid="2026-08-01",
        besluittypen=["Besluit A"],
    )  # fmt: skip
    assert late.status_code == 201, late.json()
    september = {"datumGeldigheid": "2026-09-01"}
    assert superclient.get(late.json()["url"], september).json()["besluittypen"] == [
        new.json()["url"]
    ]
    deel = zaaktype(
        superclient, catalogus, identificatie="hoofd", deelzaaktypen=["later"],
        beginGeldigheid="2026-08-01",
        gerelateerdeZaaktypen=[{"zaaktype": "later", "aardRelatie": "vervolg"}],
    )  # fmt: skip
    assert deel.status_code == 201, deel.json()
    shown = superclient.get(deel.json()["url"], september).json()
    assert shown["deelzaaktypen"] == [late.json()["url"]]
    assert shown["gerelateerdeZaaktypen"][0]["zaaktype"] == late.json()["url"]
