# SPDX-License-Identifier: EUPL-1.2
"""`expand` on zaken (Zaken 1.5.1): list, detail and _zoek; nested paths; 400 naming every
path the standard does not allow; nothing the client may not read; bounded queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.catalog.models import ResultType, RoleType
from plus1.privacy.models import DataTrailRecord
from plus1.zgw.tests.conftest import ZAKEN, limited_client, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db
CATALOGI = "http://testserver/catalogi/api/v1"


def _zaak(api, case_type, **extra):
    response = api.post(f"{ZAKEN}/zaken", zaak_body(case_type, **extra), format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def _status(api, zaak, case_type, index=0):
    statustype = api.get(zaaktype_url(case_type)).json()["statustypen"][index]
    response = api.post(
        f"{ZAKEN}/statussen",
        {"zaak": zaak["url"], "statustype": statustype, "datumStatusGezet": "2026-02-01T10:00:00Z"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def _rol(api, zaak, case_type):
    role_type = RoleType.objects.create(
        case_type=case_type, description="Adviseur", kind="adviseur"
    )
    response = api.post(
        f"{ZAKEN}/rollen",
        {
            "zaak": zaak["url"],
            "betrokkeneType": "medewerker",
            "roltype": f"{CATALOGI}/roltypen/{role_type.uuid}",
            "roltoelichting": "advies over de boom",
            "betrokkeneIdentificatie": {"identificatie": "m123", "achternaam": "Smit"},
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def _resultaat(api, zaak, case_type):
    result_type = ResultType.objects.create(
        case_type=case_type,
        description="Verleend",
        archive_nomination="vernietigen",
        archive_action_term="P10Y",
        source_date={"afleidingswijze": "afgehandeld"},
    )
    response = api.post(
        f"{ZAKEN}/resultaten",
        {"zaak": zaak["url"], "resultaattype": f"{CATALOGI}/resultaattypen/{result_type.uuid}"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_detail_expands_nested_paths(superclient, case_type):
    zaak = _zaak(superclient, case_type)
    status = _status(superclient, zaak, case_type)
    rol = _rol(superclient, zaak, case_type)
    resultaat = _resultaat(superclient, zaak, case_type)

    body = superclient.get(
        zaak["url"],
        {"expand": "zaaktype, status.statustype,rollen.roltype,resultaat.resultaattype,hoofdzaak"},
    ).json()

    shown = body["_expand"]
    assert shown["zaaktype"]["url"] == zaaktype_url(case_type)
    assert shown["zaaktype"]["identificatie"] == case_type.code
    assert shown["status"]["url"] == status["url"]
    assert shown["status"]["_expand"]["statustype"]["url"] == status["statustype"]
    assert shown["status"]["_expand"]["statustype"]["omschrijving"]
    [shown_rol] = shown["rollen"]
    assert shown_rol["roltoelichting"] == "advies over de boom" and shown_rol["url"] == rol["url"]
    assert shown_rol["_expand"]["roltype"]["omschrijving"] == "Adviseur"
    assert shown["resultaat"]["url"] == resultaat["url"]
    assert shown["resultaat"]["_expand"]["resultaattype"]["omschrijving"] == "Verleend"
    assert shown["hoofdzaak"] == {}  # the standard's EmptyObject for a relation without value
    assert set(shown) == {"zaaktype", "status", "rollen", "resultaat", "hoofdzaak"}


def test_without_expand_there_is_no_expand_object(superclient, case_type):
    zaak = _zaak(superclient, case_type)
    assert "_expand" not in superclient.get(zaak["url"]).json()
    assert "_expand" not in superclient.get(f"{ZAKEN}/zaken").json()["results"][0]


def test_list_and_zoek_expand_hoofdzaak_and_deelzaken(superclient, case_type):
    parent = _zaak(superclient, case_type, omschrijving="Hoofdzaak")
    child = _zaak(superclient, case_type, omschrijving="Deelzaak", hoofdzaak=parent["url"])
    _status(superclient, parent, case_type)

    listed = superclient.get(
        f"{ZAKEN}/zaken", {"expand": "hoofdzaak.status.statustype,deelzaken"}
    ).json()["results"]
    by_uuid = {item["uuid"]: item for item in listed}
    shown_parent = by_uuid[child["uuid"]]["_expand"]["hoofdzaak"]
    assert shown_parent["omschrijving"] == "Hoofdzaak"
    assert shown_parent["_expand"]["status"]["_expand"]["statustype"]["url"]
    assert [z["omschrijving"] for z in by_uuid[parent["uuid"]]["_expand"]["deelzaken"]] == [
        "Deelzaak"
    ]

    found = superclient.post(
        f"{ZAKEN}/zaken/_zoek",
        {"uuid__in": [child["uuid"]], "expand": "hoofdzaak.deelzaken"},
        format="json",
    ).json()
    [item] = found["results"]
    assert [z["uuid"] for z in item["_expand"]["hoofdzaak"]["_expand"]["deelzaken"]] == [
        child["uuid"]
    ]


@pytest.mark.parametrize("method", ["list", "detail", "zoek"])
def test_paths_the_standard_does_not_list_are_a_400_naming_each(superclient, case_type, method):
    zaak = _zaak(superclient, case_type)
    bad = "zaaktype, status.onbekend, rollen.zaaktype, besluiten"
    if method == "list":
        response = superclient.get(f"{ZAKEN}/zaken", {"expand": bad})
    elif method == "detail":
        response = superclient.get(zaak["url"], {"expand": bad})
    else:
        response = superclient.post(f"{ZAKEN}/zaken/_zoek", {"expand": bad}, format="json")

    assert response.status_code == 400
    body = response.json()
    reasons = [p["reason"] for p in body["invalidParams"]]
    assert {p["name"] for p in body["invalidParams"]} == {"expand"}
    assert {p["code"] for p in body["invalidParams"]} == {"invalid-expand"}
    assert len(reasons) == 3
    assert any("‘status.onbekend’" in r and "statustype" in r for r in reasons)
    assert any("‘rollen.zaaktype’" in r for r in reasons)
    assert any("‘besluiten’" in r for r in reasons)


def test_endless_paths_are_refused(superclient, case_type):
    response = superclient.get(f"{ZAKEN}/zaken", {"expand": ".".join(["hoofdzaak"] * 7)})
    assert response.status_code == 400
    assert "dieper dan 6 stappen" in response.json()["invalidParams"][0]["reason"]


def test_what_the_client_may_not_read_is_not_expanded(superclient, case_type):
    from plus1.common.testing.factories import CaseTypeFactory

    other_type = CaseTypeFactory(confidentiality="openbaar")
    parent = _zaak(superclient, other_type, omschrijving="Geheime hoofdzaak")
    child = _zaak(superclient, case_type, hoofdzaak=parent["url"])
    _status(superclient, child, case_type)
    reader = limited_client(
        "lezer",
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )

    body = reader.get(child["url"], {"expand": "hoofdzaak,zaaktype,status.statustype"}).json()

    assert body["hoofdzaak"] == parent["url"]  # the reference stays, the zaak is not shown
    assert "hoofdzaak" not in body["_expand"]
    assert "zaaktype" not in body["_expand"]  # no catalogi.lezen
    assert "statustype" not in body["_expand"]["status"]["_expand"]
    assert "Geheime hoofdzaak" not in str(body)


def test_an_expanded_rol_of_a_known_resident_is_in_their_data_trail(superclient, case_type):
    from plus1.common.testing.factories import ResidentFactory
    from plus1.privacy.testing import serve_under_activity

    ResidentFactory(bsn="999990019")
    serve_under_activity(case_type)
    zaak = _zaak(superclient, case_type)
    role_type = RoleType.objects.create(
        case_type=case_type, description="Aanvrager", kind="initiator"
    )
    superclient.post(
        f"{ZAKEN}/rollen",
        {
            "zaak": zaak["url"],
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": f"{CATALOGI}/roltypen/{role_type.uuid}",
            "roltoelichting": "aanvrager",
            "betrokkeneIdentificatie": {"inpBsn": "999990019"},
        },
        format="json",
    )

    body = superclient.get(zaak["url"], {"expand": "rollen"}).json()

    assert body["_expand"]["rollen"][0]["betrokkeneIdentificatie"]["inpBsn"] == "999990019"
    assert DataTrailRecord.objects.filter(name="rollen bekeken via expand").exists()


def _list_queries(api, expand):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(f"{ZAKEN}/zaken", {"expand": expand})
    assert response.status_code == 200
    return len(captured), response.json()


def test_expanding_a_page_costs_the_same_for_one_zaak_as_for_many(superclient, case_type):
    expand = "zaaktype,status.statustype,rollen.roltype,resultaat.resultaattype,deelzaken"
    zaak = _zaak(superclient, case_type)
    _status(superclient, zaak, case_type)
    _rol(superclient, zaak, case_type)
    _resultaat(superclient, zaak, case_type)
    one, body = _list_queries(superclient, expand)
    assert body["results"][0]["_expand"]["status"]["_expand"]["statustype"]

    for _ in range(20):
        more = _zaak(superclient, case_type)
        _status(superclient, more, case_type)
    many, body = _list_queries(superclient, expand)

    assert len(body["results"]) == 21
    assert all(item["_expand"]["status"]["_expand"]["statustype"] for item in body["results"])
    assert many == one
