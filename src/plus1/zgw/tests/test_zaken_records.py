# SPDX-License-Identifier: EUPL-1.2
"""Rollen, resultaten, closing and reopening, the legal clock, geo search, deleting and the
audit trail of the Zaken API: all on the same rows the portal and workbench use."""

import datetime as dt
import logging

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Case, CaseStatus, Role
from plus1.cases.selectors import cases_of_party
from plus1.cases.services import case_register, case_transition
from plus1.cases.workflow import ANY_STATUS_OF_CASE_TYPE
from plus1.catalog.models import DocumentType, ResultType, RoleType
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.documents.models import Document, DocumentLink, DocumentVersion
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.testing import queued_notifications
from plus1.privacy.audit_actions import PERSONAL_DATA_LIST_VIEWED
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.privacy.testing import serve_under_activity
from plus1.zgw.tests.conftest import ZAKEN, limited_client, zaak_body, zaaktype_url

pytestmark = pytest.mark.django_db
CATALOGI = "http://testserver/catalogi/api/v1"
BSN = "999990019"


@pytest.fixture
def zaak(superclient, case_type):
    return superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()


def _initiator_type(case_type):
    return RoleType.objects.create(case_type=case_type, description="Aanvrager", kind="initiator")


def _rol(api, zaak, role_type, bsn=BSN):
    return api.post(
        f"{ZAKEN}/rollen",
        {
            "zaak": zaak["url"],
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": f"{CATALOGI}/roltypen/{role_type.uuid}",
            "roltoelichting": "aanvrager",
            "betrokkeneIdentificatie": {"inpBsn": bsn, "geslachtsnaam": "Jansen"},
        },
        format="json",
    )


def _close(api, zaak, case_type, with_result=True):
    if with_result:
        result_type = ResultType.objects.create(
            case_type=case_type,
            description="Verleend",
            archive_nomination="vernietigen",
            archive_action_term="P10Y",
            source_date={"afleidingswijze": "afgehandeld"},
        )
        api.post(
            f"{ZAKEN}/resultaten",
            {"zaak": zaak["url"], "resultaattype": f"{CATALOGI}/resultaattypen/{result_type.uuid}"},
            format="json",
        )
    final = case_type.statuses.get(is_final=True)
    return api.post(
        f"{ZAKEN}/statussen",
        {
            "zaak": zaak["url"],
            "statustype": api.get(zaaktype_url(case_type)).json()["statustypen"][-1],
            "datumStatusGezet": "2026-02-02T10:00:00Z",
        },
        format="json",
    ), final


