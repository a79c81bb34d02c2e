# SPDX-License-Identifier: EUPL-1.2
"""A besluit of a Woo case type becomes a draft; staff review it; publishing is refused
while a redaction is undecided; the public sees only the redacted text and PDF."""

from __future__ import annotations

import io
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import TeamFactory, UserFactory
from plus1.identity.testing import staff_login
from plus1.opendata import audit_actions
from plus1.opendata.models import WooPublication, WooRedaction
from plus1.opendata.tests.woo_fixtures import BSN, NOT_A_BSN, PERSONAL

pytestmark = pytest.mark.django_db


def review_url(publication: WooPublication, name: str = "review") -> str:
    return reverse(f"woo-werkplek:{name}", args=[publication.uuid])


def confirm_all(client, publication: WooPublication) -> None:
    data = {f"state-{r.pk}": WooRedaction.State.CONFIRMED for r in publication.redactions.all()}
    client.post(review_url(publication, "review-save"), data)


def test_a_decision_of_a_woo_case_type_gets_a_draft_with_every_personal_datum(draft):
    proposed = {draft.text[r.start : r.end]: r for r in draft.redactions.all()}
    assert set(proposed) == set(PERSONAL)
    assert NOT_A_BSN not in proposed  # fails the elfproef: left alone
    assert proposed[BSN].ground == "5.1.1e"
    assert proposed["Anna de Boer"].ground == "5.1.2e"
    assert {r.state for r in proposed.values()} == {WooRedaction.State.PROPOSED}
    assert draft.category == "c_46a81018"  # beschikkingen


def test_no_draft_for_a_case_type_not_marked(decision):
    case_type = decision.case.case_type
    case_type.woo_publish = False
    case_type.save()
    from plus1.events.services import outbox_drain

    outbox_drain()
    assert not WooPublication.objects.exists()


def test_publishing_is_refused_while_a_redaction_is_undecided(client, staff, draft):
    staff_login(client, staff)
    first = draft.redactions.order_by("start").first()
    client.post(review_url(draft, "review-save"), {f"state-{first.pk}": "bevestigd"})

    response = client.post(review_url(draft, "publish"), follow=True)

    page = response.content.decode()
    assert "Publiceren kan nog niet." in page
    for number in range(2, len(PERSONAL) + 1):  # every undecided one is listed
        assert f"Lakking {number} " in page
    draft.refresh_from_db()
    assert draft.state == WooPublication.State.DRAFT
    assert draft.published_at is None and bytes(draft.redacted_pdf) == b""
    assert not AuditEntry.objects.filter(action=audit_actions.WOO_PUBLISHED).exists()
    assert client.get(reverse("woo:detail", args=[draft.uuid])).status_code == 404
    assert "Terrasvergunning" not in client.get(reverse("woo:list")).content.decode()


