# SPDX-License-Identifier: EUPL-1.2
"""Mijn gegevens and the PDF download read as a person reads: the form's labels, Dutch dates
and times in Europe/Amsterdam, and a tagged PDF (language, title, headings, table headers)."""

from __future__ import annotations

import io

import pypdf
from django.urls import reverse
from pypdf.generic import ArrayObject, DictionaryObject

from plus1.common.nl_dates import nl_date
from plus1.privacy.tests.conftest import World


def _world_with_answers(world: World) -> None:
    world.case.case_type.form_schema = {
        "type": "object",
        "properties": {
            "aantal_personen": {"type": "integer", "title": "Aantal personen dat meeverhuist"},
            "nieuwe_waarde": {"type": "string", "title": "Nieuwe waarde"},
            "verhuisdatum": {"type": "string", "format": "date", "title": "Verhuisdatum"},
        },
    }
    world.case.case_type.save()
    world.case.form_data = {
        "aantal_personen": 2,
        "nieuwe_waarde": "x",
        "verhuisdatum": "2026-12-29",
    }
    world.case.save()


def test_mijn_gegevens_shows_the_forms_labels_and_dutch_dates(world: World) -> None:
    _world_with_answers(world)
    page = world.resident_client().get(reverse("privacy:my-data")).content.decode()
    assert "<dt>Aantal personen dat meeverhuist</dt><dd>2</dd>" in page
    assert "<dt>Verhuisdatum</dt><dd>29 december 2026</dd>" in page
    assert "aantal_personen" not in page and "nieuwe_waarde" not in page
    assert "2026-12-29" not in page
    assert f"door u aangevraagd op {nl_date(world.case.registered_on)}" in page


def _elements(node: DictionaryObject, depth: int = 0) -> list[tuple[int, DictionaryObject]]:
    node = node.get_object()
    found = [(depth, node)]
    kids = node.get("/K")
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found += _elements(kid, depth + 1)
    return found


def test_the_pdf_is_tagged_with_language_title_headings_and_table_headers(world: World) -> None:
    _world_with_answers(world)
    response = world.resident_client().get(reverse("privacy:download", args=["pdf"]))
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    # The checks of a PDF/UA checker that apply to what we make (Matterhorn 01, 06, 07, 14, 15):
    assert catalog["/Lang"] == "nl-NL"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Uw gegevens bij Gemeente Plusstad"
    tree = catalog["/StructTreeRoot"]
    (document,) = tree["/K"]
    elements = _elements(document)
    kinds = [element["/S"] for _, element in elements]
    assert kinds[0] == "/Document"
    assert kinds.count("/H1") == 1 and kinds.index("/H1") == 1  # the title comes first
    assert {"/H2", "/H3", "/P", "/Table", "/TR", "/TH", "/TD", "/Caption"} <= set(kinds)
    for depth, element in elements:
        if element["/S"] == "/TH":
            assert element["/A"]["/Scope"] == "/Column"
        if element["/S"] in ("/TH", "/TD"):
            assert element["/P"].get_object()["/S"] == "/TR" and depth == 3
        if depth:
            assert "/Pg" in element  # every element knows its page
    # The parent tree maps every marked-content id on every page back to its element.
    parents = dict(
        zip(tree["/ParentTree"]["/Nums"][::2], tree["/ParentTree"]["/Nums"][1::2], strict=True)
    )
    for page in reader.pages:
        mapped = parents[page["/StructParents"]].get_object()
        assert [list(item.get_object()["/K"]) for item in mapped] == [
            [n] for n in range(len(mapped))
        ]
        content = page.get_contents().get_data().decode("latin-1")
        assert content.count(" BDC") == len(mapped)  # no text outside a structure element
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Aantal personen dat meeverhuist" in text and "29 december 2026" in text
    assert "aantal_personen" not in text
    assert "+01:00" not in text and "+00:00" not in text  # no ISO timestamps


def test_the_gdpr_error_summary_names_each_field(world: World) -> None:
    from plus1.privacy.models import GdprRequest
    from plus1.privacy.tests.test_gdpr_and_download import _gdpr_case_type

    _gdpr_case_type(world)
    response = world.resident_client().post(reverse("privacy:gdpr-request"), {"recht": "16"})
    page = response.content.decode()
    assert response.status_code == 400 and not GdprRequest.objects.exists()
    assert '<a href="#veld-gegeven">Gegeven: Dit veld is verplicht.</a>' in page
    assert '<a href="#veld-nieuwe_waarde">Nieuwe waarde: Dit veld is verplicht.</a>' in page
    assert 'tabindex="-1" autofocus' in page and "error-focus.js" in page


def test_the_pdf_embeds_its_font_and_shows_dutch_characters(world: World) -> None:
    world.resident.name = "Noë Hervé-Çelik"
    world.resident.save()
    response = world.resident_client().get(reverse("privacy:download", args=["pdf"]))
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        assert font["/BaseFont"].endswith("DejaVuSans") or "DejaVuSans" in font["/BaseFont"]
        (descendant,) = font["/DescendantFonts"]
        descriptor = descendant.get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor  # the TrueType program is in the file
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Noë Hervé-Çelik" in text
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])  # still tagged
