# SPDX-License-Identifier: EUPL-1.2
"""Reading the Uniforme Productnamenlijst (UPL) CSV into one entry per product."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from plus1.catalog.models import Layer, Product, ProductKind

UPL_FILE = Path(__file__).parent / "data" / "UPL-actueel.csv"
PLACEHOLDER_URI = "http://standaarden.overheid.nl/owms/terms/UPL-naam_nog_niet_beschikbaar"

LAYER_COLUMNS = {
    "Rijk": Layer.RIJK,
    "Provincie": Layer.PROVINCIE,
    "Waterschap": Layer.WATERSCHAP,
    "Gemeente": Layer.GEMEENTE,
}
KIND_COLUMNS = {
    "Aanvraag": ProductKind.APPLICATION,
    "Melding": ProductKind.REPORT,
    "Subsidie": ProductKind.SUBSIDY,
    "Verplichting": ProductKind.OBLIGATION,
}
REQUIRED_COLUMNS = [
    "UniformeProductnaam",
    "URI",
    *LAYER_COLUMNS,
    "Burger",
    "Bedrijf",
    *KIND_COLUMNS,
    "Grondslag",
    "Grondslaglabel",
    "Grondslaglink",
]


@dataclass
class UplEntry:
    uri: str
    name: str
    layers: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    audience: str = Product.Audience.BOTH
    # (uri, label, url) per legal basis, in file order, without duplicates.
    bases: list[tuple[str, str, str]] = field(default_factory=list)


class UplProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def term_of(uri: str) -> str:
    """The last part of a UPL URI, e.g. `paspoort` for .../owms/terms/paspoort."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def upl_parse(text: str) -> list[UplEntry]:
    """One entry per URI; raises UplProblems listing every problem in the file."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise UplProblems([f"Kolom ‘{column}’ ontbreekt." for column in missing])
    entries: dict[str, UplEntry] = {}
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        uri, name = (row["URI"] or "").strip(), (row["UniformeProductnaam"] or "").strip()
        if not uri or not name:
            problems.append(f"Regel {line}: naam of URI ontbreekt.")
            continue
        entry = entries.setdefault(uri, _entry(uri, name, row))
        basis = tuple(
            (row[c] or "").strip() for c in ("Grondslag", "Grondslaglabel", "Grondslaglink")
        )
        if basis[1] and basis not in entry.bases:
            entry.bases.append(basis)  # type: ignore[arg-type]
    if problems:
        raise UplProblems(problems)
    return list(entries.values())


def _entry(uri: str, name: str, row: dict[str, str]) -> UplEntry:
    marked = {column for column, value in row.items() if (value or "").strip().upper() == "X"}
    residents, businesses = "Burger" in marked, "Bedrijf" in marked
    if residents and not businesses:
        audience = Product.Audience.RESIDENTS
    elif businesses and not residents:
        audience = Product.Audience.BUSINESSES
    else:
        audience = Product.Audience.BOTH
    return UplEntry(
        uri=uri,
        name=name,
        layers=[layer.value for column, layer in LAYER_COLUMNS.items() if column in marked],
        kinds=[kind.value for column, kind in KIND_COLUMNS.items() if column in marked],
        audience=audience,
    )
