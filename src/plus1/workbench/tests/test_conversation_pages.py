# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: F811  (the `case` fixture imported below is used as a parameter)
"""The conversation on a case for staff, through real URLs: asking for more information
suspends the term, the answered case comes to the top of the inbox marked "antwoord
ontvangen" until staff move it on, and an unanswered request opens the Awb 4:5 route."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import conversation
from plus1.cases.models import Case, CaseMessage, InformationRequest
from plus1.cases.services import case_register, case_transition
from plus1.cases.tests.conversation_fixtures import (
    case,  # noqa: F401 (this package's own `case` differs)
)
from plus1.common.testing.factories import ResidentFactory, UserFactory
from plus1.identity.testing import staff_login
from plus1.privacy.models import DataTrailRecord

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("test")


@pytest.fixture
def browser(staff):
    client = Client()
    staff_login(client, staff)
    return client


def _case_page(browser, case):
    return browser.get(reverse("workbench:case", args=[case.identification])).content.decode()


def test_staff_ask_for_information_and_the_term_stops(browser, case, recorded):
    due = timezone.localdate() + dt.timedelta(days=10)
    response = browser.post(
        reverse("workbench:case-request", args=[case.identification]),
        {"question": "Wij missen uw huurcontract.", "reply_due": due.isoformat()},
        follow=True,
    )
    page = response.content.decode()
    assert "Het aanvulverzoek is verstuurd. De termijn staat stil." in page
    assert "De termijn staat stil sinds" in page
    assert "Standaard 2 weken (ingesteld per zaaktype)." in page
    request = InformationRequest.objects.get()
    assert request.reply_due == due and request.requested_by.username == "sanne"
    assert Case.objects.get(pk=case.pk).suspended_on == timezone.localdate()
    assert AuditEntry.objects.filter(action="case.information_requested").exists()
    assert DataTrailRecord.objects.filter(name="aanvulling gevraagd bij uw zaak").exists()
    assert recorded("case.information_requested")[0]["reply_due"] == due.isoformat()


def test_bad_request_input_lists_every_problem_and_writes_nothing(browser, case):
    response = browser.post(
        reverse("workbench:case-request", args=[case.identification]),
        {"question": "", "reply_due": timezone.localdate().isoformat()},
        follow=True,
    )
    page = response.content.decode()
    assert "Schrijf op wat er ontbreekt." in page and "Kies een reactiedatum na vandaag." in page
    too_long = "x" * 2001
    response = browser.post(
        reverse("workbench:case-request", args=[case.identification]),
        {"question": too_long, "reply_due": "morgen"},
        follow=True,
    )
    page = response.content.decode()
    assert "Vul de reactiedatum in als dag-maand-jaar" in page
    assert f">{too_long}</textarea>" in page  # what was typed is kept
    assert f">{too_long}</textarea>" not in _case_page(browser, case)  # shown once
    assert not InformationRequest.objects.exists()
    assert Case.objects.get(pk=case.pk).suspended_on is None


def test_staff_of_another_team_cannot_ask(case):
    outsider = Client()
    staff_login(outsider, UserFactory(staff=True))
    response = outsider.post(
        reverse("workbench:case-request", args=[case.identification]), {"question": "Hoi"}
    )
    assert response.status_code == 404
    assert not InformationRequest.objects.exists()


def test_an_answered_case_tops_the_inbox_until_staff_move_it_on(browser, case, staff):
    earlier = case_register(  # an older deadline: first in the inbox by deadline alone
        actor=SYSTEM,
        case_type=case.case_type,
        initiator=ResidentFactory(),
        form_data={"onderwerp": "Ander"},
        deadline_on=case.deadline - dt.timedelta(days=20),
    )
    request = conversation.information_request_create(actor=SYSTEM, case=case, question="Huur?")
    inbox = browser.get(reverse("workbench:inbox")).content.decode()
    assert inbox.index(earlier.identification) < inbox.index(case.identification)
    assert "antwoord ontvangen" not in inbox

    conversation.information_request_answer(
        actor=SYSTEM, request=request, text="Hier.", documents=[]
    )
    inbox = browser.get(reverse("workbench:inbox")).content.decode()
    assert inbox.index(case.identification) < inbox.index(earlier.identification)
    row = inbox[
        inbox.index(case.identification) : inbox.index("</tr>", inbox.index(case.identification))
    ]
    assert "antwoord ontvangen" in row

    busy = case.case_type.statuses.get(code="in-behandeling")
    browser.post(
        reverse("workbench:case-status", args=[case.identification]), {"status": busy.code}
    )
    inbox = browser.get(reverse("workbench:inbox")).content.decode()
    assert "antwoord ontvangen" not in inbox
    assert inbox.index(earlier.identification) < inbox.index(case.identification)


def test_a_message_from_the_resident_is_marked_and_internal_notes_stay_internal(
    browser, case, resident
):
    conversation.case_message_post(
        actor=SYSTEM,
        case=case,
        text="Wanneer hoor ik iets?",
        author_kind="initiator",
        author_party=resident,
    )
    assert "nieuw bericht" in browser.get(reverse("workbench:inbox")).content.decode()
    browser.post(
        reverse("workbench:case-message", args=[case.identification]),
        {"text": "Collega: klant terugbellen", "internal": "on"},
    )
    assert CaseMessage.objects.get(internal=True).text == "Collega: klant terugbellen"
    page = _case_page(browser, case)
    assert "Wanneer hoor ik iets?" in page and "intern, niet zichtbaar voor de aanvrager" in page


def test_an_overdue_request_opens_the_set_aside_route(browser, case):
    busy = case.case_type.statuses.get(code="in-behandeling")
    case_transition(actor=SYSTEM, case=case, target=busy)
    request = conversation.information_request_create(
        actor=SYSTEM, case=Case.objects.get(pk=case.pk), question="Huurcontract?"
    )
    assert "Reactietermijn verlopen" not in _case_page(browser, case)
    InformationRequest.objects.filter(pk=request.pk).update(
        reply_due=timezone.localdate() - dt.timedelta(days=1)
    )
    assert "reactietermijn verlopen" in browser.get(reverse("workbench:inbox")).content.decode()
    page = _case_page(browser, case)
    assert "Reactietermijn verlopen" in page and "Buiten behandeling stellen" in page

    browser.post(
        reverse("workbench:case-request-set-aside", args=[case.identification, request.uuid]),
        {"explanation": "Wij kregen uw huurcontract niet op tijd."},
    )

    closed = Case.objects.get(pk=case.pk)
    assert closed.status.code == "buiten-behandeling" and closed.closed_on is not None
    assert closed.history.last().explanation == "Wij kregen uw huurcontract niet op tijd."


def test_a_withdrawn_request_restarts_the_term(browser, case):
    request = conversation.information_request_create(actor=SYSTEM, case=case, question="X?")
    browser.post(
        reverse("workbench:case-request-withdraw", args=[case.identification, request.uuid])
    )
    request.refresh_from_db()
    assert request.state == InformationRequest.State.WITHDRAWN
    assert Case.objects.get(pk=case.pk).suspended_on is None


def _talk(case, resident, times):
    for n in range(times):
        request = conversation.information_request_create(actor=SYSTEM, case=case, question="?")
        conversation.information_request_answer(
            actor=SYSTEM, request=request, text=f"Antwoord {n}", documents=[]
        )
        conversation.case_message_post(
            actor=SYSTEM, case=case, text="Vraag", author_kind="initiator", author_party=resident
        )


def test_the_case_pages_do_not_grow_with_the_thread(browser, case, resident, settings):
    def count(client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    settings.DEMO_MODE = True
    portal = Client()
    portal.post(reverse("portal:login"), {"party": str(resident.uuid)})
    staff_url = reverse("workbench:case", args=[case.identification])
    portal_url = reverse("portal:case-detail", args=[case.identification])
    _talk(case, resident, 1)
    staff_one, portal_one = count(browser, staff_url), count(portal, portal_url)
    _talk(case, resident, 8)
    assert count(browser, staff_url) == staff_one
    assert count(portal, portal_url) == portal_one
