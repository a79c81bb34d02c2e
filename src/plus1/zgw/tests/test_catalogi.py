# SPDX-License-Identifier: EUPL-1.2
"""Catalogi API: zaaktypen and statustypen are catalog.CaseType / catalog.StatusType."""

import pytest

from plus1.audit.models import AuditEntry
from plus1.catalog.audit_actions import CASE_TYPE_CREATED
from plus1.catalog.models import CaseType
from plus1.common.testing.factories import TeamFactory
from plus1.zgw.tests.conftest import CATALOGI, limited_client

pytestmark = pytest.mark.django_db


def zaaktype_body(catalogus_url, **extra):
    return {
        "identificatie": "kapvergunning",
        "omschrijving": "Kapvergunning",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Bomen beschermen",
        "aanleiding": "Aanvraag",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Kapvergunning",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P56D",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://example.com/product/1"],
        "referentieproces": {"naam": "Vergunning"},
        "verantwoordelijke": "Team groen",
        "catalogus": catalogus_url,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
        **extra,
    }


@pytest.fixture
def catalogus_url(superclient):
    TeamFactory(slug="zgw")
    response = superclient.post(
        f"{CATALOGI}/catalogussen",
        {"domein": "PLUS", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()["url"]


def test_zaaktype_lifecycle_concept_statustypen_publish(superclient, catalogus_url):
    created = superclient.post(f"{CATALOGI}/zaaktypen", zaaktype_body(catalogus_url), format="json")
    assert created.status_code == 201, created.json()
    zaaktype = created.json()
    case_type = CaseType.objects.get(uuid=zaaktype["url"].rsplit("/", 1)[1])
    assert (case_type.code, case_type.legal_term, case_type.active) == (
        "kapvergunning",
        "P56D",
        False,
    )
    assert zaaktype["concept"] is True and zaaktype["doel"] == "Bomen beschermen"
    written = AuditEntry.objects.get(action=CASE_TYPE_CREATED, object_id=str(case_type.pk))
    assert written.after["code"] == "kapvergunning"  # the same writer as import and admin

    for number, name in ((1, "Ontvangen"), (2, "Afgehandeld")):
        response = superclient.post(
            f"{CATALOGI}/statustypen",
            {"omschrijving": name, "zaaktype": zaaktype["url"], "volgnummer": number},
            format="json",
        )
        assert response.status_code == 201, response.json()
    assert superclient.get(f"{CATALOGI}/zaaktypen").json()["count"] == 0  # concept is not listed
    published = superclient.post(f"{zaaktype['url']}/publish")

    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False
    case_type.refresh_from_db()
    assert case_type.active is True  # the portal now offers it
    assert [s.is_final for s in case_type.statuses.order_by("order")] == [False, True]
    statustypen = superclient.get(f"{CATALOGI}/statustypen", {"zaaktype": zaaktype["url"]}).json()
    assert [s["isEindstatus"] for s in statustypen["results"]] == [False, True]
    writer = limited_client(
        "schrijver", [{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    refused = writer.patch(zaaktype["url"], {"omschrijving": "Anders"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "non-concept-object"


def test_invalid_zaaktype_lists_every_problem(superclient, catalogus_url):
    body = zaaktype_body(catalogus_url, doorlooptijd="acht weken")
    del body["doel"]

    response = superclient.post(f"{CATALOGI}/zaaktypen", body, format="json")

    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"doorlooptijd", "doel"}
    assert not CaseType.objects.filter(code="kapvergunning").exists()


def test_a_draft_made_in_the_admin_is_the_next_version_in_the_catalogi_api(
    superclient, catalogus_url
):
    """The admin's versioning and ZGW's are one: the draft is a concept zaaktype with the
    same identificatie and the ZGW fields of the published one; publishing it ends the old."""
    import datetime as dt

    from plus1.audit.services import Actor
    from plus1.catalog.case_type_services import case_type_draft, case_type_publish
    from plus1.events.services import outbox_drain

    created = superclient.post(f"{CATALOGI}/zaaktypen", zaaktype_body(catalogus_url), format="json")
    url = created.json()["url"]
    for number, name in [(1, "Ontvangen"), (2, "Afgehandeld")]:
        superclient.post(
            f"{CATALOGI}/statustypen",
            {"omschrijving": name, "zaaktype": url, "volgnummer": number},
            format="json",
        )
    superclient.post(f"{url}/publish")
    published = CaseType.objects.get(uuid=url.rsplit("/", 1)[1])
    published.transitions.create(
        source=published.statuses.get(order=1),
        target=published.statuses.get(order=2),
        label="Klaar",
    )

    draft = case_type_draft(actor=Actor.system("test"), case_type=published)
    outbox_drain()
    concept = superclient.get(
        f"{CATALOGI}/zaaktypen", {"identificatie": "kapvergunning", "status": "concept"}
    ).json()["results"]
    assert [z["url"].rsplit("/", 1)[1] for z in concept] == [str(draft.uuid)]
    assert concept[0]["concept"] is True
    assert concept[0]["doel"] == "Bomen beschermen" and concept[0]["catalogus"] == catalogus_url
    assert len(concept[0]["statustypen"]) == 2

    case_type_publish(actor=Actor.system("test"), case_type=draft)
    versions = superclient.get(
        f"{CATALOGI}/zaaktypen", {"identificatie": "kapvergunning", "status": "alles"}
    ).json()["results"]
    by_uuid = {z["url"].rsplit("/", 1)[1]: z for z in versions}
    assert by_uuid[str(draft.uuid)]["concept"] is False
    assert by_uuid[str(draft.uuid)]["beginGeldigheid"] == dt.date.today().isoformat()
    assert by_uuid[str(published.uuid)]["eindeGeldigheid"] is not None


def test_a_subscriber_hears_the_catalogus_of_a_version_the_admin_publishes(
    superclient, catalogus_url, settings
):
    """A version made and published through the admin's services (not the API) is announced
    on kanaal zaaktypen with the catalogus of the zaaktype, so a filter on it matches."""
    from plus1.audit.services import Actor
    from plus1.catalog.case_type_services import case_type_draft, case_type_publish
    from plus1.events.testing import queued_notifications

    settings.BASE_URL = "http://testserver"  # the host the test client calls
    created = superclient.post(f"{CATALOGI}/zaaktypen", zaaktype_body(catalogus_url), format="json")
    url = created.json()["url"]
    for number, name in [(1, "Ontvangen"), (2, "Afgehandeld")]:
        superclient.post(
            f"{CATALOGI}/statustypen",
            {"omschrijving": name, "zaaktype": url, "volgnummer": number},
            format="json",
        )
    superclient.post(f"{url}/publish")
    published = CaseType.objects.get(uuid=url.rsplit("/", 1)[1])
    published.transitions.create(
        source=published.statuses.get(order=1),
        target=published.statuses.get(order=2),
        label="Klaar",
    )
    subscription = {
        "callbackUrl": "http://127.0.0.1:9/callback",
        "auth": "Bearer token",
        "kanalen": [{"naam": "zaaktypen", "filters": {"catalogus": catalogus_url}}],
    }
    response = superclient.post("/notificaties/api/v1/abonnement", subscription, format="json")
    assert response.status_code == 201
    before = len(queued_notifications())

    draft = case_type_draft(actor=Actor.system("test"), case_type=published)
    case_type_publish(actor=Actor.system("test"), case_type=draft)
    received = queued_notifications()[before:]
    draft_url = url.replace(str(published.uuid), str(draft.uuid))
    assert [(n["actie"], n["resourceUrl"]) for n in received] == [
        ("create", draft_url),  # the draft
        ("update", draft_url),  # its publication
    ]
    assert all(n["kenmerken"] == {"catalogus": catalogus_url} for n in received)
