# SPDX-License-Identifier: EUPL-1.2
"""Documenten API: verzendingen (list with filters, detail, create, PUT, PATCH, DELETE),
exactly one address or channel, the dates aardRelatie needs, scopes, the document's
audittrail and notifications on kanaal documenten."""

from __future__ import annotations

import pytest

from plus1.documents.models import Dispatch
from plus1.documents.tests.conftest import DRC, client_with, document_body, iotype_url
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.testing import queued_notifications

EIO = f"{DRC}/enkelvoudiginformatieobjecten"
VERZENDINGEN = f"{DRC}/verzendingen"
BETROKKENE = "http://klanten.example/api/v1/klanten/1"
ADRES = {"huisnummer": 12, "naamOpenbareRuimte": "Dorpsstraat", "woonplaatsnaam": "Plusstad"}


@pytest.fixture
def document(superclient, document_type):
    return superclient.post(EIO, document_body(document_type), format="json").json()


def _body(document, **extra):
    return {
        "betrokkene": BETROKKENE,
        "informatieobject": document["url"],
        "aardRelatie": "geadresseerde",
        "verzenddatum": "2026-03-02",
        "contactPersoon": "http://medewerkers.example/1",
        "contactpersoonnaam": "J. de Vries",
        "binnenlandsCorrespondentieadres": ADRES,
        **extra,
    }


def test_create_read_list_update_and_delete(superclient, document):
    made = superclient.post(VERZENDINGEN, _body(document), format="json")
    assert made.status_code == 201, made.json()
    body = made.json()
    assert body["binnenlandsCorrespondentieadres"]["naamOpenbareRuimte"] == "Dorpsstraat"
    assert body["verzenddatum"] == "2026-03-02" and body["mijnOverheid"] is False
    assert superclient.get(body["url"]).json() == body

    listed = superclient.get(VERZENDINGEN, {"informatieobject": document["url"]}).json()
    assert [row["url"] for row in listed["results"]] == [body["url"]]
    assert superclient.get(VERZENDINGEN, {"aardRelatie": "afzender"}).json()["count"] == 0
    assert superclient.get(VERZENDINGEN, {"betrokkene": BETROKKENE}).json()["count"] == 1

    switched = superclient.patch(
        body["url"],
        {"binnenlandsCorrespondentieadres": None, "emailadres": "inwoner@plusstad.example"},
        format="json",
    )
    assert switched.status_code == 200, switched.json()
    assert switched.json()["emailadres"] == "inwoner@plusstad.example"
    assert switched.json()["binnenlandsCorrespondentieadres"] is None

    whole = superclient.put(
        body["url"],
        _body(document, aardRelatie="afzender", ontvangstdatum="2026-03-01", verzenddatum=None),
        format="json",
    )
    assert whole.status_code == 200, whole.json()
    assert whole.json()["aardRelatie"] == "afzender"

    assert superclient.delete(body["url"]).status_code == 204
    assert not Dispatch.objects.exists()
    trail = superclient.get(f"{document['url']}/audittrail").json()
    assert [entry["actie"] for entry in trail] == [
        "create",
        "create",
        "update",
        "update",
        "destroy",
    ]


def test_every_problem_is_named_at_once_and_nothing_is_written(superclient, document):
    both = _body(document, emailadres="a@plusstad.example", verzenddatum=None)

    response = superclient.post(VERZENDINGEN, both, format="json")

    assert response.status_code == 400
    codes = {p["name"]: p["code"] for p in response.json()["invalidParams"]}
    assert codes == {"nonFieldErrors": "invalid-address", "verzenddatum": "required"}
    assert not Dispatch.objects.exists()


