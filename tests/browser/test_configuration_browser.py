# SPDX-License-Identifier: EUPL-1.2
"""Configuration without code, in a real browser: a functional administrator adds a
conditional field and a new status with its transitions to "Evenementenvergunning",
previews and publishes it; a resident submits the new form; a running case of the previous
version keeps its old workflow; the audit chain holds every admin change. Every admin page
on the way passes axe-core and fits 1280 px."""

import pytest

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.audit.verify import verify_chain
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog import audit_actions
from plus1.catalog.models import CaseType
from plus1.catalog.selectors import transitions_from
from plus1.demo.loader import demo_load
from plus1.documents.selectors import case_documents
from plus1.identity.models import Party
from tests.browser.helpers import assert_accessible, login_as_resident, login_as_staff

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def fits(page, width=1280):
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def checked(page):
    assert_accessible(page)
    fits(page)


def test_administrator_changes_form_and_workflow_and_publishes(browser, live_server, plusstad):
    old = CaseType.objects.current().get(code="evenementenvergunning")
    anna = Party.objects.get(name="Anna de Boer")
    running = case_register(
        actor=Actor.system("test"),
        case_type=old,
        initiator=anna,
        form_data={
            "naam_evenement": "Buurtfeest",
            "datum": "2027-06-01",
            "locatie": "Dorpsplein",
            "bezoekers": 80,
        },
    )
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    base = live_server.url
    login_as_staff(page, base, "beheerder")

    # The case types, and the teams and routing rules, in Dutch and accessible.
    for path in ("identity/team", "meldingen/routingrule", "catalog/casetype"):
        page.goto(f"{base}/beheer/{path}/")
        checked(page)
        page.locator("#result_list tbody tr th a").first.click()
        checked(page)
    page.goto(f"{base}/beheer/catalog/casetype/")
    page.get_by_role("link", name="Evenementenvergunning").first.click()
    checked(page)
    assert "Gepubliceerde versie" in page.inner_text("main")

    # Form builder: a yes/no question turns into a condition for a new field.
    page.get_by_role("link", name="Aanvraagformulier").first.click()
    checked(page)
    builder = page.locator("form.field-form")
    builder.get_by_label("Soort veld").select_option("text")
    builder.get_by_label("Vraag (label)").fill("Tot hoe laat is er muziek?")
    builder.get_by_label("Verplicht").check()
    builder.get_by_label("Alleen tonen als dit veld…").select_option(
        label="Er is versterkte muziek"
    )
    builder.get_by_label("…dit antwoord heeft").fill("ja")
    page.get_by_role("button", name="Veld toevoegen").click()
    assert "Conceptversie" in page.inner_text("main")
    draft = CaseType.objects.get(code="evenementenvergunning", concept=True)
    assert draft.form_schema["properties"]["tot_hoe_laat_is_er_muziek"]["x-showIf"] == {
        "field": "muziek",
        "equals": True,
    }
    preview = page.get_by_role("region", name="Voorbeeld van het formulier")
    assert "Alleen invullen als u bij ‘Er is versterkte muziek’ ‘ja’ hebt gekozen." in (
        preview.inner_text()
    )
    checked(page)

    # A file upload: the kinds and the size in words.
    builder.get_by_label("Soort veld").select_option("file")
    builder.get_by_label("Vraag (label)").fill("Plattegrond van het terrein")
    builder.get_by_label("PDF", exact=True).check()
    builder.get_by_label("Grootste bestand (MB)").fill("5")
    page.get_by_role("button", name="Veld toevoegen").click()
    draft.refresh_from_db()
    plan = draft.form_schema["properties"]["plattegrond_van_het_terrein"]
    assert plan["x-kind"] == "file" and plan["x-fileKinds"] == ["pdf"]
    assert "Stuur een PDF van hoogstens 5 MB." in preview.inner_text()
    checked(page)

    # Bad input: a choice without options is refused, in Dutch, nothing saved.
    builder.get_by_label("Soort veld").select_option("radio")
    builder.get_by_label("Vraag (label)").fill("Soort evenement")
    page.get_by_role("button", name="Veld toevoegen").click()
    assert (
        "Keuzeveld ‘Soort evenement’ heeft geen keuzes." in page.get_by_role("alert").inner_text()
    )
    checked(page)

    # The preview on its own page checks answers like the portal does, and saves nothing.
    page.get_by_role("link", name="Het voorbeeld op een eigen pagina proberen").click()
    page.get_by_label("Ja").first.check()
    page.get_by_role("button", name="Antwoorden controleren").click()
    assert "Tot hoe laat is er muziek?: Dit veld is verplicht." in (
        page.get_by_role("alert").inner_text()
    )
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar het formulier bouwen").click()

    # Workflow editor: a new status with its transitions, on one page.
    page.get_by_role("link", name="Statussen en overgangen").first.click()
    checked(page)
    rows = page.locator("table.workflow-table").first.locator("tbody tr")
    new = rows.last
    new.get_by_label("Volgorde van status", exact=False).fill("9")
    new.get_by_label("Naam van status", exact=False).fill("Advies gevraagd")
    new.get_by_label("Code van status", exact=False).fill("advies-gevraagd")
    new.get_by_label("Uitleg voor de inwoner van status", exact=False).fill(
        "Wij vragen advies aan de hulpdiensten."
    )
    page.get_by_role("button", name="Statussen en overgangen bewaren").click()
    assert "niet te bereiken" in page.get_by_role("alert").inner_text()  # no way in yet
    checked(page)
    moves = page.locator("table.workflow-table").nth(1).locator("tbody tr")
    count = moves.count()
    first, second = moves.nth(count - 2), moves.nth(count - 1)
    first.get_by_label("Van status", exact=False).select_option("in-behandeling")
    first.get_by_label("Naar status", exact=False).select_option("advies-gevraagd")
    first.get_by_label("Knoptekst", exact=False).fill("Advies vragen")
    second.get_by_label("Van status", exact=False).select_option("advies-gevraagd")
    second.get_by_label("Naar status", exact=False).select_option("in-behandeling")
    second.get_by_label("Knoptekst", exact=False).fill("Advies ontvangen")
    page.get_by_role("button", name="Statussen en overgangen bewaren").click()
    assert "De wijziging is bewaard." in page.inner_text("main")
    checked(page)

    # Publish: new cases use the new version.
    page.get_by_role("link", name="Publiceren").first.click()
    checked(page)
    page.get_by_role("button", name="Nu publiceren").click()
    assert "is gepubliceerd" in page.inner_text("main")
    draft.refresh_from_db()
    assert not draft.concept
    assert CaseType.objects.current().get(code="evenementenvergunning") == draft

    # A resident submits the new form; the new question shows on its condition.
    resident = browser.new_context(locale="nl-NL").new_page()
    login_as_resident(resident, base, "Johan Smit")
    resident.goto(f"{base}/aanvragen/evenementenvergunning/")
    resident.get_by_label("Naam van het evenement").fill("Zomerfestival")
    resident.get_by_label("Datum").fill("2027-07-01")
    resident.get_by_label("Locatie", exact=True).fill("Stadspark")
    resident.get_by_label("Verwacht aantal bezoekers").fill("500")
    resident.get_by_label("Ja").first.check()
    resident.get_by_role("button", name="Controleer uw antwoorden").click()
    assert "Tot hoe laat is er muziek?: Dit veld is verplicht." in (
        resident.get_by_role("alert").inner_text()
    )
    assert_accessible(resident)
    resident.get_by_label("Tot hoe laat is er muziek?").fill("23:00")
    resident.get_by_label("Plattegrond van het terrein").set_input_files(
        {"name": "plattegrond.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    resident.get_by_role("button", name="Controleer uw antwoorden").click()
    assert "plattegrond.pdf" in resident.inner_text("main")  # the check page
    resident.get_by_role("button", name="Versturen").click()
    new_case = Case.objects.exclude(pk=running.pk).get(case_type__code="evenementenvergunning")
    assert new_case.identification in resident.get_by_role("status").inner_text()
    assert new_case.case_type == draft
    assert new_case.form_data["tot_hoe_laat_is_er_muziek"] == "23:00"
    [attached] = case_documents([new_case.uuid])
    assert attached.document.current.title == "plattegrond.pdf"
    resident.context.close()

    # The running case keeps the version it started with, and its workflow.
    running.refresh_from_db()
    assert running.case_type == old
    busy = old.statuses.get(code="in-behandeling")
    assert "advies-gevraagd" not in {t.target.code for t in transitions_from(busy)}
    assert "advies-gevraagd" in {
        t.target.code for t in transitions_from(draft.statuses.get(code="in-behandeling"))
    }

    # `plus1 audit verify`: the chain is intact and holds every admin change.
    assert verify_chain().intact
    actions = list(
        AuditEntry.objects.filter(actor_label="Beheerder").values_list("action", flat=True)
    )
    for action in (
        audit_actions.CASE_TYPE_DRAFT_CREATED,
        audit_actions.CASE_TYPE_FORM_CHANGED,
        audit_actions.CASE_TYPE_WORKFLOW_CHANGED,
        audit_actions.CASE_TYPE_PUBLISHED,
    ):
        assert action in actions
    context.close()
