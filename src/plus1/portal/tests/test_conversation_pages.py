# SPDX-License-Identifier: EUPL-1.2
"""The conversation on a case for its initiator, through real URLs: the open request is
prominent, an answer with a PDF becomes a document of the case (the rows the Documenten and
Zaken APIs return) and moves the deadline; every refusal writes nothing and keeps the text."""

import pytest
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases import conversation
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.cases.tests.conversation_fixtures import PDF, PNG, days_ago
from plus1.common.testing.factories import ResidentFactory
from plus1.documents.models import Document, DocumentLink
from plus1.documents.tests.conftest import client_with
from plus1.privacy.models import DataTrailRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def superclient():
    return client_with("alles", alles=True)


@pytest.fixture
def asked(case, settings):
    settings.DEMO_MODE = True
    return conversation.information_request_create(
        actor=Actor.system("test"), case=case, question="Wij missen nog uw huurcontract."
    )


def _login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def _answer(client, request, text="", files=()):
    url = reverse("portal:case-answer", args=[request.case.identification, request.uuid])
    return client.post(url, {"text": text, "files": list(files)})


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_open_request_is_prominent_on_the_case_page_and_in_my_cases(client, asked, resident):
    _login(client, resident)
    cases = client.get(reverse("portal:my-cases")).content.decode()
    assert "hebben wij informatie van u nodig" in cases
    assert "Wij wachten op informatie van u" in cases
    page = client.get(reverse("portal:case-detail", args=[asked.case.identification]))
    text = page.content.decode()
    assert "Wij hebben informatie van u nodig" in text
    assert "Wij missen nog uw huurcontract." in text
    assert "De termijn staat stil sinds" in text
    assert 'enctype="multipart/form-data"' in text  # a plain form: works without JavaScript


def test_an_answer_with_a_pdf_is_a_document_of_the_case_and_moves_the_deadline(
    client, asked, resident, superclient
):
    case = asked.case
    days_ago(case, 7)
    before = Case.objects.get(pk=case.pk).deadline
    _login(client, resident)

    response = _answer(client, asked, "Hierbij mijn huurcontract.", [_upload("huur.pdf", PDF)])

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    moved = Case.objects.get(pk=case.pk).deadline
    assert moved > before
    assert "wij hebben uw antwoord ontvangen" in page
    assert f"naar {moved.day} " in page  # the history shows the moved deadline
    document = Document.objects.get()
    assert document.current.content.read() == PDF
    request = InformationRequest.objects.get()
    assert request.answer_documents == [str(document.uuid)]
    assert DataTrailRecord.objects.filter(name__contains="Aanvulling op zaak").exists()

    documents = superclient.get("/documenten/api/v1/enkelvoudiginformatieobjecten").json()
    assert [row["url"].rsplit("/", 1)[1] for row in documents["results"]] == [str(document.uuid)]
    assert documents["results"][0]["bestandsnaam"] == "huur.pdf"
    assert documents["results"][0]["formaat"] == "application/pdf"
    zaak_url = f"http://testserver/zaken/api/v1/zaken/{case.uuid}"
    links = superclient.get("/zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak_url}).json()
    assert [row["informatieobject"].rsplit("/", 1)[1] for row in links] == [str(document.uuid)]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("huur.pdf", PDF + b"0" * 4096, "is te groot"),
        ("huur.exe", b"MZ\x90\x00", "geen bestandssoort die wij aannemen"),
        ("huur.pdf", PNG, "past niet bij de naam"),
    ],
)
def test_a_refused_upload_stores_nothing_and_keeps_the_typed_reply(
    client, asked, resident, settings, name, content, says
):
    settings.UPLOAD_MAX_BYTES = 1024
    _login(client, resident)

    response = _answer(client, asked, "Mijn getypte antwoord", [_upload(name, content)])

    assert response.status_code == 400
    page = response.content.decode()
    assert says in page and "Uw antwoord is nog niet verstuurd" in page
    assert "Mijn getypte antwoord</textarea>" in page
    assert not Document.objects.exists() and not DocumentLink.objects.exists()
    asked.refresh_from_db()
    assert asked.state == InformationRequest.State.OPEN
    assert Case.objects.get(pk=asked.case.pk).suspended_on is not None


def test_an_answered_request_takes_no_second_answer(client, asked, resident):
    _login(client, resident)
    assert _answer(client, asked, "Eerste antwoord").status_code == 302

    response = _answer(client, asked, "Tweede antwoord", [_upload("b.pdf", PDF)])

    assert response.status_code == 400
    assert "kan niet meer beantwoord worden" in response.content.decode()
    asked.refresh_from_db()
    assert asked.answer_text == "Eerste antwoord"
    assert not Document.objects.exists()


def test_someone_elses_case_is_refused_and_nothing_is_written(client, asked):
    other = ResidentFactory(name="Piet Post")
    _login(client, other)
    identification = asked.case.identification

    assert _answer(client, asked, "Niet van mij", [_upload("a.pdf", PDF)]).status_code == 404
    response = client.post(reverse("portal:case-question", args=[identification]), {"text": "Hoi"})

    assert response.status_code == 404
    assert not Document.objects.exists() and not CaseMessage.objects.exists()
    asked.refresh_from_db()
    assert asked.state == InformationRequest.State.OPEN


def test_a_question_reaches_staff_and_internal_notes_stay_internal(
    client, case, resident, settings
):
    settings.DEMO_MODE = True
    _login(client, resident)
    url = reverse("portal:case-question", args=[case.identification])
    empty = client.post(url, {"text": " "})
    assert empty.status_code == 400 and "Schrijf een bericht." in empty.content.decode()
    assert client.post(url, {"text": "Wanneer hoor ik iets?"}).status_code == 302
    conversation.case_message_post(
        actor=Actor.system("test"),
        case=case,
        text="Intern: nog bellen",
        author_kind="staff",
        internal=True,
    )
    conversation.case_message_post(
        actor=Actor.system("test"), case=case, text="Deze week.", author_kind="staff"
    )

    page = client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()

    assert "Wanneer hoor ik iets?" in page and "Deze week." in page
    assert "Intern: nog bellen" not in page


def test_the_status_explanation_is_shown_to_the_resident(client, case, resident, settings):
    from plus1.cases.services import case_transition

    settings.DEMO_MODE = True
    busy = case.case_type.statuses.get(code="in-behandeling")
    case_transition(
        actor=Actor.system("test"), case=case, target=busy, explanation="We bellen u vrijdag."
    )
    _login(client, resident)
    page = client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()
    assert "Toelichting van de gemeente: We bellen u vrijdag." in page
