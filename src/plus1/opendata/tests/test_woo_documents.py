# SPDX-License-Identifier: EUPL-1.2
"""Staff start a draft from a definitive PDF document of the case: its text is read, its
personal data proposed; a concept document or a PDF without text is not offered or refused."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.catalog.models import DocumentType
from plus1.documents.links import document_link_create
from plus1.documents.models import ObjectType
from plus1.documents.services import document_create
from plus1.identity.testing import staff_login
from plus1.opendata.models import WooPublication
from plus1.privacy.pdf import TaggedPDF

pytestmark = pytest.mark.django_db


def pdf_with(text: str) -> bytes:
    pdf = TaggedPDF()
    pdf.add_page()
    if text:
        pdf.text_block("P", text, 10)
    return bytes(pdf.output())


def case_document(case, content: bytes, status: str = "definitief", title: str = "Advies"):
    document_type = DocumentType.objects.create(
        description="Advies", confidentiality="openbaar", category="advies", concept=False
    )
    with transaction.atomic():
        document = document_create(
            actor=Actor.system("test"),
            document_type=document_type,
            source_organisation="002220647",
            identification="",
            confidentiality="openbaar",
            title=title,
            data={
                "status": status,
                "formaat": "application/pdf",
                "creatiedatum": "2026-11-02",
                "bestandsnaam": "advies.pdf",
            },
            content=content,
            size=len(content),
        )
        document_link_create(
            actor=Actor.system("test"),
            document=document,
            object_type=ObjectType.ZAAK,
            object_uuid=case.uuid,
        )
    return document


def test_a_definitive_pdf_becomes_a_draft_with_its_personal_data_proposed(client, staff, woo_case):
    document = case_document(
        woo_case, pdf_with("Advies over de aanvraag van Anna de Boer, BSN 111222333.")
    )
    case_document(woo_case, pdf_with("Nog niet klaar."), status="in_bewerking", title="Werkversie")
    staff_login(client, staff)
    page = client.get(reverse("woo-werkplek:case", args=[woo_case.identification]))
    assert "Definitief document: Advies" in page.content.decode()
    assert "Werkversie" not in page.content.decode()  # not definitive: not offered

    response = client.post(
        reverse("woo-werkplek:start", args=[woo_case.identification]),
        {"source": f"document:{document.uuid}"},
        follow=True,
    )

    assert "Het publicatieconcept is gemaakt." in response.content.decode()
    draft = WooPublication.objects.get(source_uuid=document.uuid)
    assert draft.title == "Advies" and draft.document_date.isoformat() == "2026-11-02"
    found = sorted(draft.text[r.start : r.end] for r in draft.redactions.all())
    assert found == ["111222333", "Anna de Boer"]


def test_a_pdf_without_text_is_refused_and_nothing_is_made(client, staff, woo_case):
    document = case_document(woo_case, pdf_with(""))
    staff_login(client, staff)
    response = client.post(
        reverse("woo-werkplek:start", args=[woo_case.identification]),
        {"source": f"document:{document.uuid}"},
        follow=True,
    )
    assert "geen leesbare tekst" in response.content.decode()
    assert not WooPublication.objects.exists()
