# SPDX-License-Identifier: EUPL-1.2
"""The readable PDF of a person's data (fpdf2, built-in fonts)."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF

_ASCII = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "..."})


def _text(value: Any) -> str:
    return str(value).translate(_ASCII).encode("latin-1", "replace").decode("latin-1")


def export_pdf(document: dict[str, Any]) -> bytes:
    pdf = FPDF()
    pdf.set_title(_text(f"Uw gegevens bij {document['gemeente']}"))
    pdf.set_lang("nl")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _text(f"Uw gegevens bij {document['gemeente']}"), new_x="LMARGIN")
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 5, _text(f"Gemaakt op {document['gemaakt_op']}"), new_x="LMARGIN")
    sections = [
        (
            "Uw gegevens",
            [f"{i['label']}: {i['value']} ({i['source']})" for i in document["profiel"]],
        ),
        (
            "Uw zaken",
            [
                f"{c['zaaknummer']} {c['onderwerp']}: {c['status']} ({c['bron']})"
                for c in document["zaken"]
            ],
        ),
        ("Documenten", [f"{d['titel']} ({d['bron']})" for d in document["documenten"]]),
        ("Berichten", [f"{m['onderwerp']} ({m['bron']})" for m in document["berichten"]]),
        (
            "Toestemmingen",
            [
                f"{t['organisatie']}, {t['doel']}: {', '.join(t['gegevens'])}, {t['vanaf']} t/m "
                f"{t['tot_en_met']}" + (" (ingetrokken)" if t["ingetrokken"] else "")
                for t in document["toestemmingen"]
            ],
        ),
        (
            "Dataspoor: wie uw gegevens gebruikte",
            [
                f"{r['wanneer'][:16].replace('T', ' ')} {r['organisatie']} {r['team']}: "
                f"{r['wat']}. "
                f"Doel: {r['doel']}. Grondslag: {r['grondslag']}."
                for r in document["dataspoor"]
            ],
        ),
    ]
    for title, lines in sections:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, _text(title), new_x="LMARGIN")
        pdf.set_font("Helvetica", size=10)
        for line in lines or ["Geen."]:
            pdf.multi_cell(0, 5, _text(line), new_x="LMARGIN")
    return bytes(pdf.output())
