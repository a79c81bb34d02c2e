# SPDX-License-Identifier: EUPL-1.2
"""Lists cost a fixed number of queries; writes notify kanaal documenten/besluiten; clients see
only the documents of their informatieobjecttypen up to their confidentiality level."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.catalog.models import DecisionType
from plus1.documents.tests.conftest import (
    DRC,
    HOST,
    client_with,
    document_body,
    iotype_url,
    make_document_type,
)
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.testing import queued_notifications

EIO = f"{DRC}/enkelvoudiginformatieobjecten"
BRC = "/besluiten/api/v1"


def _count(api, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        EIO,
        f"{DRC}/gebruiksrechten",
        f"{DRC}/objectinformatieobjecten",
        f"{BRC}/besluiten",
        f"{BRC}/besluitinformatieobjecten",
    ],
)
def test_lists_cost_the_same_for_one_or_many(superclient, document_type, url):
    decision_type = DecisionType.objects.create(description="Besluit", concept=False)
    decision_type.document_types.add(document_type)

    def add(count: int) -> None:
        for _ in range(count):
            document = superclient.post(EIO, document_body(document_type), format="json").json()
            superclient.post(
                f"{DRC}/gebruiksrechten",
                {
                    "informatieobject": document["url"],
                    "startdatum": "2026-01-01T12:00:00Z",
                    "omschrijvingVoorwaarden": "Alleen intern",
                },
                format="json",
            )
            besluit = superclient.post(
                f"{BRC}/besluiten",
                {
                    "verantwoordelijkeOrganisatie": "002220647",
                    "besluittype": f"{HOST}/catalogi/api/v1/besluittypen/{decision_type.uuid}",
                    "datum": "2026-01-05",
                    "ingangsdatum": "2026-01-05",
                },
                format="json",
            ).json()
            superclient.post(
                f"{BRC}/besluitinformatieobjecten",
                {"besluit": besluit["url"], "informatieobject": document["url"]},
                format="json",
            )

    add(1)
    one = _count(superclient, url)
    add(4)
    assert _count(superclient, url) == one


def test_clients_see_only_their_types_and_levels(superclient, document_type):
    other_type = make_document_type(description="Ander")
    visible = superclient.post(EIO, document_body(document_type), format="json").json()
    secret = superclient.post(
        EIO, document_body(document_type, vertrouwelijkheidaanduiding="geheim"), format="json"
    ).json()
    foreign = superclient.post(EIO, document_body(other_type), format="json").json()
    limited = client_with(
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

    listed = limited.get(EIO).json()
    assert [row["url"] for row in listed["results"]] == [visible["url"]]
    assert limited.get(secret["url"]).status_code == 403
    assert limited.get(foreign["url"]).status_code == 403
    assert limited.post(EIO, document_body(document_type), format="json").status_code == 403


def test_writes_notify_subscribers_of_kanaal_documenten(superclient, document_type, settings):
    settings.BASE_URL = "http://testserver"
    kanaal, _ = Kanaal.objects.get_or_create(naam="documenten")
    abonnement = Abonnement.objects.create(callback_url="https://ontvanger.example/cb", auth="x")
    AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal)

    created = superclient.post(EIO, document_body(document_type), format="json").json()

    [bericht] = queued_notifications()
    assert bericht["kanaal"] == "documenten"
    assert bericht["actie"] == "create"
    assert bericht["hoofdObject"] == created["url"]
    assert bericht["kenmerken"]["informatieobjecttype"] == iotype_url(document_type)


def test_reading_a_document_of_a_residents_zaak_is_in_the_data_trail(superclient, document_type):
    from plus1.audit.services import Actor
    from plus1.cases.services import case_register
    from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
    from plus1.documents.links import document_link_create
    from plus1.documents.models import Document
    from plus1.privacy.models import CaseTypeActivity, DataTrailRecord
    from plus1.privacy.tests.conftest import make_activity

    case_type = CaseTypeFactory()
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=ResidentFactory(),
        form_data={"onderwerp": "Boom"},
    )
    url = superclient.post(EIO, document_body(document_type), format="json").json()["url"]
    document_link_create(
        actor=Actor.system("test"),
        document=Document.objects.get(),
        object_type="zaak",
        object_uuid=case.uuid,
    )

    assert superclient.get(url).status_code == 403  # no purpose, no access
    CaseTypeActivity.objects.create(case_type=case_type, activity=make_activity("vergunning"))
    before = DataTrailRecord.objects.count()
    assert superclient.get(url).status_code == 200
    assert DataTrailRecord.objects.count() == before + 1