def test_initiator_rol_with_a_known_bsn_puts_the_zaak_in_mijn_zaken(superclient, case_type, zaak):
    resident = ResidentFactory(bsn=BSN)
    serve_under_activity(case_type)  # a search by BSN is a use of the person's data

    response = _rol(superclient, zaak, _initiator_type(case_type))

    assert response.status_code == 201, response.json()
    case = Case.objects.get(uuid=zaak["uuid"])
    assert list(cases_of_party(resident)) == [case]
    role = Role.objects.get(case=case)
    assert BSN not in str(role.identification) and role.party == resident
    body = response.json()
    assert body["betrokkeneIdentificatie"]["inpBsn"] == BSN
    assert body["omschrijvingGeneriek"] == "initiator"
    found = superclient.post(
        f"{ZAKEN}/zaken/_zoek",
        {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN},
        format="json",
    ).json()
    assert [z["uuid"] for z in found["results"]] == [zaak["uuid"]]
    searched = DataTrailRecord.objects.filter(name="zaken gezocht op BSN")
    assert searched.get().data_subject_id == subject_pseudonym(resident)
    listed = superclient.get(
        f"{ZAKEN}/zaken", {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999990020"}
    )
    assert listed.json()["count"] == 0
    assert superclient.get(zaak["url"]).json()["rollen"] == [body["url"]]

    browser = Client()
    browser.force_login(resident.user)
    assert case.identification in browser.get(reverse("portal:my-cases")).content.decode()

    superclient.delete(body["url"])
    assert list(cases_of_party(resident)) == []


def test_the_initiator_of_a_portal_case_is_its_initiator_rol(superclient, case_type):
    serve_under_activity(case_type)
    resident = ResidentFactory(bsn=BSN)
    case = case_register(
        actor=Actor.system("portal"),
        case_type=case_type,
        initiator=resident,
        form_data={"onderwerp": "Boom"},
    )

    rollen = superclient.get(
        f"{ZAKEN}/rollen", {"zaak": f"http://testserver{ZAKEN}/zaken/{case.uuid}"}
    ).json()

    assert rollen["count"] == 1
    assert rollen["results"][0]["omschrijvingGeneriek"] == "initiator"
    assert rollen["results"][0]["betrokkeneIdentificatie"]["inpBsn"] == BSN
    assert list(DataTrailRecord.objects.values_list("action", flat=True)) == ["viewed"]


def test_a_list_of_rollen_is_one_audit_entry_and_one_trail_record_per_person(
    superclient, case_type
):
    serve_under_activity(case_type)
    anna, bram = ResidentFactory(bsn=BSN), ResidentFactory(bsn="999990020")
    for resident in (anna, anna, bram):
        case_register(
            actor=Actor.system("portal"), case_type=case_type, initiator=resident,
            form_data={"onderwerp": "Boom"},
        )  # fmt: skip
    entries_before = AuditEntry.objects.count()

    rollen = superclient.get(f"{ZAKEN}/rollen").json()

    assert rollen["count"] == 3
    written = AuditEntry.objects.order_by("id")[entries_before:]
    assert [entry.action for entry in written] == [PERSONAL_DATA_LIST_VIEWED]
    assert len(written[0].after["cases"]) == 3
    records = DataTrailRecord.objects.filter(name="rollen bekeken via de Zaken API")
    assert sorted(records.values_list("data_subject_id", flat=True)) == sorted(
        [subject_pseudonym(anna), subject_pseudonym(bram)]
    )
    assert {record.audit_entry_id for record in records} == {written[0].pk}


def test_rollen_of_a_known_resident_are_refused_without_a_purpose(superclient, case_type):
    case_register(
        actor=Actor.system("portal"), case_type=case_type, initiator=ResidentFactory(bsn=BSN),
        form_data={"onderwerp": "Boom"},
    )  # fmt: skip

    response = superclient.get(f"{ZAKEN}/rollen")

    assert response.status_code == 403
    assert BSN not in response.content.decode()
    assert not DataTrailRecord.objects.exists()


def test_eindstatus_needs_a_resultaat_and_reopening_needs_zaken_heropenen(
    superclient, case_type, zaak
):
    refused, _ = _close(superclient, zaak, case_type, with_result=False)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "resultaat-does-not-exist"
    assert Case.objects.get(uuid=zaak["uuid"]).closed_on is None

    closed, _ = _close(superclient, zaak, case_type)
    assert closed.status_code == 201, closed.json()
    closed_zaak = superclient.get(zaak["url"]).json()
    assert closed_zaak["einddatum"] == "2026-02-02"
    assert closed_zaak["archiefnominatie"] == "vernietigen"
    assert closed_zaak["archiefactiedatum"] == "2036-02-02"

    first = superclient.get(zaaktype_url(case_type)).json()["statustypen"][0]
    reopen = {"zaak": zaak["url"], "statustype": first, "datumStatusGezet": "2026-02-03T10:00:00Z"}
    scopes = ["zaken.lezen", "zaken.aanmaken", "zaken.statussen.toevoegen"]
    limited = limited_client(
        "zonder-heropenen",
        [
            {
                "component": "zrc",
                "scopes": scopes,
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    assert limited.post(f"{ZAKEN}/statussen", reopen, format="json").status_code == 403
    assert superclient.post(f"{ZAKEN}/statussen", reopen, format="json").status_code == 201
    reopened = superclient.get(zaak["url"]).json()
    assert reopened["einddatum"] is None and reopened["archiefactiedatum"] is None
    assert reopened["archiefnominatie"] is None


def test_closed_zaak_refuses_new_rollen_without_geforceerd_bijwerken(superclient, case_type, zaak):
    _close(superclient, zaak, case_type)
    scopes = ["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken"]
    limited = limited_client(
        "zonder-forceren",
        [
            {
                "component": "zrc",
                "scopes": scopes,
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )

    response = _rol(limited, zaak, _initiator_type(case_type))

    assert response.status_code == 403
    assert not Role.objects.exists()


def test_suspension_stops_the_legal_clock_and_extension_moves_the_deadline(superclient, case_type):
    body = zaak_body(case_type, uiterlijkeEinddatumAfdoening="2026-03-02")
    zaak = superclient.post(f"{ZAKEN}/zaken", body, format="json").json()

    extended = superclient.patch(
        zaak["url"], {"verlenging": {"reden": "advies nodig", "duur": "P14D"}}, format="json"
    ).json()

    assert extended["uiterlijkeEinddatumAfdoening"] == "2026-03-16"
    assert extended["verlenging"] == {"reden": "advies nodig", "duur": "P14DT00H00M00S"}
    case = Case.objects.get(uuid=zaak["uuid"])
    Case.objects.filter(pk=case.pk).update(suspended_on=dt.date.today() - dt.timedelta(days=7))
    resumed = superclient.patch(
        zaak["url"], {"opschorting": {"indicatie": False, "reden": ""}}, format="json"
    ).json()
    assert (
        resumed["opschorting"]["indicatie"] is False
        and resumed["opschorting"]["eerdereOpschorting"]
    )
    assert dt.date.fromisoformat(resumed["uiterlijkeEinddatumAfdoening"]) >= dt.date(2026, 3, 23)


def test_zoek_within_a_polygon_finds_only_the_zaken_inside(superclient, case_type):
    inside = zaak_body(case_type, zaakgeometrie={"type": "Point", "coordinates": [5.12, 52.09]})
    outside = zaak_body(case_type, zaakgeometrie={"type": "Point", "coordinates": [5.30, 52.09]})
    kept = superclient.post(f"{ZAKEN}/zaken", inside, format="json").json()
    superclient.post(f"{ZAKEN}/zaken", outside, format="json")
    # A triangle whose bounding box holds both points, but only the first lies inside it.
    area = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.4, 52.0], [5.0, 52.2], [5.0, 52.0]]],
    }

    found = superclient.post(
        f"{ZAKEN}/zaken/_zoek", {"zaakgeometrie": {"within": area}}, format="json"
    ).json()

    assert [z["uuid"] for z in found["results"]] == [kept["uuid"]]


@pytest.mark.parametrize(
    "area",
    [
        # a map's viewport: the box itself is the area
        [[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]],
        # a triangle with most of its box's points inside: the query excludes the few outside
        [[5.0, 52.0], [5.4, 52.0], [5.0, 52.2], [5.0, 52.0]],
    ],
)
def test_zoek_within_finds_every_zaak_inside_and_none_outside(superclient, case_type, area):
    def zaak_at(lon: float | None, lat: float | None) -> str:
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lon else None
        body = zaak_body(case_type, zaakgeometrie=geometry)
        return superclient.post(f"{ZAKEN}/zaken", body, format="json").json()["uuid"]

    inside = {zaak_at(5.01, 52.01), zaak_at(5.05, 52.05), zaak_at(5.1, 52.02)}
    zaak_at(5.35, 52.19)  # in the triangle's box, outside the triangle; outside the viewport
    zaak_at(6.0, 53.0)  # far away
    zaak_at(None, None)  # no place

    found = superclient.post(
        f"{ZAKEN}/zaken/_zoek",
        {"zaakgeometrie": {"within": {"type": "Polygon", "coordinates": [area]}}},
        format="json",
    ).json()

    assert found["count"] == 3
    assert {z["uuid"] for z in found["results"]} == inside


def test_deleting_a_zaak_deletes_its_deelzaken_and_records_and_notifies(
    superclient, case_type, zaak
):
    kanaal, _ = Kanaal.objects.get_or_create(naam="zaken")
    abonnement = Abonnement.objects.create(callback_url="https://example.com/cb", auth="Bearer x")
    AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal)
    deelzaak = superclient.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, hoofdzaak=zaak["url"]), format="json"
    ).json()
    assert superclient.get(zaak["url"]).json()["deelzaken"] == [deelzaak["url"]]
    rol = _rol(superclient, zaak, _initiator_type(case_type)).json()
    notified = len(queued_notifications())

    assert superclient.delete(zaak["url"]).status_code == 204

    assert not Case.objects.filter(uuid__in=[zaak["uuid"], deelzaak["uuid"]]).exists()
    assert superclient.get(rol["url"]).status_code == 404
    messages = queued_notifications()
    assert len(messages) == notified + 1  # the zaak, not again for its deelzaak or records
    bericht = messages[-1]
    assert (bericht["kanaal"], bericht["actie"], bericht["resource"]) == (
        "zaken",
        "destroy",
        "zaak",
    )


