# SPDX-License-Identifier: EUPL-1.2
"""Documenten API: documents with versions, locks, downloads and uploads in parts."""

from __future__ import annotations

from django.core.files.storage import default_storage

from plus1.documents.models import Document, DocumentVersion
from plus1.documents.tests.conftest import DRC, body_of, document_body, make_document_type

EIO = f"{DRC}/enkelvoudiginformatieobjecten"


def test_create_stores_the_file_and_download_returns_it(superclient, document_type):
    response = superclient.post(EIO, document_body(document_type, b"hallo"), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["versie"] == 1
    assert body["bestandsomvang"] == 5
    assert body["identificatie"].startswith("DOCUMENT-")
    assert body["vertrouwelijkheidaanduiding"] == "openbaar"  # from the informatieobjecttype
    download = superclient.get(body["inhoud"])
    assert download.status_code == 200
    assert body_of(download) == b"hallo"


def test_concept_document_type_and_received_in_progress_are_refused(superclient, db):
    concept = make_document_type(concept=True)
    response = superclient.post(EIO, document_body(concept), format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "not-published"

    published = make_document_type()
    bad = document_body(published, status="in_bewerking", ontvangstdatum="2026-01-01")
    response = superclient.post(EIO, bad, format="json")
    assert response.json()["invalidParams"][0]["code"] == "invalid_for_received"
    assert not Document.objects.exists()


def test_update_needs_the_lock_and_makes_a_new_version(superclient, document_type):
    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]

    refused = superclient.patch(url, {"titel": "Nieuw", "lock": "fout"}, format="json")
    assert refused.json()["invalidParams"][0]["code"] == "unlocked"
    lock = superclient.post(f"{url}/lock").json()["lock"]
    no_lock = superclient.patch(url, {"titel": "Nieuw"}, format="json")
    assert no_lock.json()["invalidParams"][0]["code"] == "missing-lock-id"
    wrong = superclient.patch(url, {"titel": "Nieuw", "lock": "fout"}, format="json")
    assert wrong.json()["invalidParams"][0]["code"] == "incorrect-lock-id"

    import base64

    changed = superclient.patch(
        url,
        {"titel": "Nieuw", "lock": lock, "inhoud": base64.b64encode(b"tweede").decode()},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["versie"] == 2
    old = superclient.get(f"{url}?versie=1").json()
    assert old["titel"] == "Aanvraag kapvergunning"
    assert body_of(superclient.get(f"{url}/download?versie=1")) == b"eerste"
    assert body_of(superclient.get(f"{url}/download")) == b"tweede"
    assert superclient.get(f"{url}?versie=9").status_code == 404


def test_unlock_needs_the_lock_id_unless_forced(superclient, document_type, db):
    from plus1.documents.tests.conftest import client_with, iotype_url

    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]
    limited = client_with(
        "beperkt",
        autorisaties=[
            {
                "component": "drc",
                "scopes": ["documenten.lezen", "documenten.lock", "documenten.bijwerken"],
                "informatieobjecttype": iotype_url(document_type),
                "max_vertrouwelijkheidaanduiding": "geheim",
            }
        ],
    )
    lock = limited.post(f"{url}/lock").json()["lock"]

    assert limited.post(f"{url}/unlock", {}, format="json").status_code == 400
    assert Document.objects.get().lock == lock
    assert superclient.post(f"{url}/unlock", {}, format="json").status_code == 204
    assert Document.objects.get().lock == ""


def test_upload_in_parts_is_merged_on_unlock(superclient, document_type, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DOCUMENT_PART_SIZE = 4
    body = document_body(document_type, inhoud=None, bestandsomvang=6)
    created = superclient.post(EIO, body, format="json").json()
    parts, lock = created["bestandsdelen"], created["lock"]
    assert [p["omvang"] for p in parts] == [4, 2] and lock

    refused = superclient.post(f"{created['url']}/unlock", {"lock": lock}, format="json")
    assert refused.json()["invalidParams"][0]["code"] == "incomplete-upload"
    for part, piece in zip(parts, [b"abcd", b"ef"], strict=True):
        upload = SimpleUploadedFile("deel", piece)
        answer = superclient.put(part["url"], {"inhoud": upload, "lock": lock}, format="multipart")
        assert answer.status_code == 200, answer.json()
        assert answer.json()["voltooid"] is True
    assert (
        superclient.post(f"{created['url']}/unlock", {"lock": lock}, format="json").status_code
        == 204
    )

    document = superclient.get(created["url"]).json()
    assert document["bestandsdelen"] == [] and document["bestandsomvang"] == 6
    assert body_of(superclient.get(document["inhoud"])) == b"abcdef"


def test_delete_removes_versions_and_files(
    superclient, document_type, django_capture_on_commit_callbacks
):
    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]
    name = DocumentVersion.objects.get().content.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        assert superclient.delete(url).status_code == 204

    assert not Document.objects.exists()
    assert not default_storage.exists(name)
    assert superclient.get(f"{url}/audittrail").status_code == 404


def test_audittrail_lists_the_changes(superclient, document_type):
    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]
    trail = superclient.get(f"{url}/audittrail").json()
    assert [entry["actie"] for entry in trail] == ["create"]
    detail = superclient.get(f"{url}/audittrail/{trail[0]['uuid']}")
    assert detail.json()["hoofdObject"] == url


def test_search_and_filters(superclient, document_type):
    first = superclient.post(EIO, document_body(document_type, identificatie="A-1"), format="json")
    superclient.post(EIO, document_body(document_type, identificatie="B-2"), format="json")

    listed = superclient.get(EIO, {"identificatie": "A-1"}).json()
    assert [row["url"] for row in listed["results"]] == [first.json()["url"]]
    found = superclient.post(
        f"{EIO}/_zoek", {"uuid__in": [first.json()["url"][-36:]]}, format="json"
    )
    assert found.json()["count"] == 1


def test_download_answers_a_client_that_accepts_only_binary(superclient, document_type):
    created = superclient.post(EIO, document_body(document_type, b"pdf"), format="json").json()
    download = superclient.get(created["inhoud"], HTTP_ACCEPT="application/octet-stream")
    assert download.status_code == 200
    assert body_of(download) == b"pdf"


def test_definitief_document_changes_only_with_force(superclient, document_type):
    from plus1.documents.tests.conftest import client_with, iotype_url

    created = superclient.post(
        EIO, document_body(document_type, status="definitief"), format="json"
    ).json()
    editor = client_with(
        "redacteur",
        autorisaties=[
            {
                "component": "drc",
                "scopes": ["documenten.lezen", "documenten.lock", "documenten.bijwerken"],
                "informatieobjecttype": iotype_url(document_type),
                "max_vertrouwelijkheidaanduiding": "geheim",
            }
        ],
    )
    lock = editor.post(f"{created['url']}/lock").json()["lock"]
    refused = editor.patch(created["url"], {"titel": "Anders", "lock": lock}, format="json")
    assert refused.json()["invalidParams"][0]["code"] == "modify-status-definitief"
    assert DocumentVersion.objects.count() == 1
    forced = superclient.patch(created["url"], {"titel": "Anders", "lock": lock}, format="json")
    assert forced.json()["versie"] == 2


def test_detail_carries_an_etag_and_answers_304_when_unchanged(superclient, document_type):
    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]
    etag = superclient.get(url)["ETag"]
    assert superclient.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert superclient.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200
