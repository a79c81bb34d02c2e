# SPDX-License-Identifier: EUPL-1.2
"""Forms residents understand: date rules, progress steps, check your answers, drafts, and
wording per kind of product (a notification is confirmed, an application decided)."""

import datetime as dt

import pytest
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case, RequestDraft
from plus1.catalog.models import CaseTypeKind
from plus1.common.nl_dates import nl_date
from plus1.common.testing.factories import CaseTypeFactory, ProductFactory, ResidentFactory
from plus1.portal.testing import send_request
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db

MOVE_SCHEMA = {
    "type": "object",
    "required": ["verhuisdatum", "straat", "huisnummer", "aantal_personen"],
    "properties": {
        "verhuisdatum": {
            "type": "string",
            "format": "date",
            "title": "Verhuisdatum",
            "x-earliest": "-P5D",
            "x-latest": "P4W",
        },
        "straat": {"type": "string", "title": "Straat", "maxLength": 80},
        "huisnummer": {"type": "integer", "title": "Huisnummer", "minimum": 1},
        "aantal_personen": {"type": "integer", "title": "Aantal personen dat meeverhuist"},
        "met_kinderen": {"type": "boolean", "title": "Er verhuizen kinderen mee"},
    },
    "x-pages": [
        {"title": "Verhuisdatum", "fields": ["verhuisdatum"]},
        {"title": "Nieuw adres", "fields": ["straat", "huisnummer"]},
        {"title": "Wie verhuizen mee", "fields": ["aantal_personen", "met_kinderen"]},
    ],
}


@pytest.fixture
def world(settings):
    settings.DEMO_MODE = True
    move = ProductFactory(
        slug="verhuizing-doorgeven",
        name="Verhuizing doorgeven",
        case_type=CaseTypeFactory(
            code="verhuizing", form_schema=MOVE_SCHEMA, kind=CaseTypeKind.NOTIFICATION
        ),
    )
    permit = ProductFactory(slug="vergunning", name="Vergunning", case_type=CaseTypeFactory())
    serve_under_activity(move.case_type)
    serve_under_activity(permit.case_type)
    return {"anna": ResidentFactory(name="Anna de Boer")}


def login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def form(slug, step=None):
    url = reverse("portal:request", args=[slug])
    return f"{url}?stap={step}" if step else url


def test_a_move_date_outside_the_rule_is_refused_in_dutch_and_nothing_is_kept(client, world):
    login(client, world["anna"])
    today = dt.date.today()
    response = client.post(form("verhuizing-doorgeven"), {"verhuisdatum": "01-06-2020"})
    page = response.content.decode()
    earliest, latest = today - dt.timedelta(days=5), today + dt.timedelta(weeks=4)
    assert response.status_code == 400
    assert (
        f"Verhuisdatum: Kies een datum van {nl_date(earliest)} tot en met {nl_date(latest)}."
        in page
    )
    assert 'value="01-06-2020"' in page  # what was typed is shown again
    assert not RequestDraft.objects.exists() and not Case.objects.exists()


def test_the_date_rule_is_shown_before_the_resident_types(client, world):
    login(client, world["anna"])
    page = client.get(form("verhuizing-doorgeven")).content.decode()
    latest = dt.date.today() + dt.timedelta(weeks=4)
    assert f'max="{latest.isoformat()}"' in page
    assert f"tot en met {nl_date(latest)}" in page


def test_a_form_of_three_pages_shows_progress_checks_answers_and_then_sends(client, world):
    login(client, world["anna"])
    first = client.get(form("verhuizing-doorgeven")).content.decode()
    assert 'aria-current="step"' in first and "Stap 1 van 4" in first and "Controleren" in first
    day = dt.date.today() + dt.timedelta(days=10)
    response = client.post(
        form("verhuizing-doorgeven"), {"stap": 1, "verhuisdatum": day.strftime("%d-%m-%Y")}
    )
    assert response["Location"] == form("verhuizing-doorgeven", 2)
    second = client.get(response["Location"]).content.decode()
    assert (
        "Stap 2 van 4" in second
        and "Straat" in second
        and "Verhuisdatum" not in second.split("<form")[1]
    )
    # A missing answer on page 2 is reported there, not the answers of page 3.
    refused = client.post(form("verhuizing-doorgeven"), {"stap": 2, "straat": "Dorpsstraat"})
    assert refused.status_code == 400
    refused_page = refused.content.decode()
    assert "Huisnummer: Dit veld is verplicht." in refused_page
    assert "Aantal personen" not in refused_page
    client.post(
        form("verhuizing-doorgeven"), {"stap": 2, "straat": "Dorpsstraat", "huisnummer": "12"}
    )
    response = client.post(
        form("verhuizing-doorgeven"), {"stap": 3, "aantal_personen": "2", "met_kinderen": "on"}
    )
    check_url = reverse("portal:request-check", args=["verhuizing-doorgeven"])
    assert response["Location"] == check_url
    assert not Case.objects.exists()  # nothing is sent before the check
    check = client.get(check_url).content.decode()
    assert "Controleer uw antwoorden" in check
    for shown in (nl_date(day), "Dorpsstraat", "Aantal personen dat meeverhuist", "Ja"):
        assert shown in check
    assert f'href="{form("verhuizing-doorgeven", 2)}"' in check  # change the address
    assert "beslist" not in check

    sent = client.post(check_url)
    case = Case.objects.get()
    assert sent["Location"] == reverse("portal:case-received", args=[case.identification])
    assert case.form_data["verhuisdatum"] == day.isoformat() and case.form_data["huisnummer"] == 12
    assert not RequestDraft.objects.exists()  # the draft is gone once sent
    received = client.get(sent["Location"]).content.decode()
    assert "Wij hebben uw melding ontvangen" in received and "beslist" not in received
    detail = client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()
    assert "Wat u heeft ingevuld" in detail
    assert "<dt>Aantal personen dat meeverhuist</dt><dd>2</dd>" in detail
    assert f"<dt>Verhuisdatum</dt><dd>{nl_date(day)}</dd>" in detail
    assert "<dt>Er verhuizen kinderen mee</dt><dd>Ja</dd>" in detail
    assert "Uiterlijk besluit" not in detail and "Uiterlijk verwerkt" in detail
    assert "aantal_personen" not in detail