def test_hoofdzaak_cannot_be_a_deelzaak_or_itself(superclient, case_type, zaak):
    deelzaak = superclient.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, hoofdzaak=zaak["url"]), format="json"
    ).json()

    nested = superclient.post(
        f"{ZAKEN}/zaken", zaak_body(case_type, hoofdzaak=deelzaak["url"]), format="json"
    )
    itself = superclient.patch(zaak["url"], {"hoofdzaak": zaak["url"]}, format="json")

    assert nested.json()["invalidParams"][0]["code"] == "deelzaak-als-hoofdzaak"
    assert itself.json()["invalidParams"][0]["code"] == "self-forbidden"
    assert Case.objects.count() == 2


def test_audit_trail_of_a_zaak_comes_from_the_audit_log(superclient, case_type, zaak):
    superclient.patch(zaak["url"], {"toelichting": "Aangevuld"}, format="json")

    trail = superclient.get(f"{zaak['url']}/audittrail").json()

    assert trail[0]["actie"] == "create" and trail[0]["hoofdObject"] == zaak["url"]
    assert any(entry["actie"] == "update" for entry in trail)
    one = superclient.get(f"{zaak['url']}/audittrail/{trail[0]['uuid']}").json()
    assert one["uuid"] == trail[0]["uuid"]


