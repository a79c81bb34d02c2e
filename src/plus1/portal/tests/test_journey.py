# SPDX-License-Identifier: EUPL-1.2
"""The resident-to-staff journey through real URLs, including every refusal."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.events.services import outbox_drain
from plus1.identity.testing import staff_login
from plus1.portal.testing import send_request
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(settings):
    settings.DEMO_MODE = True
    handler = UserFactory(staff=True, username="bram", first_name="Bram")
    team = TeamFactory(slug="burgerzaken", name="Team Burgerzaken", members=[handler])
    product = ProductFactory(
        slug="klacht", name="Klacht indienen", case_type=CaseTypeFactory(responsible_team=team)
    )
    serve_under_activity(product.case_type)  # no purpose, no access
    return {
        "product": product,
        "handler": handler,
        "anna": ResidentFactory(name="Anna de Boer", email="anna@example.nl"),
        "piet": ResidentFactory(name="Piet Post"),
    }


def without_csrf(response):
    """The page without what differs per request: CSRF tokens and the login's expiry time."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    page = re.sub(r'data-session-expires="\d+"|name="next" value="[^"]*"', "", page)
    return re.sub(
        r"<time data-session-time [^>]*>[^<]*</time>|<span data-session-time>[^<]*</span>", "", page
    )


def demo_login(client, party):
    response = client.post(reverse("portal:login"), {"party": str(party.uuid)})
    assert response.status_code == 302


def test_demo_login_page_says_it_simulates_digid(client, setup):
    page = client.get(reverse("portal:login")).content.decode()
    assert "dit is géén echte DigiD" in page and "Anna de Boer" in page


def test_demo_login_does_not_exist_outside_demo_mode(client, setup, settings):
    settings.DEMO_MODE = False
    assert "Anna de Boer" not in client.get(reverse("portal:login")).content.decode()
    response = client.post(reverse("portal:login"), {"party": str(setup["anna"].uuid)})
    assert response.status_code == 404
    assert client.get(reverse("portal:my-cases")).status_code == 302  # still logged out


def test_request_form_requires_login(client, setup):
    response = client.get(reverse("portal:request", args=["klacht"]))
    assert response.status_code == 302 and reverse("portal:login") in response["Location"]


