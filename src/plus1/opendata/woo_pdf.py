# SPDX-License-Identifier: EUPL-1.2
"""The published PDF of a Woo publication: a new tagged PDF (the privacy context's
TaggedPDF) holding only the redacted text, with its DiWoo facts. The original file is not
an input, so nothing hidden can survive in a layer, an annotation or the metadata."""

from __future__ import annotations

from django.conf import settings
from fpdf.prefs import ViewerPreferences

from plus1.catalog.woo_categories import category_name
from plus1.common.nl_dates import nl_date
from plus1.opendata.models import WooPublication
from plus1.privacy.pdf import TaggedPDF


def redacted_pdf(publication: WooPublication, redacted_text: str) -> bytes:
    pdf = TaggedPDF()
    pdf.set_title(publication.title)
    pdf.set_lang("nl-NL")
    pdf.set_subject(f"Woo-publicatie: {category_name(publication.category)}")
    pdf.set_author(settings.MUNICIPALITY_NAME)
    pdf.set_creator(settings.MUNICIPALITY_NAME)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_page()
    pdf.text_block("H1", publication.title, 15, bold=True)
    pdf.text_block(
        "P",
        f"Gepubliceerd door {settings.MUNICIPALITY_NAME} onder de Wet open overheid. "
        f"Informatiecategorie: {category_name(publication.category)}. "
        f"Datum: {nl_date(publication.document_date)}.",
        9,
    )
    pdf.text_block(
        "P",
        "Sommige gegevens zijn weggelakt. Bij elke lakking staat de reden, een artikel van "
        "de Wet open overheid: 5.1.1e is een identificatienummer zoals het BSN, 5.1.2e is "
        "de bescherming van de persoonlijke levenssfeer.",
        9,
    )
    for paragraph in redacted_text.split("\n"):
        if paragraph.strip():
            pdf.text_block("P", paragraph, 10)
    return bytes(pdf.output())
