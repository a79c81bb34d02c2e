# SPDX-License-Identifier: EUPL-1.2
"""Documenten API: gebruiksrechten (create, detail, list, PATCH, PUT, DELETE) and the rule
that a client's rights on a gebruiksrecht or objectinformatieobject are those on its document."""

from __future__ import annotations

import pytest

from plus1.documents.models import Document, DocumentLink, UsageRight
from plus1.documents.tests.conftest import DRC, client_with, document_body, iotype_url

EIO = f"{DRC}/enkelvoudiginformatieobjecten"
GEBRUIKSRECHTEN = f"{DRC}/gebruiksrechten"
STRANGE_TYPE = (
    "http://testserver/catalogi/api/v1/informatieobjecttypen/00000000-0000-0000-0000-000000000001"
)


@pytest.fixture
def document(superclient, document_type):
    return superclient.post(EIO, document_body(document_type), format="json").json()


def _body(document, **extra):
    return {
        "informatieobject": document["url"],
        "startdatum": "2026-01-01T12:00:00Z",
        "omschrijvingVoorwaarden": "Alleen intern",
        **extra,
    }


def _reader(name, document_type, scopes=("documenten.lezen",), type_url=None):
    return client_with(
        name,
        autorisaties=[
            {
                "component": "drc",
                "scopes": list(scopes),
                "informatieobjecttype": type_url or iotype_url(document_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )


def test_create_read_list_update_and_delete(superclient, document):
    made = superclient.post(GEBRUIKSRECHTEN, _body(document), format="json")
    assert made.status_code == 201
    url = made.json()["url"]

    assert superclient.get(url).json()["omschrijvingVoorwaarden"] == "Alleen intern"
    listed = superclient.get(GEBRUIKSRECHTEN, {"informatieobject": document["url"]}).json()
    assert [row["url"] for row in listed] == [url]

    patched = superclient.patch(url, {"omschrijvingVoorwaarden": "Ook extern"}, format="json")
    assert patched.json()["omschrijvingVoorwaarden"] == "Ook extern"
    put = superclient.put(
        url, _body(document, einddatum="2026-12-31T12:00:00Z", omschrijvingVoorwaarden="Tot eind"),
        format="json",
    )  # fmt: skip
    assert put.json()["einddatum"].startswith("2026-12-31")
    assert UsageRight.objects.get().conditions == "Tot eind"

    assert superclient.delete(url).status_code == 204
    assert not UsageRight.objects.exists()


def test_rights_follow_the_document(superclient, document, document_type):
    url = superclient.post(GEBRUIKSRECHTEN, _body(document), format="json").json()["url"]
    reader = _reader("lezer", document_type)
    stranger = _reader(
        "vreemde", document_type, ("documenten.lezen", "documenten.bijwerken"), STRANGE_TYPE
    )

    assert reader.get(url).json()["omschrijvingVoorwaarden"] == "Alleen intern"
    assert reader.post(GEBRUIKSRECHTEN, _body(document), format="json").status_code == 403
    assert reader.patch(url, {"omschrijvingVoorwaarden": "x"}, format="json").status_code == 403
    assert reader.delete(url).status_code == 403
    assert stranger.get(url).status_code == 403
    assert stranger.patch(url, {"omschrijvingVoorwaarden": "x"}, format="json").status_code == 403
    assert stranger.get(GEBRUIKSRECHTEN).json() == []
    assert UsageRight.objects.get().conditions == "Alleen intern"


def test_unknown_gebruiksrecht_is_not_found(superclient, db):
    missing = f"{GEBRUIKSRECHTEN}/00000000-0000-0000-0000-000000000009"
    assert superclient.get(missing).status_code == 404
    assert superclient.delete(missing).status_code == 404


def test_objectinformatieobject_detail_follows_the_document(superclient, document, document_type):
    stored = Document.objects.get(uuid=document["url"].rsplit("/", 1)[1])
    link = DocumentLink.objects.create(
        document=stored, object_type="zaak", object_uuid="00000000-0000-0000-0000-0000000000aa"
    )
    url = f"{DRC}/objectinformatieobjecten/{link.uuid}"
    stranger = _reader("vreemde", document_type, type_url=STRANGE_TYPE)

    assert superclient.get(url).json()["informatieobject"] == document["url"]
    assert _reader("lezer", document_type).get(url).json()["informatieobject"] == document["url"]
    assert stranger.get(url).status_code == 403
    assert stranger.get(f"{DRC}/objectinformatieobjecten").json() == []
