# SPDX-License-Identifier: EUPL-1.2
"""The Zaken API serves the same rows as the portal: cases.Case and cases.CaseStatus."""

import pytest

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.selectors import cases_for_staff
from plus1.cases.services import case_register
from plus1.catalog.models import ResultType
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory, UserFactory
from plus1.events.models import OutboxMessage
from plus1.zgw.tests.conftest import ZAKEN, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db
POINT = {"type": "Point", "coordinates": [5.1214, 52.0907]}
RESULTAATTYPEN = "http://testserver/catalogi/api/v1/resultaattypen"


def test_zaak_created_through_the_api_is_the_case_the_workbench_shows(superclient, case_type):
    response = superclient.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, zaakgeometrie=POINT), format="json"
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    case = Case.objects.get(uuid=body["uuid"])
    assert body["identificatie"] == case.identification
    assert body["url"] == f"http://testserver{ZAKEN}/zaken/{case.uuid}"
    assert case.geometry == POINT and body["zaakgeometrie"] == POINT
    assert body["status"] is None  # no status until a client sets one
    assert body["omschrijving"] == "Kapvergunning eik Dorpsstraat"
    staff = UserFactory(staff=True)
    case_type.responsible_team.members.add(staff)
    assert list(cases_for_staff(staff)) == [case]
    assert AuditEntry.objects.filter(action="case.registered", object_id=str(case.pk)).exists()
    registered = OutboxMessage.objects.filter(topic="case.registered")
    assert registered.values("event_id").distinct().count() == 1
    assert response["Content-Crs"] == "EPSG:4326"


def test_case_registered_in_the_portal_is_listed_by_the_zaken_api(superclient, case_type):
    case = case_register(
        actor=Actor.system("portal"),
        case_type=case_type,
        initiator=ResidentFactory(),
        form_data={"onderwerp": "Lantaarnpaal"},
    )

    body = superclient.get(f"{ZAKEN}/zaken").json()

    assert body["count"] == 1
    zaak = body["results"][0]
    assert zaak["identificatie"] == case.identification
    assert zaak["zaaktype"] == zaaktype_url(case_type)
    assert zaak["status"].startswith(f"http://testserver{ZAKEN}/statussen/")
    detail = superclient.get(zaak["status"]).json()
    assert detail["indicatieLaatstGezetteStatus"] is True
    assert detail["zaak"] == zaak["url"]


def test_setting_a_status_moves_the_case_and_the_final_status_closes_it(superclient, case_type):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    statustypen = superclient.get(zaak["zaaktype"]).json()["statustypen"]
    result_type = ResultType.objects.create(case_type=case_type, description="Verleend")
    superclient.post(
        f"{ZAKEN}/resultaten",
        {"zaak": zaak["url"], "resultaattype": f"{RESULTAATTYPEN}/{result_type.uuid}"},
        format="json",
    )

    for url in (statustypen[0], statustypen[2]):
        response = superclient.post(
            f"{ZAKEN}/statussen",
            {"zaak": zaak["url"], "statustype": url, "datumStatusGezet": "2026-01-06T10:00:00Z"},
            format="json",
        )
        assert response.status_code == 201, response.json()

    case = Case.objects.get(uuid=zaak["uuid"])
    assert case.status.code == "afgehandeld" and case.closed_on is not None
    assert case.history.count() == 2
    assert AuditEntry.objects.filter(action="case.status_changed").count() == 2
    listed = superclient.get(f"{ZAKEN}/statussen", {"zaak": zaak["url"]}).json()["results"]
    assert [s["indicatieLaatstGezetteStatus"] for s in listed] == [False, True]
    assert superclient.get(zaak["url"]).json()["einddatum"] is not None


def test_status_of_another_zaaktype_is_refused(superclient, case_type):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    other = superclient.get(zaaktype_url(CaseTypeFactory())).json()["statustypen"][0]

    response = superclient.post(
        f"{ZAKEN}/statussen",
        {"zaak": zaak["url"], "statustype": other, "datumStatusGezet": "2026-01-06T10:00:00Z"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"
    assert Case.objects.get(uuid=zaak["uuid"]).history.count() == 0


def test_invalid_zaak_lists_every_problem_and_writes_nothing(superclient, case_type):
    response = superclient.post(
        f"{ZAKEN}/zaken", {"zaaktype": "niet-een-url", "startdatum": "gisteren"}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert {"type", "code", "title", "status", "detail", "instance"} <= body.keys()
    assert body["code"] == "invalid" and body["instance"].startswith("urn:uuid:")
    names = {param["name"] for param in body["invalidParams"]}
    assert {"zaaktype", "startdatum", "bronorganisatie", "verantwoordelijkeOrganisatie"} <= names
    assert not Case.objects.exists()


def test_unknown_zaaktype_url_is_bad_url(superclient):
    body = zaak_body(CaseTypeFactory())
    body["zaaktype"] = (
        "http://testserver/catalogi/api/v1/zaaktypen/3fa85f64-5717-4562-b3fc-2c963f66afa6"
    )

    response = superclient.post(f"{ZAKEN}/zaken", body, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "zaaktype",
            "code": "bad-url",
            "reason": "De URL verwijst niet naar een bestaand object.",
        }
    ]


def test_partial_update_changes_case_and_refuses_identificatie(superclient, case_type):
    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()

    response = superclient.patch(
        zaak["url"],
        {"uiterlijkeEinddatumAfdoening": "2026-03-01", "toelichting": "Spoed"},
        format="json",
    )
    refused = superclient.patch(zaak["url"], {"identificatie": "ANDERS"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["toelichting"] == "Spoed"
    assert str(Case.objects.get(uuid=zaak["uuid"]).deadline) == "2026-03-01"
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"


def test_missing_accept_crs_is_412(superclient):
    response = superclient.get(f"{ZAKEN}/zaken", HTTP_ACCEPT_CRS="")
    del superclient._credentials["HTTP_ACCEPT_CRS"]
    response = superclient.get(f"{ZAKEN}/zaken")

    assert response.status_code == 412
    assert response.json()["status"] == 412


def test_zoek_filters_like_the_list(superclient, case_type):
    first = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    superclient.post(f"{ZAKEN}/zaken", zaak_body(CaseTypeFactory()), format="json")

    body = superclient.post(
        f"{ZAKEN}/zaken/_zoek", {"zaaktype__in": [first["zaaktype"]]}, format="json"
    ).json()
    by_identificatie = superclient.get(f"{ZAKEN}/zaken", {"identificatie": first["identificatie"]})

    assert [z["url"] for z in body["results"]] == [first["url"]]
    assert by_identificatie.json()["count"] == 1
    bad = superclient.post(f"{ZAKEN}/zaken/_zoek", {"startdatum__gt": "morgen"}, format="json")
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "startdatum__gt"
