# SPDX-License-Identifier: EUPL-1.2
"""The conversation on a case in a real browser, with axe-core checks, at phone and desktop
width: staff ask for a document, the resident answers with a PDF and sees the deadline move
by the suspension, staff see "antwoord ontvangen" at the top of the inbox and continue."""

import datetime as dt

import pytest
from django.utils import dateformat, timezone, translation

from plus1.audit.services import Actor
from plus1.cases import conversation
from plus1.cases.models import Case, InformationRequest
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType
from plus1.common import legal_clock
from plus1.demo.loader import demo_load
from plus1.documents.models import DocumentLink
from plus1.identity.models import Party
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WAITED = 6  # days the resident takes to answer


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()
    return case_register(
        actor=Actor.system("test"),
        case_type=CaseType.objects.current().get(code="parkeervergunning"),
        initiator=Party.objects.get(name="Anna de Boer"),
        form_data={"kenteken": "AB-123-C", "ingangsdatum": "2027-01-04"},
    )


def _dutch(day: dt.date) -> str:
    with translation.override("nl"):
        return dateformat.format(day, "j F Y")


def _no_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", [390, 1280])
def test_staff_ask_resident_answers_with_a_pdf_staff_continue(
    page, live_server, plusstad, tmp_path, width
):
    case = plusstad
    page.set_viewport_size({"width": width, "height": 900})
    base = live_server.url

    login_as_staff(page, base, "behandelaar.vergunningen")
    page.get_by_role("link", name=case.identification).click()
    page.get_by_label("Wat ontbreekt er? (in gewone woorden)").fill(
        "Wij missen nog uw huurcontract. Kunt u dat sturen?"
    )
    page.get_by_role("button", name="Aanvulverzoek versturen").click()
    assert "De termijn staat stil" in page.inner_text("main")
    assert_accessible(page)
    _no_overflow(page)
    page.get_by_role("button", name="Uitloggen").click()

    # The resident takes a few days: the suspension began that long ago.
    original = Case.objects.get(pk=case.pk).deadline
    Case.objects.filter(pk=case.pk).update(
        suspended_on=timezone.localdate() - dt.timedelta(days=WAITED)
    )
    expected = legal_clock.next_working_day(original + dt.timedelta(days=WAITED))

    login_as_resident(page, base, "Anna de Boer")
    page.goto(f"{base}/mijn-zaken/")
    assert "hebben wij informatie van u nodig" in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("link", name=case.identification).first.click()
    assert "Wij missen nog uw huurcontract." in page.inner_text("main")
    assert _dutch(original) in page.locator(".deadline").inner_text()
    assert_accessible(page)
    _no_overflow(page)
    fake = tmp_path / "huurcontract.docx"
    fake.write_bytes(PDF)  # a PDF named .docx: refused, the typed answer stays
    page.get_by_label("Uw antwoord").fill("Hierbij mijn huurcontract.")
    page.get_by_label("Bestanden meesturen (niet verplicht)").set_input_files(str(fake))
    page.get_by_role("button", name="Antwoord versturen").click()
    assert "geen Word-document" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    _no_overflow(page)
    pdf = tmp_path / "huurcontract.pdf"
    pdf.write_bytes(PDF)
    answer = page.get_by_role("textbox", name="Uw antwoord")
    assert answer.input_value() == "Hierbij mijn huurcontract."
    page.get_by_label("Bestanden meesturen (niet verplicht)").set_input_files(str(pdf))
    page.get_by_role("button", name="Antwoord versturen").click()
    assert "wij hebben uw antwoord ontvangen" in page.get_by_role("status").inner_text()
    assert page.locator(".deadline").inner_text() == _dutch(expected)
    assert f"naar {_dutch(expected)}" in page.locator(".history").inner_text()
    assert DocumentLink.objects.filter(object_uuid=case.uuid).count() == 1
    assert_accessible(page)
    _no_overflow(page)
    page.get_by_role("button", name="Uitloggen").click()

    login_as_staff(page, base, "behandelaar.vergunningen")
    first_row = page.locator("tbody tr").first
    assert case.identification in first_row.inner_text()
    assert "antwoord ontvangen" in first_row.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=case.identification).first.click()
    assert "Hierbij mijn huurcontract." in page.inner_text("main")
    with page.expect_download() as download:
        page.get_by_role("link", name="huurcontract.pdf").click()
    assert download.value.suggested_filename == "huurcontract.pdf"
    assert_accessible(page)
    page.get_by_label("In behandeling nemen (In behandeling)").check()
    page.get_by_role("button", name="Status wijzigen").click()
    assert page.locator(".current-status").inner_text() == "In behandeling"
    page.get_by_role("link", name="Werkvoorraad").click()
    assert "antwoord ontvangen" not in page.locator("tbody").inner_text()
    assert InformationRequest.objects.get().state == InformationRequest.State.ANSWERED


def test_without_javascript_a_refused_file_keeps_the_answer_and_a_good_one_is_sent(
    browser, live_server, plusstad, tmp_path
):
    """The answer form is a plain multipart form: it works with JavaScript switched off."""
    case = plusstad
    conversation.information_request_create(
        actor=Actor.system("test"), case=case, question="Stuur een kopie van uw huurcontract."
    )
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    login_as_resident(page, live_server.url, "Anna de Boer")
    page.goto(f"{live_server.url}/mijn-zaken/{case.identification}/")

    fake = tmp_path / "huurcontract.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)  # a picture named .pdf
    page.get_by_label("Uw antwoord").fill("Zie de bijlage.")
    page.get_by_label("Bestanden meesturen (niet verplicht)").set_input_files(str(fake))
    page.get_by_role("button", name="Antwoord versturen").click()
    assert "past niet bij de naam" in page.get_by_role("alert").inner_text()
    assert page.get_by_role("textbox", name="Uw antwoord").input_value() == "Zie de bijlage."
    assert not DocumentLink.objects.exists()  # (axe needs JavaScript: checked in the test above)

    good = tmp_path / "echt.pdf"
    good.write_bytes(PDF)
    page.get_by_label("Bestanden meesturen (niet verplicht)").set_input_files(str(good))
    page.get_by_role("button", name="Antwoord versturen").click()
    assert "wij hebben uw antwoord ontvangen" in page.get_by_role("status").inner_text()
    assert DocumentLink.objects.filter(object_uuid=case.uuid).count() == 1
    context.close()
