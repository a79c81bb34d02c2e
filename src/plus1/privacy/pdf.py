# SPDX-License-Identifier: EUPL-1.2
"""The readable PDF of a person's data: a tagged PDF (PDF/UA-minded) made with fpdf2.

Every text is marked content under a structure element (H1, H2, H3, P, Table > TR > TH/TD
with a column scope), the catalogue has /Lang nl, /MarkInfo and a /StructTreeRoot, the title
is shown instead of the file name, and lines and borders are artifacts. Dates and times are
Dutch, in Europe/Amsterdam. The font, DejaVu Sans (fonts/, with its licence), is embedded as
a subset of the glyphs used, so every character (ë, é, €, ’) is shown as written.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from fpdf.prefs import ViewerPreferences
from fpdf.structure_tree import StructElem, StructureTreeBuilder
from fpdf.syntax import PDFObject

from plus1.common.nl_dates import nl_date, nl_datetime

FONT = "DejaVuSans"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FONT_DIR = Path(__file__).parent / "fonts"
LINE = 5.0
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)  # it logs every glyph it keeps


class _Elem(StructElem):
    """A structure element that may carry attributes (/A), e.g. a header cell's scope."""

    __slots__ = ("a",)

    def __init__(self, *args: Any, attributes: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.a = attributes


class _Tree(StructureTreeBuilder):
    """fpdf2's builder serializes only the Document's direct children and gives only those
    a page; this one serializes the whole nested tree and gives every element its page."""

    def __init__(self, pdf: FPDF) -> None:
        super().__init__()
        self._pdf = pdf

    def __iter__(self) -> Iterator[PDFObject]:
        yield self.struct_tree_root
        yield self.doc_struct_elem
        yield self.struct_tree_root.parent_tree
        yield from self._descendants(self.doc_struct_elem)

    def _descendants(self, elem: StructElem) -> Iterator[StructElem]:
        for kid in elem.k:
            if isinstance(kid, StructElem):
                page = kid.page_number()
                if page is not None:
                    kid.pg = self._pdf.pages[page]  # type: ignore[assignment]
                yield kid
                yield from self._descendants(kid)


class TaggedPDF(FPDF):
    def __init__(self) -> None:
        super().__init__()
        self.struct_builder = _Tree(self)
        self._mcids: dict[int, int] = defaultdict(int)
        self.set_auto_page_break(True, margin=15)
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, FONT_DIR / name)

    @property
    def document(self) -> StructElem:
        return self.struct_builder.doc_struct_elem

    def container(self, tag: str, parent: StructElem | None = None) -> StructElem:
        parent = parent or self.document
        elem = _Elem(struct_type=f"/{tag}", parent=parent, kids=[], page_number=self.page)
        parent.k.append(elem)
        return elem

    def marked(
        self,
        tag: str,
        draw: Callable[[], object],
        parent: StructElem | None = None,
        attributes: str | None = None,
    ) -> StructElem:
        """Draw content as one marked-content sequence of a new leaf element."""
        parent = parent or self.document
        page = self.page
        mcid = self._mcids[page]
        self._mcids[page] += 1
        elem = _Elem(
            struct_type=f"/{tag}",
            parent=parent,
            kids=[mcid],
            page_number=page,
            attributes=attributes,
        )
        parent.k.append(elem)
        builder = self.struct_builder
        spid = builder.spid_per_page_number.setdefault(page, len(builder.spid_per_page_number))
        builder.struct_tree_root.parent_tree.nums[spid].append(elem)
        self.pages[page].struct_parents = spid
        self._out(f"/{tag} <</MCID {mcid}>> BDC")
        draw()
        self._out("EMC")
        return elem

    def artifact(self, draw: Callable[[], object]) -> None:
        self._out("/Artifact BMC")
        draw()
        self._out("EMC")

    def _fit(self, height: float) -> None:
        """Start a new page first when `height` does not fit: marked content never spans two
        pages."""
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def _height(self, width: float, text: str, line: float = LINE) -> float:
        height: Any = self.multi_cell(
            width, line, text, dry_run=True, output=MethodReturnValue.HEIGHT
        )
        return float(height)

    def text_block(
        self, tag: str, text: str, size: float, bold: bool = False, parent: StructElem | None = None
    ) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        line = size * 0.5
        content = str(text)
        self._fit(self._height(self.epw, content, line))
        self.marked(
            tag,
            lambda: self.multi_cell(0, line, content, new_x="LMARGIN", new_y="NEXT"),
            parent=parent,
        )

    def data_table(self, caption: str, headers: list[str], rows: list[list[str]]) -> None:
        widths = [self.epw / len(headers)] * len(headers)
        table = self.container("Table")
        if caption:
            self.text_block("Caption", caption, 9, parent=table)
        self._row(table, headers, widths, header=True)
        for row in rows:
            self._row(table, row, widths, header=False)
        self.ln(2)

    def _row(self, table: StructElem, cells: list[str], widths: list[float], header: bool) -> None:
        self.set_font(FONT, "B" if header else "", 9)
        texts = [str(cell) for cell in cells]
        height = max(self._height(w - 2, t) for w, t in zip(widths, texts, strict=True)) + 2
        self._fit(height)
        row = self.container("TR", table)
        top, x = self.y, self.l_margin
        for width, content in zip(widths, texts, strict=True):
            self._cell(row, x, top, width, height, content, header)
            x += width
        self.set_xy(self.l_margin, top + height)

    def _cell(
        self,
        row: StructElem,
        x: float,
        top: float,
        width: float,
        height: float,
        content: str,
        header: bool,
    ) -> None:
        self.artifact(lambda: self.rect(x, top, width, height))
        self.set_xy(x + 1, top + 1)
        self.marked(
            "TH" if header else "TD",
            lambda: self.multi_cell(width - 2, LINE, content),
            parent=row,
            attributes="<</O /Table /Scope /Column>>" if header else None,
        )


