# SPDX-License-Identifier: EUPL-1.2
"""Unknown query parameters never widen a result: every GET operation of every standard's
document refuses a parameter it does not name, and says which one."""

import uuid

import pytest

from plus1.audit.services import Actor
from plus1.zgw.autorisaties.services import applicatie_register
from plus1.zgw.models import Applicatie
from plus1.zgw.openapi.documents import DOCUMENTS, standard_document
from plus1.zgw.query_params import known_query_params

AC = "/autorisaties/api/v1"


def _get_operations():
    for api in DOCUMENTS:
        for path, item in standard_document(api)["paths"].items():
            if "get" in item and f"GET {path}" not in DOCUMENTS[api].notes.not_served:
                yield api, path


@pytest.mark.parametrize(("api", "path"), list(_get_operations()))
def test_every_get_operation_refuses_an_unknown_parameter(superclient, api, path):
    concrete = path
    while "{" in concrete:
        start, end = concrete.index("{"), concrete.index("}")
        concrete = concrete[:start] + str(uuid.uuid4()) + concrete[end + 1 :]
    response = superclient.get(f"/{api}/api/v1{concrete}", {"Zaak": "x", "onbekend": "1"})
    assert response.status_code == 400, (path, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    params = {p["name"]: p for p in response.json()["invalidParams"]}
    assert set(params) == {"Zaak", "onbekend"}
    assert params["onbekend"]["code"] == "unknown-parameters"
    assert "Onbekende queryparameter: onbekend" in params["onbekend"]["reason"]


def _applicatie(client_id: str) -> None:
    applicatie_register(
        actor=Actor.system("test"),
        label=client_id,
        client_id=client_id,
        secret=f"geheim-{client_id}",
        heeft_alle_autorisaties=True,
    )


def test_a_misspelled_filter_lists_nothing_instead_of_everything(superclient):
    _applicatie("app-een")
    _applicatie("app-twee")
    misspelled = superclient.get(f"{AC}/applicaties", {"ClientIds": "app-twee"})
    assert misspelled.status_code == 400
    assert misspelled.json()["invalidParams"][0]["name"] == "ClientIds"
    assert "results" not in misspelled.json()
    spelled = superclient.get(f"{AC}/applicaties", {"clientIds": "app-twee"})
    assert spelled.status_code == 200
    assert [a["clientIds"] for a in spelled.json()["results"]] == [["app-twee"]]
    assert Applicatie.objects.count() == 3  # nothing else changed


def test_the_known_parameters_come_from_the_standard():
    assert known_query_params("autorisaties", "GET", "/applicaties") == {"clientIds", "page"}
    assert "expand" in known_query_params("zaken", "GET", "/zaken/" + str(uuid.uuid4()))
    assert known_query_params("zaken", "POST", "/zaken/_zoek") == {"page"}
    assert known_query_params("catalogi", "PUT", "/catalogussen/x") is None  # an extension


def test_parts_of_a_zaaktype_keep_their_shared_filters(superclient):
    response = superclient.get("/catalogi/api/v1/zaakobjecttypen", {"status": "alles"})
    assert response.status_code == 200
    refused = superclient.get(
        "/catalogi/api/v1/zaakobjecttypen/" + str(uuid.uuid4()), {"status": "alles"}
    )
    assert refused.status_code == 400
