# SPDX-License-Identifier: EUPL-1.2
"""List endpoints cost a fixed number of SQL queries, whatever the page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.audit.services import Actor
from plus1.cases.services import case_register, case_transition
from plus1.common.testing.factories import CaseTypeFactory
from plus1.zgw.tests.conftest import ZAKEN, limited_client, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db


def _register(case_type, count):
    busy = case_type.statuses.get(code="in-behandeling")
    for _ in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=None,
            form_data={"onderwerp": "Boom"},
        )
        case_transition(actor=Actor.system("test"), case=case, target=busy)


def _queries(api, url):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured), response.json()


@pytest.mark.parametrize("url", [f"{ZAKEN}/zaken", f"{ZAKEN}/statussen"])
def test_one_zaak_costs_as_much_as_a_hundred(
    superclient, case_type, url, django_assert_num_queries
):
    _register(case_type, 1)
    one, body = _queries(superclient, url)
    assert body["count"] >= 1

    _register(case_type, 99)
    # a full page of statussen adds its COUNT, nothing else; zaken are counted by the tally
    # (cases.CaseTally) on any page
    with django_assert_num_queries(one + (url.endswith("statussen"))):
        response = superclient.get(url)
    assert response.json()["count"] >= 100
    assert len(response.json()["results"]) == 100


def test_a_deeper_page_holds_the_next_zaken_in_order_for_one_query_more(superclient, case_type):
    from plus1.cases.models import Case

    _register(case_type, 205)
    newest_first = [str(key) for key in Case.objects.order_by("-pk").values_list("uuid", flat=True)]
    first, page_one = _queries(superclient, f"{ZAKEN}/zaken")
    deep, page_three = _queries(superclient, f"{ZAKEN}/zaken?page=3")

    assert [z["uuid"] for z in page_one["results"]] == newest_first[:100]
    assert [z["uuid"] for z in page_three["results"]] == newest_first[200:]
    assert page_three["count"] == 205 and page_three["next"] is None
    assert page_three["previous"].endswith("page=2")
    assert deep == first + 1  # the page's keys, then its rows


def _resident_cases(case_type, count, resident):
    from plus1.cases.models import Role
    from plus1.catalog.models import RoleType

    role_type, _ = RoleType.objects.get_or_create(
        case_type=case_type, description="Aanvrager", defaults={"kind": "initiator"}
    )
    for _ in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=resident,
            form_data={"onderwerp": "Boom"},
        )
        if not Role.objects.filter(case=case, party=resident).exists():
            Role.objects.create(
                case=case, role_type=role_type, party=resident, betrokkene_type="natuurlijk_persoon"
            )


def test_a_search_by_bsn_costs_at_most_ten_queries_whatever_the_page_size(superclient, case_type):
    from plus1.audit.models import AuditEntry
    from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
    from plus1.privacy.models import DataTrailRecord
    from plus1.privacy.testing import serve_under_activity

    resident = ResidentFactory(bsn="999990019")
    other_type = CaseTypeFactory(confidentiality="openbaar")  # a second team and case type
    for kind in (case_type, other_type):
        serve_under_activity(kind)
        _resident_cases(kind, 15, resident)
    search = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999990019"}
    audits, trails = AuditEntry.objects.count(), DataTrailRecord.objects.count()
    with CaptureQueriesContext(connection) as captured:
        found = superclient.post(f"{ZAKEN}/zaken/_zoek", search, format="json")
    statements = [q["sql"] for q in captured]
    # transaction control (the test's savepoints; BEGIN/COMMIT in production) is not a query
    queries = [sql for sql in statements if not sql.startswith(("SAVEPOINT", "RELEASE"))]
    assert len(queries) <= 10, "\n".join(queries)
    assert found.status_code == 200
    assert found.json()["count"] == 30 and len(found.json()["results"]) == 30
    # one search of one person: per purpose one audit entry and one trail record
    purposes = DataTrailRecord.objects.order_by("-pk")[:2].values_list("activity", flat=True)
    assert DataTrailRecord.objects.count() - trails == len(set(purposes)) == 2
    assert AuditEntry.objects.count() - audits == 2
    entry = AuditEntry.objects.order_by("-seq").first()
    assert len(entry.after["cases"]) == 15


def test_a_zaak_detail_costs_a_fixed_number_of_queries(
    superclient, case_type, django_assert_max_num_queries
):
    _register(case_type, 1)
    url = superclient.get(f"{ZAKEN}/zaken").json()["results"][0]["url"]
    with django_assert_max_num_queries(6):  # was 16: prefetches and the auth lookups
        assert superclient.get(url).status_code == 200


def test_the_list_counts_what_a_limited_client_may_see_without_counting_every_zaak(
    superclient, case_type
):
    other = CaseTypeFactory(confidentiality="openbaar")
    for _ in range(3):
        assert (
            superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").status_code
            == 201
        )
    secret = zaak_body(case_type, vertrouwelijkheidaanduiding="geheim")
    assert superclient.post(f"{ZAKEN}/zaken", secret, format="json").status_code == 201
    assert superclient.post(f"{ZAKEN}/zaken", zaak_body(other), format="json").status_code == 201
    reader = limited_client(
        "lezer",
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
            }
        ],
    )

    with CaptureQueriesContext(connection) as captured:
        shown = reader.get(f"{ZAKEN}/zaken").json()
    assert shown["count"] == 3 and len(shown["results"]) == 3
    assert not [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]

    assert superclient.get(f"{ZAKEN}/zaken").json()["count"] == 5
    by_type = superclient.get(f"{ZAKEN}/zaken", {"zaaktype": zaaktype_url(other)}).json()
    assert by_type["count"] == 1 and len(by_type["results"]) == 1
    capped = superclient.get(f"{ZAKEN}/zaken", {"maximaleVertrouwelijkheidaanduiding": "openbaar"})
    assert capped.json()["count"] == 4