def test_an_application_names_its_decision_date(client, world):
    login(client, world["anna"])
    page = client.get(form("vergunning")).content.decode()
    assert "De gemeente beslist binnen 8 weken na ontvangst." in page
    assert "Stap 1 van" not in page  # one page: no progress steps
    response = send_request(client, "vergunning", {"onderwerp": "Dakkapel"})
    case = Case.objects.get()
    received = client.get(response["Location"]).content.decode()
    assert (
        f'De gemeente beslist uiterlijk op <strong class="deadline">{nl_date(case.deadline)}'
        in received
    )
    detail = client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()
    assert "Uiterlijk besluit" in detail and "<dt>Onderwerp</dt><dd>Dakkapel</dd>" in detail


def test_a_saved_draft_comes_back_after_logging_in_again(client, world):
    login(client, world["anna"])
    saved = client.post(
        form("vergunning"), {"stap": 1, "onderwerp": "Dakkapel", "aantal": "", "actie": "opslaan"}
    )
    assert saved.status_code == 302
    assert "Uw antwoorden zijn bewaard" in client.get(saved["Location"]).content.decode()
    draft = RequestDraft.objects.get()
    assert draft.form_data == {"onderwerp": "Dakkapel"}
    entry = AuditEntry.objects.filter(object_type="cases.requestdraft").get()
    assert "Dakkapel" not in str(entry.after)  # the audit log names fields, not answers
    client.post(reverse("portal:logout"))

    login(client, world["anna"])
    my_cases = client.get(reverse("portal:my-cases")).content.decode()
    assert "Nog niet verstuurd" in my_cases and f'href="{form("vergunning")}"' in my_cases
    page = client.get(form("vergunning")).content.decode()
    assert 'value="Dakkapel"' in page and "U gaat verder met de antwoorden" in page

    client.post(form("vergunning"), {"actie": "weggooien"})
    assert not RequestDraft.objects.exists()
    assert 'value="Dakkapel"' not in client.get(form("vergunning")).content.decode()


def test_saving_keeps_even_an_unfinished_answer_without_complaining(client, world):
    login(client, world["anna"])
    response = client.post(form("vergunning"), {"stap": 1, "aantal": "twee", "actie": "opslaan"})
    assert response.status_code == 302
    assert RequestDraft.objects.get().form_data == {"aantal": "twee"}
    check = client.post(reverse("portal:request-check", args=["vergunning"]))
    page = check.content.decode()
    assert check.status_code == 400 and not Case.objects.exists()
    assert "Onderwerp: Dit veld is verplicht." in page and "Aantal: Vul een heel getal in." in page


def test_someone_else_never_sees_a_draft(client, world):
    login(client, world["anna"])
    client.post(form("vergunning"), {"stap": 1, "onderwerp": "Geheim", "actie": "opslaan"})
    client.post(reverse("portal:logout"))
    login(client, ResidentFactory(name="Piet Post"))
    assert "Geheim" not in client.get(form("vergunning")).content.decode()
    assert "Nog niet verstuurd" not in client.get(reverse("portal:my-cases")).content.decode()
    check = client.get(reverse("portal:request-check", args=["vergunning"]))
    assert check.status_code == 302  # no draft of his own: back to the form


def test_after_a_failed_submission_focus_goes_to_the_error_summary(client, world):
    login(client, world["anna"])
    page = client.post(form("vergunning"), {"stap": 1}).content.decode()
    assert (
        'class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus'
        in page
    )
    assert "/static/plus1/error-focus.js" in page
    assert "error-focus.js" not in client.get(form("vergunning")).content.decode()


def test_drafts_not_saved_for_30_days_are_swept(client, world):
    import datetime as dt

    from plus1.audit.services import Actor
    from plus1.cases.drafts import request_drafts_sweep

    login(client, world["anna"])
    client.post(form("vergunning"), {"stap": 1, "onderwerp": "Oud", "actie": "opslaan"})
    client.post(form("verhuizing-doorgeven"), {"stap": 1, "actie": "opslaan"})
    old = RequestDraft.objects.get(
        case_type_code=CaseTypeFactory._meta.model.objects.get(products__slug="vergunning").code
    )
    RequestDraft.objects.filter(pk=old.pk).update(updated_at=old.updated_at - dt.timedelta(days=31))
    assert request_drafts_sweep(actor=Actor.system("test")) == 1
    assert list(RequestDraft.objects.values_list("case_type_code", flat=True)) == ["verhuizing"]
    swept = AuditEntry.objects.filter(object_type="cases.requestdraft", after__isnull=True)
    assert swept.exists() and "Oud" not in str(swept.last().before)