def _busy_cases(case_type, count, statuses):
    steps = list(case_type.statuses.order_by("order"))[:2]
    for _ in range(count):
        case = case_register(
            actor=Actor.system("test"),
            case_type=case_type,
            initiator=ResidentFactory(),
            form_data={"onderwerp": "Boom"},
        )
        for index in range(statuses - 1):
            case_transition(
                actor=Actor.system("test"),
                case=case,
                target=steps[index % 2],
                policy=ANY_STATUS_OF_CASE_TYPE,
            )


@pytest.mark.parametrize("path", ["zaken", "rollen"])
def test_list_costs_the_same_for_1_and_100_zaken_with_10_statussen(superclient, case_type, path):
    serve_under_activity(case_type)
    _busy_cases(case_type, 1, 10)
    with CaptureQueriesContext(connection) as one:
        assert superclient.get(f"{ZAKEN}/{path}").json()["count"] == 1

    _busy_cases(case_type, 99, 10)
    with CaptureQueriesContext(connection) as hundred:
        body = superclient.get(f"{ZAKEN}/{path}").json()

    assert CaseStatus.objects.count() == 1000
    assert len(body["results"]) == 100
    if path == "zaken":
        assert all(len(z["rollen"]) == 1 and z["status"] for z in body["results"])
    if path == "rollen":  # SQLite splits the bulk trail INSERTs into batches; reads stay fixed
        # a full page adds only its COUNT (a short first page counts itself)
        assert _selects(hundred) == _selects(one) + 1
    else:  # zaken are counted by the tally (cases.CaseTally) on any page
        assert len(hundred) == len(one)


