# SPDX-License-Identifier: EUPL-1.2
"""Process insight: the directly-follows graph (counts, median waits) and the variants of a
product's status history, scoped to the staff member's teams, on the staff page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseStatus
from plus1.cases.services import case_register
from plus1.catalog.models import StatusType
from plus1.common.testing.factories import CaseTypeFactory, TeamFactory, UserFactory
from plus1.identity.testing import staff_login
from plus1.insights.process import process_graph, process_products, process_variants, wait_label

pytestmark = pytest.mark.django_db

FEBRUARY = dt.date(2026, 2, 2)
START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
HOUR, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)


def case_with_history(case_type, steps, registered_on=FEBRUARY):
    """A case whose history is `steps`: (status code, time since the previous status)."""
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=None,
        form_data={"onderwerp": "Test"},
    )
    Case.objects.filter(pk=case.pk).update(registered_on=registered_on)
    CaseStatus.objects.filter(case=case).delete()
    moment = timezone.make_aware(dt.datetime.combine(registered_on, dt.time(9)))
    for code, wait in steps:
        moment += wait
        CaseStatus.objects.create(
            case=case, status=case_type.statuses.get(code=code), set_at=moment
        )
    return case


@pytest.fixture
def parking(db):
    lead = UserFactory(staff=True, username="teamleider")
    team = TeamFactory(slug="parkeren", name="Parkeren", members=[lead])
    case_type = CaseTypeFactory(
        code="parkeervergunning", name="Parkeervergunning", responsible_team=team
    )
    StatusType.objects.create(
        case_type=case_type, code="aanvulling", name="Aanvulling gevraagd", order=4
    )
    zero = dt.timedelta(0)
    for hours, days in ((1, 1), (3, 2), (5, 4)):  # Ontvangen → In behandeling → Afgehandeld
        case_with_history(
            case_type,
            [("ontvangen", zero), ("in-behandeling", hours * HOUR), ("afgehandeld", days * DAY)],
        )
    for hours, days in ((2, 1), (4, 3)):  # with a request for more information in between
        case_with_history(
            case_type,
            [
                ("ontvangen", zero),
                ("in-behandeling", hours * HOUR),
                ("aanvulling", 6 * HOUR),
                ("in-behandeling", days * DAY),
                ("afgehandeld", 2 * DAY),
            ],
        )
    case_with_history(case_type, [("ontvangen", zero)])  # still open
    # Registered before the period: not counted (it would add Ontvangen → Afgehandeld).
    case_with_history(
        case_type, [("ontvangen", zero), ("afgehandeld", HOUR)], registered_on=dt.date(2025, 12, 1)
    )
    other = CaseTypeFactory(code="paspoort", name="Paspoort", responsible_team=TeamFactory())
    case_with_history(other, [("ontvangen", zero), ("afgehandeld", HOUR)])
    return {"lead": lead, "case_type": case_type, "other": other}


def test_the_graph_counts_transitions_and_their_median_wait(parking, django_assert_num_queries):
    with django_assert_num_queries(1):
        graph = process_graph(parking["lead"], "parkeervergunning", START, END)
    assert [(n.name, n.visits, n.starts, n.ends) for n in graph.nodes] == [
        ("Ontvangen", 6, 6, 1),
        ("In behandeling", 7, 0, 0),
        ("Afgehandeld", 5, 0, 5),
        ("Aanvulling gevraagd", 2, 0, 0),
    ]
    edges = {(t.source, t.target): (t.count, t.median_seconds) for t in graph.transitions}
    assert edges == {
        ("Ontvangen", "In behandeling"): (5, pytest.approx(3 * 3600)),  # 1, 2, 3, 4, 5 h
        ("In behandeling", "Afgehandeld"): (5, pytest.approx(2 * 86400)),  # 1, 2, 2, 2, 4 d
        ("In behandeling", "Aanvulling gevraagd"): (2, pytest.approx(6 * 3600)),
        ("Aanvulling gevraagd", "In behandeling"): (2, pytest.approx(2 * 86400)),  # 1 and 3 d
    }
    assert graph.transitions[0].count == 5  # most frequent first


def test_the_variants_are_the_most_common_sequences_with_their_share(
    parking, django_assert_num_queries
):
    with django_assert_num_queries(1):
        variants = process_variants(parking["lead"], "parkeervergunning", START, END)
    assert (variants.cases, variants.distinct) == (6, 3)
    assert [(v.steps, v.cases, v.share) for v in variants.top] == [
        (("Ontvangen", "In behandeling", "Afgehandeld"), 3, 50.0),
        (
            ("Ontvangen", "In behandeling", "Aanvulling gevraagd", "In behandeling", "Afgehandeld"),
            2,
            33.3,
        ),
        (("Ontvangen",), 1, 16.7),
    ]
    assert len(process_variants(parking["lead"], "parkeervergunning", START, END, 1).top) == 1


def test_only_the_products_of_the_staff_members_teams(parking):
    assert [p.code for p in process_products(parking["lead"])] == ["parkeervergunning"]
    assert process_graph(parking["lead"], "paspoort", START, END).nodes == []
    assert process_variants(parking["lead"], "paspoort", START, END).cases == 0


def test_wait_labels_in_hours_then_days():
    assert wait_label(5.5 * 3600) == "5,5 uur"
    assert wait_label(47 * 3600) == "47,0 uur"
    assert wait_label(3.25 * 86400) == "3,2 dagen"


def test_the_page_shows_the_graph_the_table_and_the_variants(client, parking):
    staff_login(client, parking["lead"])
    response = client.get(
        reverse("workbench:process-insight"),
        {"product": "parkeervergunning", "van": "2026-01-01", "tot": "2026-03-31"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Procesinzicht: Parkeervergunning" in page
    assert "1 januari 2026 tot en met 31 maart 2026" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    for name in ("Ontvangen", "In behandeling", "Afgehandeld", "Aanvulling gevraagd"):
        assert f">{name}</text>" in svg
    assert "5× · 3,0 uur" in svg and "5× · 2,0 dagen" in svg
    transitions = page[page.index('class="process-transitions"') :]
    assert "<td>Ontvangen</td><td>In behandeling</td><td>5</td><td>3,0 uur</td>" in transitions
    assert "<td>Aanvulling gevraagd</td><td>In behandeling</td><td>2</td><td>2,0 dagen</td>" in (
        transitions
    )
    variants = page[page.index('class="process-variants"') :]
    assert "<td>3</td><td>50,0%</td>" in variants and "<td>1</td><td>16,7%</td>" in variants
    assert "Paspoort" not in page  # another team's product is not offered


def test_bad_filters_are_all_named_and_nothing_is_shown(client, parking):
    staff_login(client, parking["lead"])
    response = client.get(
        reverse("workbench:process-insight"),
        {"product": "paspoort", "van": "gisteren", "tot": "2026-02-30"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Het product ‘paspoort’ bestaat niet of hoort niet bij uw teams" in page
    assert "De begindatum ‘gisteren’ is geen datum" in page
    assert "De einddatum ‘2026-02-30’ is geen datum" in page
    assert "<svg" not in page and "process-variants" not in page
    response = client.get(
        reverse("workbench:process-insight"),
        {"product": "parkeervergunning", "van": "2026-03-01", "tot": "2026-02-01"},
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_without_a_product_the_page_asks_for_one_and_residents_get_no_page(client, parking):
    staff_login(client, parking["lead"])
    page = client.get(reverse("workbench:process-insight")).content.decode()
    assert "Kies een product en een periode." in page and "<svg" not in page
    client.logout()
    response = client.get(reverse("workbench:process-insight"))
    assert response.status_code == 302 and "inloggen" in response["Location"]
