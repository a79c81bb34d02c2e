# SPDX-License-Identifier: EUPL-1.2
"""Besluiten API: besluiten, their identification, zaak rule and documents."""

from __future__ import annotations

import pytest
from django.core import mail

from plus1.audit.services import Actor
from plus1.cases.services import case_register
from plus1.catalog.models import DecisionType
from plus1.common.testing.factories import CaseTypeFactory, ResidentFactory
from plus1.contact.models import Message
from plus1.decisions.models import Decision
from plus1.documents.models import DocumentLink
from plus1.documents.tests.conftest import DRC, HOST, document_body
from plus1.events.models import Abonnement, AbonnementKanaal, Kanaal
from plus1.events.services import outbox_drain
from plus1.events.testing import queued_notifications

BRC = "/besluiten/api/v1"


@pytest.fixture
def decision_type(db, document_type):
    decision_type = DecisionType.objects.create(description="Vergunning", concept=False)
    decision_type.document_types.add(document_type)
    return decision_type


def besluittype_url(decision_type: DecisionType) -> str:
    return f"{HOST}/catalogi/api/v1/besluittypen/{decision_type.uuid}"


def besluit_body(decision_type: DecisionType, **extra) -> dict:
    return {
        "verantwoordelijkeOrganisatie": "002220647",
        "besluittype": besluittype_url(decision_type),
        "datum": "2026-01-05",
        "ingangsdatum": "2026-01-06",
        **extra,
    }


def test_create_generates_a_unique_identification(superclient, decision_type):
    first = superclient.post(f"{BRC}/besluiten", besluit_body(decision_type), format="json")
    assert first.status_code == 201, first.json()
    identification = first.json()["identificatie"]
    assert identification.startswith("BESLUIT-")

    again = besluit_body(decision_type, identificatie=identification)
    refused = superclient.post(f"{BRC}/besluiten", again, format="json")
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"
    assert Decision.objects.count() == 1


def test_concept_besluittype_is_refused(superclient, db):
    concept = DecisionType.objects.create(description="Concept", concept=True)
    response = superclient.post(f"{BRC}/besluiten", besluit_body(concept), format="json")
    assert response.json()["invalidParams"][0]["code"] == "not-published"


def test_besluittype_must_belong_to_the_zaaktype(superclient, decision_type):
    case_type = CaseTypeFactory()
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=None,
        form_data={"onderwerp": "Boom"},
    )
    zaak = f"{HOST}/zaken/api/v1/zaken/{case.uuid}"

    refused = superclient.post(
        f"{BRC}/besluiten", besluit_body(decision_type, zaak=zaak), format="json"
    )
    assert refused.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"

    case_type.decision_types.add(decision_type)
    created = superclient.post(
        f"{BRC}/besluiten", besluit_body(decision_type, zaak=zaak), format="json"
    )
    assert created.status_code == 201
    assert created.json()["zaak"] == zaak
    assert list(case.decisions.all()) == [Decision.objects.get()]


def test_fixed_fields_cannot_change(superclient, decision_type):
    url = superclient.post(f"{BRC}/besluiten", besluit_body(decision_type), format="json").json()[
        "url"
    ]
    other = DecisionType.objects.create(description="Ander", concept=False)
    response = superclient.patch(url, {"besluittype": besluittype_url(other)}, format="json")
    assert response.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"
    changed = superclient.patch(url, {"toelichting": "Verleend"}, format="json")
    assert changed.json()["toelichting"] == "Verleend"


def test_document_link_shows_in_drc_and_goes_with_the_besluit(
    superclient, decision_type, document_type
):
    besluit = superclient.post(f"{BRC}/besluiten", besluit_body(decision_type), format="json")
    document = superclient.post(
        f"{DRC}/enkelvoudiginformatieobjecten", document_body(document_type), format="json"
    )
    link = {"besluit": besluit.json()["url"], "informatieobject": document.json()["url"]}

    created = superclient.post(f"{BRC}/besluitinformatieobjecten", link, format="json")
    assert created.status_code == 201, created.json()
    oio = superclient.get(
        f"{DRC}/objectinformatieobjecten", {"object": besluit.json()["url"]}
    ).json()
    assert [(row["objectType"], row["informatieobject"]) for row in oio] == [
        ("besluit", document.json()["url"])
    ]
    blocked = superclient.delete(document.json()["url"])
    assert blocked.json()["invalidParams"][0]["code"] == "pending-relations"

    assert superclient.delete(besluit.json()["url"]).status_code == 204
    assert not DocumentLink.objects.exists()
    assert superclient.delete(document.json()["url"]).status_code == 204