def _selects(captured):
    return sum(1 for query in captured.captured_queries if query["sql"].startswith("SELECT"))


def test_bsn_filter_in_a_request_line_is_scrubbed_from_the_server_log():
    logger = logging.getLogger("django.server")
    record = logger.makeRecord(
        "django.server", logging.INFO, __file__, 1, '"GET %s HTTP/1.1" 200',
        (f"{ZAKEN}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={BSN}",), None,
    )  # fmt: skip

    assert logger.handlers and all(handler.filter(record) for handler in logger.handlers)
    assert BSN not in record.getMessage()


def test_zaak_is_archived_only_when_its_documents_are(superclient, case_type, zaak):
    document_type = DocumentType.objects.create(
        description="Brief", confidentiality="openbaar", category="brief"
    )
    document = Document.objects.create(
        identification="DOC-1", source_organisation="002220647", document_type=document_type,
        confidentiality="openbaar",
    )  # fmt: skip
    document.current = DocumentVersion.objects.create(
        document=document, number=1, registered_at=timezone.now(), title="Brief", data={}
    )
    document.save()
    DocumentLink.objects.create(document=document, object_type="zaak", object_uuid=zaak["uuid"])
    archived = {"archiefstatus": "gearchiveerd", "archiefnominatie": "vernietigen", "archiefactiedatum": "2040-01-01"}  # fmt: skip

    refused = superclient.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, format="json")

    assert refused.json()["invalidParams"][0]["code"] == "documents-not-archived"
    DocumentVersion.objects.filter(pk=document.current_id).update(data={"status": "gearchiveerd"})
    unready = superclient.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, format="json")
    assert unready.status_code == 400
    assert {p["code"] for p in unready.json()["invalidParams"]} == {
        "archiefnominatie-not-set",
        "archiefactiedatum-not-set",
    }
    assert (
        superclient.patch(zaak["url"], archived, format="json").json()["archiefstatus"]
        == "gearchiveerd"
    )


def test_rol_with_an_invalid_bsn_is_refused_without_repeating_it(superclient, case_type, zaak):
    response = _rol(superclient, zaak, _initiator_type(case_type), bsn="123456789")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "betrokkeneIdentificatie"
    assert "123456789" not in response.content.decode()
    assert not Role.objects.exists()


def test_zaakcontactmoment_refers_the_zaak_to_a_contact_moment(superclient, zaak):
    contactmoment = "https://klantinteracties.example/contactmomenten/1"
    created = superclient.post(
        f"{ZAKEN}/zaakcontactmomenten",
        {"zaak": zaak["url"], "contactmoment": contactmoment},
        format="json",
    )

    assert created.status_code == 201, created.json()
    listed = superclient.get(f"{ZAKEN}/zaakcontactmomenten", {"zaak": zaak["url"]}).json()
    assert [row["contactmoment"] for row in listed] == [contactmoment]
    assert superclient.get(f"{ZAKEN}/zaakverzoeken", {"zaak": zaak["url"]}).json() == []
    assert superclient.delete(created.json()["url"]).status_code == 204
    assert superclient.get(f"{ZAKEN}/zaakcontactmomenten").json() == []


def test_a_reader_is_refused_before_the_write_is_even_checked(case_type, zaak):
    """The permission check comes first: a client that may only read gets 403, not the
    400 the write itself would give (a roltype of another zaaktype)."""
    reader = limited_client(
        "alleen-lezen",
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    foreign = _initiator_type(CaseTypeFactory())

    response = _rol(reader, zaak, foreign)

    assert response.status_code == 403
    assert not Role.objects.exists()
