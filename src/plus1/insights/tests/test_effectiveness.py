# SPDX-License-Identifier: EUPL-1.2
"""First-time-right, repeat contact and melding resolution on hand-made cases with known
answers; suppression below 10, linked tables that hide the same totals, nothing personal."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.cases.models import Case, CaseStatus, InformationRequest
from plus1.catalog.models import StatusType
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.contact.models import ContactChannel, ContactMoment
from plus1.identity.testing import staff_login
from plus1.insights import effectiveness
from plus1.insights.disclosure import TOTAL
from plus1.opendata.build import opendata_build
from plus1.opendata.tests.conftest import make_cases

pytestmark = pytest.mark.django_db

CLOSED = dt.date(2026, 3, 10)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


@pytest.fixture
def world(settings, tmp_path):
    """Permit: 12 closed in March; 2 with an aanvulverzoek, 1 reopened, 1 with an upheld
    bezwaar, 1 with a rejected one (that one still counts): 8 first-time-right. Repeat contact: 2 of 12."""
    settings.OPENDATA_DIR = tmp_path / "opendata"
    team = TeamFactory(slug="vergunningen")
    permit = ProductFactory(
        slug="vergunning", name="Vergunning", case_type=CaseTypeFactory(responsible_team=team)
    )
    objection_type = CaseTypeFactory(code="bezwaar", name="Bezwaar", responsible_team=team)
    StatusType.objects.create(
        case_type=objection_type, code="gegrond", name="Gegrond", order=4, is_final=True
    )
    StatusType.objects.create(
        case_type=objection_type, code="ongegrond", name="Ongegrond", order=5, is_final=True
    )
    residents = [ResidentFactory() for _ in range(12)]
    cases = make_cases(
        permit.case_type,
        12,
        registered_on=CLOSED - dt.timedelta(days=14),
        closed_on=CLOSED,
        deadline=CLOSED,
        district_code="WK000101",
    )
    for case, resident in zip(cases, residents, strict=True):
        Case.objects.filter(pk=case.pk).update(initiator=resident)
    for case in cases[:2]:
        InformationRequest.objects.create(
            case=case,
            question="Stuur een kopie",
            reply_due=CLOSED,
            requested_at=at(CLOSED - dt.timedelta(days=10)),
            state=InformationRequest.State.ANSWERED,
            deadline_before=CLOSED,
        )
    final = permit.case_type.statuses.get(code="afgehandeld")
    busy = permit.case_type.statuses.get(code="in-behandeling")
    CaseStatus.objects.create(case=cases[2], status=final, set_at=at(CLOSED - dt.timedelta(days=3)))
    CaseStatus.objects.create(case=cases[2], status=busy, set_at=at(CLOSED - dt.timedelta(days=2)))
    CaseStatus.objects.create(case=cases[2], status=final, set_at=at(CLOSED))
    for case, verdict in ((cases[3], "gegrond"), (cases[4], "ongegrond")):
        [objection] = make_cases(objection_type, 1, registered_on=CLOSED, district_code="")
        Case.objects.filter(pk=objection.pk).update(
            status=objection_type.statuses.get(code=verdict),
            form_data={"kenmerk_besluit": case.identification.lower()},
        )
    # Repeat contact: case 5 about the case on day 30, case 6 about the product on day 2;
    # case 7 only on day 31, case 8 on the day it closed, case 9 by someone else.
    moments = [
        (residents[5], cases[5], None, 30),
        (residents[6], None, permit, 2),
        (residents[7], cases[7], None, 31),
        (residents[8], cases[8], None, 0),
        (ResidentFactory(), cases[9], None, 3),
    ]
    for party, case, product, days in moments:
        ContactMoment.objects.create(
            channel=ContactChannel.PHONE,
            party=party,
            case=case,
            product=product,
            summary="Vraag over de vergunning",
            registered_at=at(CLOSED + dt.timedelta(days=days)),
        )
    return {"team": team, "cases": cases, "permit": permit, "residents": residents}


def row(rows, **match):
    return next(r for r in rows if all(r[k] == v for k, v in match.items()))


def test_first_time_right_counts_information_requests_reopening_and_upheld_objections(world):
    rows = effectiveness.first_time_right_per_product_month()
    permit = row(rows, maand="2026-03", product="Vergunning")
    # 8 first-time-right and 4 not: the 4 is below 10 and hidden, and with it the 8.
    assert permit["niet_in_een_keer"] is None and permit["goed_in_een_keer"] is None
    assert "minder dan 10" in permit["opmerking"]
    # The 12 decided stays visible: hiding both parts is enough, in every linked table.
    assert permit["afgehandeld"] == 12
    lead = row(effectiveness.lead_times_per_product_month(), maand="2026-03", product="Vergunning")
    assert (lead["afgehandeld"], lead["op_tijd"], lead["te_laat"]) == (12, 12, 0)
    plain = effectiveness.right_rows(
        effectiveness.months(effectiveness.closed_cases(), protect=False)
    )
    permit = row(plain, maand="2026-03", product="Vergunning")
    assert (permit["goed_in_een_keer"], permit["niet_in_een_keer"]) == (8, 4)
    assert permit["percentage_goed_in_een_keer"] == round(100 * 8 / 12, 1)


def test_repeat_contact_is_the_same_party_on_the_case_or_product_within_30_days(world):
    plain = effectiveness.repeat_rows(
        effectiveness.months(effectiveness.closed_cases(), protect=False)
    )
    permit = row(plain, maand="2026-03", product="Vergunning")
    assert (permit["met_herhaalcontact"], permit["zonder_herhaalcontact"]) == (2, 10)


def test_linked_tables_hide_the_same_totals(world):
    """A product total hidden in one table of closed cases is hidden in all of them."""
    lead = effectiveness.lead_times_per_product_month()
    right = effectiveness.first_time_right_per_product_month()
    repeat = effectiveness.repeat_contact_per_product_month()
    by_district = effectiveness.first_time_right_per_district_month()
    for product in ("Vergunning", TOTAL):
        totals = {
            row(table, maand="2026-03", product=product)["afgehandeld"]
            for table in (lead, right, repeat)
        }
        assert len(totals) == 1, product
    grand = row(lead, maand="2026-03", product=TOTAL)["afgehandeld"]
    assert row(by_district, maand="2026-03", wijk=TOTAL)["afgehandeld"] == grand
    for rows in (lead, right, repeat, by_district):
        for item in rows:
            for key, value in item.items():
                if isinstance(value, int) and key != "maand":
                    assert not 0 < value < 10, (key, item)


def test_meldingen_time_to_resolution_per_category_against_the_norm():
    from plus1.meldingen.categories import CATEGORIES
    from plus1.meldingen.models import Melding

    melding_type = CaseTypeFactory(kind="melding")
    category = CATEGORIES[0]
    registered = dt.date(2026, 4, 1)  # a Wednesday
    fast = make_cases(melding_type, 10, registered_on=registered, closed_on=registered)
    slow = make_cases(melding_type, 10, registered_on=registered, closed_on=dt.date(2026, 6, 30))
    for case in fast + slow:
        Melding.objects.create(case=case, category=category.slug)
    rows = effectiveness.melding_resolution_per_category_month()
    april = row(rows, maand="2026-04", categorie=category.name)
    june = row(rows, maand="2026-06", categorie=category.name)
    assert (april["opgelost"], april["binnen_norm"], april["na_norm"]) == (10, 10, 0)
    assert april["mediaan_werkdagen"] == 0 and june["na_norm"] == 10
    assert june["mediaan_werkdagen"] > category.service_level_days


def test_the_published_files_hold_nothing_personal(world):
    build = opendata_build()
    text = "".join(
        path.read_text()
        for path in sorted(build.folder.iterdir())
        if path.is_file() and path.suffix != ".parquet"  # the same rows as the CSV, binary
    )
    for case in world["cases"]:
        assert case.identification not in text
    for resident in world["residents"]:
        assert resident.name not in text and resident.email not in text
    catalogue = json.loads((build.folder / "catalogus.jsonld").read_text())
    titles = {item["dct:title"] for item in catalogue["dcat:dataset"]}
    assert {"Goed in één keer per product en maand", "Goed in één keer per wijk en maand"} <= titles
    assert "Opnieuw contact binnen 30 dagen per product en maand" in titles


def test_staff_see_their_own_teams_figures_unsuppressed(client, world):
    member = UserFactory(is_staff=True)
    world["team"].members.add(member)
    other = TeamFactory(slug="elders")
    elsewhere = ProductFactory(
        slug="elders", name="Elders", case_type=CaseTypeFactory(responsible_team=other)
    )
    make_cases(elsewhere.case_type, 3, registered_on=CLOSED, closed_on=CLOSED, deadline=CLOSED)
    staff_login(client, member)
    response = client.get(reverse("workbench:team-performance"), {"product": "Vergunning"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "ook aantallen onder de 10" in page
    first_time = page.split('id="tabel-goed-in-een-keer"')[1].split("</table>")[0]
    assert "<td>66,7</td>" in first_time  # 8 of 12: shown although 4 is below 10
    assert "Elders" not in page  # another team's product is not in the filter
    refused = client.get(reverse("workbench:team-performance"), {"team": "elders"})
    assert refused.status_code == 400
    assert "Het team ‘elders’ is niet een van uw teams." in refused.content.decode()


def test_the_public_page_needs_no_login_and_staff_view_does(client, world):
    response = client.get(reverse("workbench:team-performance"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("insights:performance")).status_code == 200


def test_questions_without_a_case_open_on_the_first_contact_and_repeat_within_30_days():
    product = ProductFactory(slug="afval", name="Afval")
    start = dt.date(2026, 5, 4)
    # 10 people ask once; 1 asks again on day 30 (a repeat) and on day 45 (still the same
    # question: 15 days after the previous one); 1 asks on day 0 and day 31 (two questions).
    schedule = [[0]] * 10 + [[0, 30, 45], [0, 31]]
    for days in schedule:
        party = ResidentFactory()
        for offset in days:
            ContactMoment.objects.create(
                channel=ContactChannel.CHAT,
                party=party,
                product=product,
                summary="Wanneer wordt het afval opgehaald?",
                registered_at=at(start + dt.timedelta(days=offset)),
            )
    plain = effectiveness.repeat_contact_questions_per_product_month(protect=False)
    may = row(plain, maand="2026-05", product="Afval")
    june = row(plain, maand="2026-06", product="Afval")
    assert (may["vragen"], may["met_herhaalcontact"], may["zonder_herhaalcontact"]) == (12, 1, 11)
    assert (june["vragen"], june["met_herhaalcontact"]) == (1, 0)
    published = effectiveness.repeat_contact_questions_per_product_month()
    may = row(published, maand="2026-05", product="Afval")
    assert may["met_herhaalcontact"] is None and may["vragen"] == 12
    assert row(published, maand="2026-06", product="Afval")["vragen"] is None


def test_the_staff_view_reads_in_a_fixed_number_of_queries(client, world):
    member = UserFactory(is_staff=True)
    world["team"].members.add(member)
    staff_login(client, member)
    url = reverse("workbench:team-performance")
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_cases(
        world["permit"].case_type, 15, registered_on=CLOSED, closed_on=CLOSED, deadline=CLOSED
    )
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)