def test_invalid_input_shows_every_problem_keeps_input_and_writes_nothing(client, setup):
    demo_login(client, setup["anna"])
    response = client.post(
        reverse("portal:request", args=["klacht"]), {"onderwerp": "", "aantal": "twee"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dit veld is verplicht." in page and "Vul een heel getal in." in page
    assert 'value="twee"' in page  # what was typed is kept
    assert "Er zijn 2 punten om te verbeteren" in page
    assert not Case.objects.exists()


def test_full_journey(client, setup):
    anna, handler = setup["anna"], setup["handler"]
    demo_login(client, anna)
    response = send_request(client, "klacht", {"onderwerp": "Stoep kapot", "aantal": "1"})
    case = Case.objects.get()
    assert response["Location"] == reverse("portal:case-received", args=[case.identification])
    confirmation = client.get(response["Location"]).content.decode()
    assert case.identification in confirmation and "uiterlijk op" in confirmation
    my_cases = client.get(reverse("portal:my-cases")).content.decode()
    assert case.identification in my_cases and "Ontvangen" in my_cases

    client.logout()
    staff_login(client, handler)
    inbox = client.get(reverse("workbench:inbox")).content.decode()
    assert case.identification in inbox
    case_url = reverse("workbench:case", args=[case.identification])
    client.post(
        reverse("workbench:case-note", args=[case.identification]),
        {"text": "We komen dinsdag kijken.", "visible": "on"},
    )
    client.post(
        reverse("workbench:case-note", args=[case.identification]), {"text": "Intern: lastig"}
    )
    client.post(
        reverse("workbench:case-status", args=[case.identification]), {"status": "in-behandeling"}
    )
    assert "In behandeling" in client.get(case_url).content.decode()

    client.logout()
    demo_login(client, anna)
    detail = client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()
    assert "In behandeling" in detail and "We komen dinsdag kijken." in detail
    assert "Intern: lastig" not in detail
    outbox_drain()
    assert [m.to for m in mail.outbox] == [["anna@example.nl"], ["anna@example.nl"]]
    assert [m.subject for m in mail.outbox] == [
        f"Wij hebben uw aanvraag {case.identification} ontvangen",
        f"Nieuwe status voor uw zaak {case.identification}: In behandeling",
    ]
    berichten = client.get("/mijn-berichten/").content.decode()
    assert all(m.subject in berichten for m in mail.outbox)
    actors = set(
        AuditEntry.objects.filter(object_id=str(case.pk)).values_list("actor_label", "action")
    )
    assert ("Anna de Boer", "case.registered") in actors
    assert ("Bram", "case.note_added") in actors and ("Bram", "case.status_changed") in actors


def test_other_resident_gets_404_without_a_hint(client, setup):
    demo_login(client, setup["anna"])
    send_request(client, "klacht", {"onderwerp": "Geheim"})
    case = Case.objects.get()
    client.logout()
    demo_login(client, setup["piet"])
    response = client.get(reverse("portal:case-detail", args=[case.identification]))
    missing = client.get(reverse("portal:case-detail", args=["ZAAK-2000-9999999"]))
    assert response.status_code == missing.status_code == 404
    assert without_csrf(response) == without_csrf(missing)
    assert case.identification not in client.get(reverse("portal:my-cases")).content.decode()


def test_staff_outside_the_team_cannot_open_the_case(client, setup):
    demo_login(client, setup["anna"])
    send_request(client, "klacht", {"onderwerp": "Stoep"})
    case = Case.objects.get()
    outsider = UserFactory(staff=True, username="olga")
    TeamFactory(slug="vergunningen", members=[outsider])
    staff_login(client, outsider)
    assert case.identification not in client.get(reverse("workbench:inbox")).content.decode()
    url = reverse("workbench:case", args=[case.identification])
    assert client.get(url).status_code == 404
    status_url = reverse("workbench:case-status", args=[case.identification])
    assert client.post(status_url, {"status": "in-behandeling"}).status_code == 404
    case.refresh_from_db()
    assert case.status.code == "ontvangen"


def test_illegal_transition_shows_a_clear_message(client, setup):
    demo_login(client, setup["anna"])
    send_request(client, "klacht", {"onderwerp": "Stoep"})
    case = Case.objects.get()
    staff_login(client, setup["handler"])
    response = client.post(
        reverse("workbench:case-status", args=[case.identification]),
        {"status": "afgehandeld"},
        follow=True,
    )
    assert "kan niet van ‘Ontvangen’ naar ‘Afgehandeld’" in response.content.decode()
    case.refresh_from_db()
    assert case.status.code == "ontvangen"


def test_inbox_orders_by_deadline_and_marks_overdue(client, setup):
    import datetime as dt

    demo_login(client, setup["anna"])
    for subject in ("eerste", "tweede"):
        send_request(client, "klacht", {"onderwerp": subject})
    late, later = Case.objects.order_by("pk")
    Case.objects.filter(pk=later.pk).update(deadline=dt.date(2020, 1, 1))
    staff_login(client, setup["handler"])
    inbox = client.get(reverse("workbench:inbox")).content.decode()
    assert inbox.index(later.identification) < inbox.index(late.identification)
    assert inbox.count("Te laat") == 1


def test_resident_cannot_use_the_workbench(client, setup):
    demo_login(client, setup["anna"])
    assert client.get(reverse("workbench:inbox")).status_code == 404


def test_demo_login_with_a_made_up_person_is_refused(client, setup):
    response = client.post(reverse("portal:login"), {"party": "niet-een-uuid"})
    assert response.status_code == 400 and "Kies een van de personen." in response.content.decode()
