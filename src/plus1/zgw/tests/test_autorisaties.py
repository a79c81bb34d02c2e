# SPDX-License-Identifier: EUPL-1.2
"""Autorisaties API: applicaties, the standard's rules ac-001..ac-003, and rights that
count from the very next request."""

import pytest

from plus1.audit.services import Actor
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal, OutboxMessage
from plus1.zgw.autorisaties.services import applicatie_register
from plus1.zgw.models import Applicatie
from plus1.zgw.tests.conftest import ZAKEN, api_as, zaak_body, zaaktype_url

AC = "/autorisaties/api/v1"


def zrc(case_type, scopes=("zaken.lezen", "zaken.aanmaken")) -> dict:
    return {
        "component": "zrc",
        "scopes": list(scopes),
        "zaaktype": zaaktype_url(case_type),
        "maxVertrouwelijkheidaanduiding": "openbaar",
    }


def names(response) -> list[tuple[str, str]]:
    return sorted((p["name"], p["code"]) for p in response.json()["invalidParams"])


def test_create_read_and_find_by_client_id(superclient, case_type):
    body = {
        "clientIds": ["app-1", "app-2"],
        "label": "Zaaksysteem",
        "autorisaties": [zrc(case_type)],
    }
    created = superclient.post(f"{AC}/applicaties", body, format="json")
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["clientIds"] == ["app-1", "app-2"]
    assert data["autorisaties"][0]["componentWeergave"] == "Zaakregistratiecomponent"
    assert data["autorisaties"][0]["zaaktype"] == zaaktype_url(case_type)
    found = superclient.get(f"{AC}/applicaties", {"clientIds": "app-2,other"}).json()
    assert [a["url"] for a in found["results"]] == [data["url"]]
    consumer = superclient.get(f"{AC}/applicaties/consumer", {"clientId": "app-1"})
    assert consumer.json()["label"] == "Zaaksysteem"
    assert superclient.get(f"{AC}/applicaties/consumer", {"clientId": "nobody"}).status_code == 404


def test_a_client_id_belongs_to_one_applicatie(superclient):
    body = {"clientIds": ["alles"], "label": "Dubbel", "heeftAlleAutorisaties": True}
    response = superclient.post(f"{AC}/applicaties", body, format="json")
    assert response.status_code == 400
    assert names(response) == [("clientIds", "clientId-exists")]


@pytest.mark.parametrize(
    ("alle", "autorisaties", "code"),
    [
        (
            True,
            [{"component": "ztc", "scopes": ["catalogi.lezen"]}],
            "ambiguous-authorizations-specified",
        ),
        (False, [], "missing-authorizations"),
    ],
)
def test_all_rights_or_explicit_autorisaties(superclient, alle, autorisaties, code):
    body = {
        "clientIds": ["x"],
        "label": "X",
        "heeftAlleAutorisaties": alle,
        "autorisaties": autorisaties,
    }
    response = superclient.post(f"{AC}/applicaties", body, format="json")
    assert response.status_code == 400
    assert names(response) == [("nonFieldErrors", code)]
    assert not Applicatie.objects.filter(label="X").exists()


def test_component_scopes_need_their_type_and_level(superclient):
    autorisaties = [
        {
            "component": "zrc",
            "scopes": ["zaken.lezen"],
            "zaaktype": "",
            "maxVertrouwelijkheidaanduiding": "",
        },
        {"component": "drc", "scopes": ["documenten.lezen"]},
        {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": ""},
        {"component": "zrc", "scopes": ["notificaties.publiceren"], "zaaktype": ""},
    ]
    body = {"clientIds": ["x"], "label": "X", "autorisaties": autorisaties}
    response = superclient.post(f"{AC}/applicaties", body, format="json")
    assert response.status_code == 400
    assert names(response) == [
        ("autorisaties.0.maxVertrouwelijkheidaanduiding", "required"),
        ("autorisaties.0.zaaktype", "required"),
        ("autorisaties.1.informatieobjecttype", "required"),
        ("autorisaties.1.maxVertrouwelijkheidaanduiding", "required"),
        ("autorisaties.2.besluittype", "required"),
    ]


def test_granted_rights_count_at_once_and_survive_recreation(superclient, case_type):
    applicatie_register(
        actor=Actor.system("test"),
        label="Beperkt",
        client_id="beperkt",
        secret="geheim-beperkt",
        heeft_alle_autorisaties=False,
    )
    limited = api_as("beperkt", "geheim-beperkt")
    assert limited.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").status_code == 403
    old = superclient.get(f"{AC}/applicaties/consumer", {"clientId": "beperkt"}).json()["url"]
    assert superclient.delete(old).status_code == 204
    body = {"clientIds": ["beperkt"], "label": "Beperkt", "autorisaties": [zrc(case_type)]}
    assert superclient.post(f"{AC}/applicaties", body, format="json").status_code == 201
    assert limited.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").status_code == 201


def test_update_and_partial_update(superclient, case_type):
    body = {"clientIds": ["app"], "label": "Oud", "heeftAlleAutorisaties": True}
    url = superclient.post(f"{AC}/applicaties", body, format="json").json()["url"]
    patched = superclient.patch(url, {"label": "Nieuw"}, format="json")
    assert patched.status_code == 200 and patched.json()["label"] == "Nieuw"
    put = {"clientIds": ["app", "app-b"], "label": "Nieuw", "autorisaties": [zrc(case_type)]}
    replaced = superclient.put(url, put, format="json").json()
    assert replaced["heeftAlleAutorisaties"] is False
    assert replaced["clientIds"] == ["app", "app-b"]


def test_writes_are_published_on_the_autorisaties_kanaal(superclient):
    abonnement = Abonnement.objects.create(callback_url="http://ontvanger.example/cb", auth="x")
    AbonnementKanaal.objects.create(
        abonnement=abonnement, kanaal=Kanaal.objects.get(naam="autorisaties")
    )
    body = {"clientIds": ["app"], "label": "App", "heeftAlleAutorisaties": True}
    url = superclient.post(f"{AC}/applicaties", body, format="json").json()["url"]
    superclient.delete(url)
    sent = [
        m.payload["bericht"]
        for m in OutboxMessage.objects.filter(topic="zgw.notificatie").order_by("pk")
    ]
    assert [(b["kanaal"], b["actie"], b["resourceUrl"]) for b in sent] == [
        ("autorisaties", "create", url),
        ("autorisaties", "destroy", url),
    ]


def test_only_clients_with_autorisaties_scopes_may_manage(case_type):
    applicatie_register(
        actor=Actor.system("test"),
        label="Lezer",
        client_id="lezer",
        secret="geheim-lezer",
        heeft_alle_autorisaties=False,
        autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}],
    )
    reader = api_as("lezer", "geheim-lezer")
    assert reader.get(f"{AC}/applicaties").status_code == 200
    body = {"clientIds": ["y"], "label": "Y", "heeftAlleAutorisaties": True}
    response = reader.post(f"{AC}/applicaties", body, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