def export_pdf(document: dict[str, Any]) -> bytes:
    title = f"Uw gegevens bij {document['gemeente']}"
    pdf = TaggedPDF()
    pdf.set_title(str(title))
    pdf.set_lang("nl-NL")
    pdf.set_subject("Alle gegevens die de gemeente over u heeft, met waar ze vandaan komen")
    pdf.set_creator(str(document["gemeente"]))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_page()
    pdf.text_block("H1", title, 16, bold=True)
    pdf.text_block("P", f"Gemaakt op {nl_datetime(document['gemaakt_op'])}.", 9)
    _profile_and_cases(pdf, document)
    _lists(pdf, document)
    return bytes(pdf.output())


def _profile_and_cases(pdf: TaggedPDF, document: dict[str, Any]) -> None:
    pdf.text_block("H2", "Uw gegevens", 12, bold=True)
    pdf.data_table(
        "Profiel en contactgegevens",
        ["Gegeven", "Waarde", "Waar komt het vandaan?"],
        [[i["label"], i["value"], i["source"]] for i in document["profiel"]],
    )
    pdf.text_block("H2", "Uw zaken", 12, bold=True)
    if not document["zaken"]:
        pdf.text_block("P", "U heeft geen zaken.", 10)
    for case in document["zaken"]:
        pdf.text_block("H3", f"{case['zaaknummer']}: {case['onderwerp']}", 11, bold=True)
        pdf.text_block("P", f"Status: {case['status'] or 'onbekend'}, {case['bron']}.", 10)
        if case.get("antwoorden"):
            pdf.data_table(
                "Wat u heeft ingevuld",
                ["Vraag", "Uw antwoord"],
                [[a["vraag"], a["antwoord"]] for a in case["antwoorden"]],
            )


def _lists(pdf: TaggedPDF, document: dict[str, Any]) -> None:
    sections: list[tuple[str, list[str]]] = [
        ("Documenten", [f"{d['titel']} ({d['bron']})" for d in document["documenten"]]),
        ("Berichten", [f"{m['onderwerp']} ({m['bron']})" for m in document["berichten"]]),
        (
            "Toestemmingen",
            [
                f"{t['organisatie']}, {t['doel']}: {', '.join(t['gegevens'])}, van "
                f"{nl_date(t['vanaf'])} tot en met {nl_date(t['tot_en_met'])}"
                + (f" (ingetrokken op {nl_datetime(t['ingetrokken'])})" if t["ingetrokken"] else "")
                for t in document["toestemmingen"]
            ],
        ),
    ]
    for title, lines in sections:
        pdf.text_block("H2", title, 12, bold=True)
        for line in lines or ["Geen."]:
            pdf.text_block("P", line, 10)
    pdf.text_block("H2", "Dataspoor: wie uw gegevens gebruikte", 12, bold=True)
    if not document["dataspoor"]:
        pdf.text_block("P", "Geen.", 10)
        return
    pdf.data_table(
        "Wanneer, wie, wat, waarvoor en op grond waarvan",
        ["Wanneer", "Wie", "Wat", "Doel", "Grondslag"],
        [
            [
                nl_datetime(r["wanneer"]),
                f"{r['organisatie']} {r['team']}".strip(),
                r["wat"],
                r["doel"],
                r["grondslag"],
            ]
            for r in document["dataspoor"]
        ],
    )
