# SPDX-License-Identifier: EUPL-1.2
"""A dataset as an Apache Parquet file (written with DuckDB, decision 0026): the same columns
and rows as the CSV and JSON, a hidden count is a null, and the file's key-value metadata
carries the title, the licence, the suppression note and a description of every column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from plus1.opendata.datasets import SUPPRESSION_NOTE, Dataset

MEDIA_TYPE = "application/vnd.apache.parquet"
HIDDEN_COUNT = (
    "Een aantal. Leeg (null) als het van 1 tot en met 9 is of zo’n aantal zou verraden; "
    "de reden staat in de kolom opmerking."
)
NOTE_COLUMN = "opmerking"


def column_types(item: Dataset) -> dict[str, str]:
    """Counts are whole numbers, the dataset's other figures decimals, the rest text."""
    return {
        column: "BIGINT"
        if column in item.count_columns
        else "DOUBLE"
        if column in item.number_columns
        else "VARCHAR"
        for column in item.columns
    }


def column_descriptions(item: Dataset) -> dict[str, str]:
    found = {}
    for column in item.columns:
        if column in item.count_columns:
            found[column] = HIDDEN_COUNT
        elif column == NOTE_COLUMN:
            found[column] = "Waarom een cel in deze rij leeg is; leeg als niets is weggelaten."
        elif column in item.number_columns:
            found[column] = "Leeg als de aantallen waarop het berust niet gepubliceerd zijn."
    return found


def metadata(item: Dataset, built_at: str) -> dict[str, str]:
    found = {
        "dataset": item.slug,
        "titel": item.title,
        "beschrijving": item.description,
        "licentie": "CC0 1.0",
        "gemaakt_op": built_at,
    }
    if item.count_columns:
        found["weggelaten_aantallen"] = SUPPRESSION_NOTE
    for column, text in column_descriptions(item).items():
        found[f"kolom:{column}"] = text
    return found


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_parquet(item: Dataset, rows: list[dict[str, Any]], path: Path, built_at: str) -> int:
    """Write the rows to `path` and return its size in bytes. DuckDB reads them from a JSON
    file beside it, typed by `column_types` (a value of the wrong type fails the build)."""
    source = path.with_suffix(".rows.json")
    source.write_text(json.dumps([{c: row[c] for c in item.columns} for row in rows]))
    types = ", ".join(f"{_literal(c)}: {_literal(t)}" for c, t in column_types(item).items())
    kv = ", ".join(f'"{key}": {_literal(value)}' for key, value in metadata(item, built_at).items())
    columns = ", ".join(f'"{column}"' for column in item.columns)
    # COPY takes no parameters for its target and options: the names come from the dataset
    # definitions and every text is quoted by `_literal`.
    with duckdb.connect() as connection:
        connection.execute(
            f"COPY (SELECT {columns} FROM read_json(?, format='array', columns={{{types}}})) "  # noqa: S608
            f"TO {_literal(str(path))} (FORMAT parquet, KV_METADATA {{{kv}}})",
            [str(source)],
        )
    source.unlink()
    return path.stat().st_size