def test_review_add_and_publish_then_the_public_sees_only_the_redacted_document(
    client, staff, draft
):
    staff_login(client, staff)
    page = client.get(review_url(draft)).content.decode()
    assert "Lakking 1: Naam" in page and "Nog te beoordelen: 8 van 8." in page

    redactions = list(draft.redactions.all())
    proposal = {draft.text[r.start : r.end]: r for r in redactions}
    data = {f"state-{r.pk}": "bevestigd" for r in redactions}
    data[f"state-{proposal['1234 AB'].pk}"] = "afgewezen"  # the postcode alone may stay
    data[f"ground-{proposal['06-12345678'].pk}"] = "5.1.2h"
    client.post(review_url(draft, "review-save"), data)
    client.post(review_url(draft, "redaction-add"), {"phrase": "terras", "ground": "5.1.2f"})

    response = client.post(review_url(draft, "publish"), follow=True)
    assert "De publicatie staat nu op de openbare Woo-pagina." in response.content.decode()
    assert AuditEntry.objects.filter(action=audit_actions.WOO_PUBLISHED).count() == 1

    client.logout()
    detail = client.get(reverse("woo:detail", args=[draft.uuid])).content.decode()
    assert "Beschikkingen" in detail and "[gelakt: 5.1.1e]" in detail
    assert "[gelakt: 5.1.2h]" in detail and "[gelakt: 5.1.2f]" in detail
    assert "1234 AB" in detail  # rejected: published as it stands
    download = client.get(reverse("woo:download", args=[draft.uuid]))
    assert download["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(download.content))
    text = " ".join(
        " ".join(page.extract_text() for page in reader.pages).split()
    )  # pypdf spaces glyphs apart
    assert "[gelakt: 5.1.1e]" in text and "verleent de vergunning" in text
    for hidden in [p for p in PERSONAL if p != "1234 AB"] + ["terras"]:
        assert hidden not in text, hidden
        assert hidden not in detail, hidden
    assert "/StructTreeRoot" in str(reader.trailer["/Root"].keys())


def test_a_wrong_ground_changes_nothing(client, staff, draft):
    staff_login(client, staff)
    redactions = list(draft.redactions.order_by("start"))
    data = {f"state-{r.pk}": "bevestigd" for r in redactions}
    data[f"ground-{redactions[0].pk}"] = "5.9.9z"
    data[f"state-{redactions[1].pk}"] = "misschien"

    page = client.post(review_url(draft, "review-save"), data, follow=True).content.decode()

    assert "Lakking 1: kies een geldige Woo-grond." in page
    assert "Lakking 2: kies bevestigen of afwijzen." in page
    assert set(draft.redactions.values_list("state", flat=True)) == {"voorgesteld"}


def test_a_manual_redaction_of_text_not_in_the_document_is_refused(client, staff, draft):
    staff_login(client, staff)
    count = draft.redactions.count()
    page = client.post(
        review_url(draft, "redaction-add"),
        {"phrase": "bestaat niet", "ground": "5.1.2e"},
        follow=True,
    ).content.decode()
    assert "Deze tekst staat niet in het document." in page
    assert draft.redactions.count() == count


def test_staff_of_another_team_do_not_see_the_draft(client, draft):
    other = UserFactory(staff=True, username="ander")
    TeamFactory(members=[other])
    staff_login(client, other)
    assert client.get(review_url(draft)).status_code == 404
    assert client.post(review_url(draft, "publish")).status_code == 404
    assert "Terrasvergunning" not in client.get(reverse("woo-werkplek:list")).content.decode()


def test_public_search_and_listing(client, staff, draft):
    staff_login(client, staff)
    confirm_all(client, draft)
    client.post(review_url(draft, "publish"))
    client.logout()

    found = client.get(reverse("woo:list"), {"q": "terras", "categorie": "c_46a81018"})
    assert draft.title in found.content.decode()
    assert draft.title not in client.get(reverse("woo:list"), {"q": "paspoort"}).content.decode()
    before = client.get(reverse("woo:list"), {"tot": "2026-11-19"}).content.decode()
    assert draft.title not in before

    bad = client.get(reverse("woo:list"), {"van": "gisteren", "categorie": "onzin"})
    assert bad.status_code == 400
    assert "Vul een datum in zoals 2026-12-29." in bad.content.decode()
    assert "Kies een informatiecategorie uit de lijst." in bad.content.decode()

    listing = client.get(reverse("woo:listing")).json()
    record = listing["publicaties"][0]
    assert record["titelcollectie"]["officieleTitel"] == draft.title
    category = record["classificatiecollectie"]["informatiecategorieen"][0]
    assert category["resource"].endswith("/tooi/def/thes/kern/c_46a81018")
    assert record["publisher"]["label"] == "Gemeente Plusstad"
    assert record["creatiedatum"] == "2026-11-20"
    assert "Anna de Boer" not in str(listing)


def test_the_public_list_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("woo:list")).content.decode()
    assert "Woo publications" in page and "Search by subject or text" in page
    assert "No publications were found." in page


def test_the_demo_woo_request_is_found_and_has_its_legal_term(client):
    from plus1.catalog.models import CaseType
    from plus1.demo.loader import demo_load
    from plus1.zgw.models import ZaakTypeExtensie

    demo_load()
    for question in ("informatie opvragen bij de gemeente", "Woo-verzoek", "wob verzoek"):
        page = client.get(reverse("portal:search"), {"zoek": question}).content.decode()
        assert "Woo-verzoek: informatie opvragen bij de gemeente" in page, question
    case_type = CaseType.objects.current().get(code="woo-verzoek")
    assert case_type.legal_term == "P4W" and case_type.woo_category == "c_3baef532"
    extension = ZaakTypeExtensie.objects.get(case_type=case_type)
    assert (extension.verlenging_mogelijk, extension.verlengingstermijn) == (True, "P2W")


def _published_copies(draft, n):
    for i in range(n):
        WooPublication.objects.create(
            source=draft.source,
            source_uuid=uuid.uuid4(),
            case=draft.case,
            title=f"Kopie {i}",
            text="tekst",
            redacted_text="tekst",
            category=draft.category,
            document_date=draft.document_date,
            state=WooPublication.State.PUBLISHED,
            published_at=timezone.now(),
        )


def test_the_lists_take_the_same_queries_for_one_or_many(client, staff, draft):
    staff_login(client, staff)
    counts = []
    for n in (1, 5):
        _published_copies(draft, n)
        found = []
        for url in (reverse("woo:list"), reverse("woo:listing"), reverse("woo-werkplek:list")):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        counts.append(found)
    assert counts[0] == counts[1]