def test_no_address_and_bad_fields_are_refused(superclient, document):
    bare = _body(document, binnenlandsCorrespondentieadres=None)
    assert (
        superclient.post(VERZENDINGEN, bare, format="json").json()["invalidParams"][0]["code"]
        == "invalid-address"
    )

    bad = _body(
        document,
        aardRelatie="ontvanger",
        binnenlandsCorrespondentieadres={"huisnummer": 0},
        faxnummer="0" * 16,
    )
    names = {
        p["name"]
        for p in superclient.post(VERZENDINGEN, bad, format="json").json()["invalidParams"]
    }
    assert {
        "aardRelatie",
        "binnenlandsCorrespondentieadres.huisnummer",
        "binnenlandsCorrespondentieadres.naamOpenbareRuimte",
        "faxnummer",
    } <= names
    assert not Dispatch.objects.exists()


def test_a_patch_cannot_add_a_second_channel(superclient, document):
    url = superclient.post(VERZENDINGEN, _body(document), format="json").json()["url"]

    response = superclient.patch(url, {"telefoonnummer": "0201234567"}, format="json")

    assert response.json()["invalidParams"][0]["code"] == "invalid-address"
    assert "telefoonnummer" not in Dispatch.objects.get().address


def test_scopes_follow_the_document(superclient, document, document_type):
    url = superclient.post(VERZENDINGEN, _body(document), format="json").json()["url"]
    reader = client_with(
        "lezer",
        autorisaties=[
            {
                "component": "drc",
                "scopes": ["documenten.lezen"],
                "informatieobjecttype": iotype_url(document_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    stranger = client_with(
        "vreemde", autorisaties=[{"component": "drc", "scopes": ["documenten.lezen"],
                                  "informatieobjecttype": "http://testserver/catalogi/api/v1/"
                                  "informatieobjecttypen/00000000-0000-0000-0000-000000000001",
                                  "max_vertrouwelijkheidaanduiding": "geheim"}]
    )  # fmt: skip

    assert reader.get(url).status_code == 200
    assert reader.post(VERZENDINGEN, _body(document), format="json").status_code == 403
    assert reader.delete(url).status_code == 403
    assert stranger.get(url).status_code == 403
    assert stranger.get(VERZENDINGEN).json()["count"] == 0
    assert Dispatch.objects.count() == 1


def test_writes_notify_kanaal_documenten(superclient, document, settings):
    settings.BASE_URL = "http://testserver"
    kanaal, _ = Kanaal.objects.get_or_create(naam="documenten")
    abonnement = Abonnement.objects.create(callback_url="https://ontvanger.example/cb", auth="x")
    AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal)
    before = len(queued_notifications())

    made = superclient.post(VERZENDINGEN, _body(document), format="json").json()
    superclient.patch(made["url"], {"toelichting": "per post"}, format="json")
    superclient.delete(made["url"])

    sent = queued_notifications()[before:]
    assert [(b["resource"], b["actie"]) for b in sent] == [
        ("verzending", "create"),
        ("verzending", "partial_update"),
        ("verzending", "destroy"),
    ]
    assert {b["resourceUrl"] for b in sent} == {made["url"]}
    assert {b["hoofdObject"] for b in sent} == {document["url"]}


def test_expand_shows_the_document_and_refuses_other_paths(superclient, document):
    made = superclient.post(VERZENDINGEN, _body(document), format="json").json()

    detail = superclient.get(made["url"], {"expand": "informatieobject"}).json()
    listed = superclient.get(VERZENDINGEN, {"expand": "informatieobject"}).json()
    refused = superclient.get(VERZENDINGEN, {"expand": "betrokkene,informatieobject"})

    assert detail["_expand"]["informatieobject"]["url"] == document["url"]
    assert detail["_expand"]["informatieobject"]["titel"] == document["titel"]
    assert listed["results"][0]["_expand"]["informatieobject"]["url"] == document["url"]
    assert "_expand" not in superclient.get(made["url"]).json()
    assert refused.status_code == 400
    assert [p["reason"] for p in refused.json()["invalidParams"]] == [
        "Ongeldig expand-pad ‘betrokkene’: bij een verzending kan: informatieobject."
    ]