def test_document_type_must_belong_to_the_besluittype(superclient, decision_type):
    from plus1.documents.tests.conftest import make_document_type

    besluit = superclient.post(f"{BRC}/besluiten", besluit_body(decision_type), format="json")
    other_type = make_document_type(description="Ander")
    document = superclient.post(
        f"{DRC}/enkelvoudiginformatieobjecten", document_body(other_type), format="json"
    )
    link = {"besluit": besluit.json()["url"], "informatieobject": document.json()["url"]}
    refused = superclient.post(f"{BRC}/besluitinformatieobjecten", link, format="json")
    code = refused.json()["invalidParams"][0]["code"]
    assert code == "missing-besluittype-informatieobjecttype-relation"


def test_a_besluit_with_a_document_is_announced_on_besluiten_and_documenten(
    superclient, decision_type, document_type, settings
):
    settings.BASE_URL = "http://testserver"
    abonnement = Abonnement.objects.create(callback_url="https://ontvanger.example/cb", auth="x")
    for naam in ("besluiten", "documenten"):
        AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=Kanaal.objects.get(naam=naam))
    besluit = superclient.post(
        f"{BRC}/besluiten", besluit_body(decision_type), format="json"
    ).json()
    document = superclient.post(
        f"{DRC}/enkelvoudiginformatieobjecten", document_body(document_type), format="json"
    ).json()
    link = superclient.post(
        f"{BRC}/besluitinformatieobjecten",
        {"besluit": besluit["url"], "informatieobject": document["url"]},
        format="json",
    ).json()
    assert superclient.delete(besluit["url"]).status_code == 204

    sent = queued_notifications()

    assert [(b["kanaal"], b["resource"], b["actie"], b["resourceUrl"]) for b in sent] == [
        ("besluiten", "besluit", "create", besluit["url"]),
        ("documenten", "enkelvoudiginformatieobject", "create", document["url"]),
        ("besluiten", "besluitinformatieobject", "create", link["url"]),
        ("besluiten", "besluit", "destroy", besluit["url"]),  # its link goes with it, unsaid
    ]
    assert {b["hoofdObject"] for b in sent if b["kanaal"] == "besluiten"} == {besluit["url"]}
    assert sent[2]["kenmerken"] == {
        "verantwoordelijkeOrganisatie": "002220647",
        "besluittype": besluit["besluittype"],
    }


def test_a_besluit_through_the_api_sends_the_initiator_a_message(superclient, decision_type):
    case_type = CaseTypeFactory()
    case_type.decision_types.add(decision_type)
    anna = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    case = case_register(
        actor=Actor.system("test"),
        case_type=case_type,
        initiator=anna,
        form_data={"onderwerp": "Boom"},
    )
    outbox_drain()
    mail.outbox.clear()
    body = besluit_body(
        decision_type, zaak=f"{HOST}/zaken/api/v1/zaken/{case.uuid}", toelichting="Verleend."
    )
    assert superclient.post(f"{BRC}/besluiten", body, format="json").status_code == 201
    outbox_drain()
    outbox_drain()  # a retried delivery sends nothing twice

    [email] = mail.outbox
    assert email.to == ["anna@example.nl"]
    assert email.subject == f"Er is een besluit over uw zaak {case.identification}"
    assert "Vergunning, op 5 januari 2026." in email.body and "Toelichting: Verleend." in email.body
    assert Message.objects.filter(recipient=anna, case=case).count() == 2  # receipt, besluit


def test_a_besluit_without_a_zaak_sends_nothing(superclient, decision_type):
    assert (
        superclient.post(f"{BRC}/besluiten", besluit_body(decision_type), format="json").status_code
        == 201
    )
    outbox_drain()
    assert mail.outbox == [] and not Message.objects.exists()
