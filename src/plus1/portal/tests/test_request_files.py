# SPDX-License-Identifier: EUPL-1.2
"""A file-upload field of the form builder: the administrator names the kinds and the size
in words, the resident sends the file on its page (without JavaScript), sees its name on the
check page, and after sending the file is a document of the case on the staff case page.
A refused file is explained in Dutch and stores nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.cases.models import Case
from plus1.cases.tests.conversation_fixtures import PDF, PNG
from plus1.catalog import form_builder, forms_schema
from plus1.catalog.form_builder import FieldSpec
from plus1.catalog.type_models import CaseTypeDocumentType, Direction, DocumentType
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.documents.models import Document, DocumentLink
from plus1.identity.testing import staff_login
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db

SCHEMA = form_builder.to_schema(
    [
        FieldSpec("onderwerp", "text", "Wat wilt u organiseren?", required=True),
        FieldSpec(
            "plattegrond",
            "file",
            "Plattegrond van het terrein",
            required=True,
            file_kinds=("pdf",),
            max_megabytes=2,
        ),
    ]
)


@pytest.fixture
def world(settings):
    settings.DEMO_MODE = True
    staff = UserFactory(staff=True, username="bram")
    case_type = CaseTypeFactory(
        code="evenement", form_schema=SCHEMA, responsible_team=TeamFactory(members=[staff])
    )
    document_type = DocumentType.objects.create(concept=False, description="Bijlage")
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction=Direction.INKOMEND
    )
    ProductFactory(slug="evenement", name="Evenement", case_type=case_type)
    serve_under_activity(case_type)
    return {"anna": ResidentFactory(name="Anna de Boer"), "staff": staff}


def login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def send_page(client, name, content):
    upload = SimpleUploadedFile(name, content)
    body = {"onderwerp": "Buurtfeest", "plattegrond": upload, "actie": "verder"}
    return client.post(reverse("portal:request", args=["evenement"]), body)


def test_the_builder_writes_the_file_rules_into_the_schema_and_reads_them_back():
    prop = SCHEMA["properties"]["plattegrond"]
    assert prop["x-kind"] == "file" and prop["x-widget"] == "file"
    assert prop["x-fileKinds"] == ["pdf"] and prop["x-maxMegabytes"] == 2
    spec = form_builder.specs(SCHEMA)[1]
    assert spec.kind == "file" and spec.file_kinds == ("pdf",) and spec.max_megabytes == 2
    bad = {**SCHEMA, "properties": {"f": {**prop, "x-fileKinds": ["exe"], "x-maxMegabytes": 0}}}
    problems = forms_schema.schema_problems(bad)
    assert any("onbekende bestandssoort exe" in p for p in problems)
    assert any("1 MB of meer" in p for p in problems)


def test_a_resident_sends_a_file_and_staff_find_it_on_the_case(client, world):
    login(client, world["anna"])
    page = client.get(reverse("portal:request", args=["evenement"])).content.decode()
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
    assert 'accept=".pdf"' in page and "Stuur een PDF van hoogstens 2 MB." in page

    assert send_page(client, "plattegrond.pdf", PDF).status_code == 302
    check = client.get(reverse("portal:request-check", args=["evenement"])).content.decode()
    assert "Plattegrond van het terrein" in check and "plattegrond.pdf" in check
    again = client.get(reverse("portal:request", args=["evenement"])).content.decode()
    assert "U stuurde al: plattegrond.pdf." in again

    assert client.post(reverse("portal:request-check", args=["evenement"])).status_code == 302
    case = Case.objects.get()
    [link] = DocumentLink.objects.filter(object_uuid=case.uuid)
    assert link.document.current.title == "plattegrond.pdf"
    assert case.form_data["plattegrond"].endswith(":plattegrond.pdf")

    staff_login(client, world["staff"])
    staff_page = client.get(reverse("workbench:case", args=[case.identification]))
    text = staff_page.content.decode()
    assert text.count("plattegrond.pdf") >= 2  # among the answers and under Documenten


def test_a_refused_file_is_explained_and_nothing_is_stored(client, world):
    login(client, world["anna"])
    wrong = send_page(client, "plattegrond.pdf", PNG)  # a picture named .pdf
    page = wrong.content.decode()
    assert wrong.status_code == 400
    assert "De inhoud van ‘plattegrond.pdf’ past niet bij de naam" in page
    assert "Stuur een PDF van hoogstens 2 MB." in page
    not_allowed = send_page(client, "foto.png", PNG).content.decode()
    assert "‘foto.png’ is hier geen toegestane bestandssoort." in not_allowed
    too_big = send_page(client, "groot.pdf", PDF + b"0" * (2 * 1024 * 1024)).content.decode()
    assert "‘groot.pdf’ is groter dan 2 MB." in too_big
    # a good file on a page with another problem waits too: every problem at once, no file kept
    body = {"plattegrond": SimpleUploadedFile("plattegrond.pdf", PDF), "actie": "verder"}
    other = client.post(reverse("portal:request", args=["evenement"]), body)
    assert other.status_code == 400 and "Dit veld is verplicht." in other.content.decode()
    assert not Document.objects.exists() and not Case.objects.exists()


def test_a_typed_value_cannot_take_the_place_of_a_file(client, world):
    login(client, world["anna"])
    body = {"onderwerp": "Feest", "plattegrond": "00000000-0000-0000-0000-000000000000:x.pdf"}
    response = client.post(reverse("portal:request", args=["evenement"]), body)
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
