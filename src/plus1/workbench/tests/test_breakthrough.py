# SPDX-License-Identifier: EUPL-1.2
"""The doorbraak route through real pages: staff mark a case, it goes to the doorbraak
team with its own term, that team records the decision and the rule that pinched, the case
goes back, the resident sees extra attention (no internal text), and the public overview
counts the rules per product with small counts hidden. Every refusal writes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases import audit_actions, events
from plus1.cases.breakthrough import (
    add_working_days,
    case_breakthrough_decide,
    case_breakthrough_mark,
)
from plus1.cases.models import Breakthrough, Case
from plus1.cases.services import case_register
from plus1.common.nl_dates import nl_date
from plus1.common.testing.factories import ProductFactory, TeamFactory, UserFactory
from plus1.events import services as event_services
from plus1.events.models import OutboxMessage
from plus1.workbench.tests.conftest import logged_in, member

pytestmark = pytest.mark.django_db

BLOCKER = "De regel eist een uittreksel dat de aanvrager niet kan krijgen."
RULE = "Uittreksel verplicht, ook waar de gemeente het zelf kan inzien"


@pytest.fixture
def doorbraak():
    team = TeamFactory(slug="doorbraak", name="Doorbraakteam")
    return member(team, UserFactory(staff=True, username="dirk", first_name="Dirk"))


def resident_page(client, anna, case):
    client.post(reverse("portal:login"), {"party": str(anna.uuid)})
    return client.get(reverse("portal:case-detail", args=[case.identification])).content.decode()


def test_marking_without_a_reason_is_refused_in_dutch_and_nothing_is_written(bram, case, doorbraak):
    client = logged_in(bram)
    url = reverse("workbench:case-breakthrough", args=[case.identification])
    response = client.post(url, {"blokkade": "   "}, follow=True)
    assert "Schrijf op wat een redelijke uitkomst blokkeert." in response.content.decode()
    case.refresh_from_db()
    assert case.responsible_team.slug == "vergunningen"
    assert not Breakthrough.objects.exists()
    assert not AuditEntry.objects.filter(action=audit_actions.CASE_BREAKTHROUGH_MARKED).exists()


def test_without_a_doorbraak_team_marking_is_refused(bram, case, settings):
    settings.BREAKTHROUGH_TEAM = "bestaat-niet"
    response = logged_in(bram).post(
        reverse("workbench:case-breakthrough", args=[case.identification]),
        {"blokkade": BLOCKER},
        follow=True,
    )
    assert "Er is geen doorbraakteam ingesteld." in response.content.decode()
    assert not Breakthrough.objects.exists()


def test_a_case_goes_to_the_doorbraak_team_and_back_with_the_decision(
    client, bram, case, doorbraak, anna, monkeypatch, settings
):
    settings.BREAKTHROUGH_WORKING_DAYS = 3
    settings.DEMO_MODE = True  # the resident logs in through the demo login
    monkeypatch.setitem(event_services._topics, events.CASE_BREAKTHROUGH_MARKED, ["test"])
    monkeypatch.setitem(event_services._topics, events.CASE_BREAKTHROUGH_DECIDED, ["test"])
    handler = logged_in(bram)
    handler.post(
        reverse("workbench:case-assign", args=[case.identification]), {"actie": "oppakken"}
    )
    response = handler.post(
        reverse("workbench:case-breakthrough", args=[case.identification]),
        {"blokkade": BLOCKER},
        follow=True,
    )
    assert "De zaak ligt nu bij Doorbraakteam." in response.content.decode()
    case.refresh_from_db()
    due = add_working_days(timezone.localdate(), 3)
    assert (case.responsible_team.slug, case.assignee) == ("doorbraak", None)
    assert Breakthrough.objects.get().due_on == due
    assert OutboxMessage.objects.get(topic=events.CASE_BREAKTHROUGH_MARKED).payload["due_on"] == (
        due.isoformat()
    )

    page = resident_page(client, anna, case)
    assert "Uw aanvraag krijgt extra aandacht." in page and nl_date(due) in page
    assert BLOCKER not in page

    team_page = logged_in(doorbraak).get(reverse("workbench:case", args=[case.identification]))
    body = team_page.content.decode()
    assert (
        BLOCKER in body
        and f'Doorbraakteam beslist uiterlijk</dt><dd class="breakthrough-due">{nl_date(due)}'
        in body
    )

    decide = reverse("workbench:case-breakthrough-decide", args=[case.identification])
    refused = logged_in(doorbraak).post(
        decide, {"besluit": "Wij zien af van het uittreksel."}, follow=True
    )
    assert "Schrijf op welke regel knelde." in refused.content.decode()
    assert Breakthrough.objects.get().decided_at is None
    assert not AuditEntry.objects.filter(action=audit_actions.CASE_BREAKTHROUGH_DECIDED).exists()

    done = logged_in(doorbraak).post(
        decide,
        {"besluit": "Wij zien af van het uittreksel.", "regel": RULE, "grondslag": "Awb 4:2"},
        follow=True,
    )
    assert "Het besluit van het doorbraakteam is vastgelegd." in done.content.decode()
    case.refresh_from_db()
    assert (case.responsible_team.slug, case.assignee) == ("vergunningen", bram)
    decided = Breakthrough.objects.get()
    assert (decided.rule, decided.legal_basis, decided.decided_by) == (RULE, "Awb 4:2", doorbraak)
    assert OutboxMessage.objects.filter(topic=events.CASE_BREAKTHROUGH_DECIDED).exists()
    history = logged_in(bram).get(reverse("workbench:case", args=[case.identification]))
    assert f"legde het besluit van het doorbraakteam vast (regel die knelde: {RULE})" in (
        history.content.decode()
    )
    assert "extra aandacht" not in resident_page(client, anna, case)


def decide_many(actor, case_type, anna, count, product=None):
    for index in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=anna,
            form_data={"onderwerp": f"Feest {index}"},
        )
        case_breakthrough_mark(actor=actor, case=case, blocker=BLOCKER)
        case_breakthrough_decide(
            actor=actor,
            case=case,
            decision="Opgelost",
            rule=RULE,
            legal_basis="Awb 4:2",
            product=product,
        )


def test_the_public_overview_counts_rules_per_product_and_hides_small_counts(
    client, case_type, anna, doorbraak
):
    actor = Actor.from_user(doorbraak)
    assert "nog geen besluiten" in client.get(reverse("insights:breakthroughs")).content.decode()
    decide_many(actor, case_type, anna, 12)
    page = client.get(reverse("insights:breakthroughs")).content.decode()
    assert "Doorbraak: regels die knelden" in page
    assert "Evenementenvergunning" in page and "Awb 4:2" in page
    assert "<td>12</td>" in page and "niet getoond" not in page
    assert RULE not in page and BLOCKER not in page and "Anna" not in page

    decide_many(actor, case_type, anna, 3, product=ProductFactory(name="Parkeervergunning"))
    page = client.get(reverse("insights:breakthroughs")).content.decode()
    assert "Parkeervergunning" in page
    assert "niet getoond (minder dan 10)" in page and "<td>3</td>" not in page
    # the total and the 12 together would give the 3 away: one of them is hidden as well
    assert not ("<td>12</td>" in page and "<td>15</td>" in page)
    assert Case.objects.filter(responsible_team__slug="vergunningen").count() == 15
