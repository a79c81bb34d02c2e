# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import datetime as dt
import json

from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.catalog.models import StatusType, Transition
from plus1.common.testing.factories import CaseTypeFactory
from plus1.privacy.models import CaseTypeActivity, DataTrailRecord, GdprRequest
from plus1.privacy.services import gdpr_request_extend
from plus1.privacy.tests.conftest import World, make_activity


def _gdpr_case_type(world: World) -> None:
    case_type = CaseTypeFactory(
        code="avg-correctie",
        name="Verzoek om correctie",
        legal_term="P1M",
        responsible_team=world.team,
        form_schema={
            "type": "object",
            "required": ["gegeven", "nieuwe_waarde"],
            "properties": {
                "gegeven": {"type": "string", "title": "Gegeven", "enum": ["naam", "e-mailadres"]},
                "nieuwe_waarde": {"type": "string", "title": "Nieuwe waarde", "minLength": 1},
            },
        },
    )
    busy = StatusType.objects.get(case_type=case_type, code="in-behandeling")
    for order, (code, name) in enumerate((("toegekend", "Toegekend"), ("afgewezen", "Afgewezen"))):
        final = StatusType.objects.create(
            case_type=case_type, code=code, name=name, order=10 + order, is_final=True
        )
        Transition.objects.create(case_type=case_type, source=busy, target=final, label=name)
    CaseTypeActivity.objects.create(case_type=case_type, activity=make_activity("avg-verzoeken"))


def test_rectification_request_from_portal_to_decision(world: World) -> None:
    _gdpr_case_type(world)
    resident = world.resident_client()
    bad = resident.post(reverse("privacy:gdpr-request"), {"recht": "16", "gegeven": "naam"})
    assert bad.status_code == 400
    assert not GdprRequest.objects.exists()

    started = resident.post(
        reverse("privacy:gdpr-request"),
        {"recht": "16", "gegeven": "naam", "nieuwe_waarde": "Anna de Boer-Jansen"},
    )
    assert started.status_code == 302
    request = GdprRequest.objects.select_related("case").get()
    assert request.case.deadline <= request.case.registered_on + dt.timedelta(days=35)

    staff = world.staff_client()
    page = staff.get(reverse("workbench:case", args=[request.case.identification])).content.decode()
    assert "<td>Anna de Boer</td><td>Anna de Boer-Jansen</td>" in page

    gdpr_request_extend(actor=Actor.from_user(world.staff), request=request, reason="Veel gegevens")
    request.case.refresh_from_db()
    assert request.case.deadline > request.case.registered_on + dt.timedelta(days=85)

    staff.post(
        reverse("privacy:gdpr-decide", args=[request.case.identification]),
        {"besluit": "toekennen", "toelichting": "Uw naam is aangepast."},
    )
    world.resident.refresh_from_db()
    assert world.resident.name == "Anna de Boer-Jansen"
    case = Case.objects.get(pk=request.case.pk)
    assert case.status.code == "toegekend"
    seen = resident.get(reverse("portal:case-detail", args=[case.identification])).content.decode()
    assert "Uw naam is aangepast." in seen
    assert "Reden: Veel gegevens" in seen
    assert DataTrailRecord.objects.filter(action="changed", name__contains="verbeterd").exists()


def test_download_all_data_as_json_and_pdf_appears_in_the_trail(world: World) -> None:
    client = world.resident_client()
    page = client.get(reverse("privacy:my-data")).content.decode()
    assert "uit de Basisregistratie Personen" in page
    assert world.case.identification in page

    response = client.get(reverse("privacy:download", args=["json"]))
    document = json.loads(response.content)
    assert response["Content-Disposition"].endswith('mijn-gegevens.json"')
    assert document["profiel"][0] == {
        "label": "Naam", "value": "Anna de Boer", "source": "uit de Basisregistratie Personen"
    }  # fmt: skip
    assert document["zaken"][0]["zaaknummer"] == world.case.identification

    pdf = client.get(reverse("privacy:download", args=["pdf"]))
    assert pdf.content.startswith(b"%PDF")
    trail = client.get(reverse("privacy:my-trail")).content.decode()
    assert "al uw gegevens gedownload (JSON)" in trail
    assert "al uw gegevens gedownload (PDF)" in trail
    assert client.get("/mijn-gegevens/download.xml").status_code == 404


def test_documents_of_the_residents_cases_are_in_mijn_gegevens(world: World) -> None:
    from plus1.audit.services import Actor
    from plus1.catalog.models import DocumentType
    from plus1.documents.links import document_link_create
    from plus1.documents.services import document_create

    actor = Actor.system("test")
    document = document_create(
        actor=actor,
        document_type=DocumentType.objects.create(
            description="Besluit", confidentiality="openbaar", category="besluit", concept=False
        ),
        source_organisation="002220647",
        identification="DOC-1",
        confidentiality="openbaar",
        title="Besluit op uw aanvraag",
        data={},
        content=b"%PDF-1.4",
        size=None,
    )
    document_link_create(
        actor=actor, document=document, object_type="zaak", object_uuid=world.case.uuid
    )
    page = world.resident_client().get(reverse("privacy:my-data")).content.decode()
    assert "Besluit op uw aanvraag" in page and f"bij uw zaak {world.case.identification}" in page
