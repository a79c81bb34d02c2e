# SPDX-License-Identifier: EUPL-1.2
"""Parquet: every dataset downloads as Parquet with the CSV's columns and rows, hidden
counts are nulls with the note in the file's metadata, it is a distribution in the
catalogue, and a build that cannot write it leaves the previous publication."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from django.urls import reverse

from plus1.opendata.build import opendata_build, published
from plus1.opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db

PARQUET_FORMAT = "http://publications.europa.eu/resource/authority/file-type/PARQUET"


def read_parquet(client, tmp_path, slug):
    """Download the Parquet file and read it back: (columns, rows as dicts, metadata)."""
    response = client.get(reverse("opendata:download", args=[slug, "parquet"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.apache.parquet"
    path = tmp_path / f"{slug}.parquet"
    path.write_bytes(b"".join(response.streaming_content))
    with duckdb.connect() as connection:
        result = connection.execute("SELECT * FROM read_parquet(?)", [str(path)])
        columns = [column[0] for column in result.description]
        rows = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
        metadata = {
            key.decode(): value.decode()
            for key, value in connection.execute(
                "SELECT key, value FROM parquet_kv_metadata(?)", [str(path)]
            ).fetchall()
        }
    return columns, rows, metadata


def test_every_dataset_downloads_as_parquet_with_the_csv_rows(client, municipality, tmp_path):
    opendata_build()
    compared = 0
    for item in DATASETS:
        columns, rows, metadata = read_parquet(client, tmp_path, item.slug)
        assert columns == list(item.columns)
        csv_body = client.get(reverse("opendata:download", args=[item.slug, "csv"]))
        from_csv = list(csv.DictReader(io.StringIO(b"".join(csv_body.streaming_content).decode())))
        assert len(rows) == len(from_csv), item.slug
        compared += len(rows)
        for parquet_row, csv_row in zip(rows, from_csv, strict=True):
            as_text = {k: "" if v is None else str(v) for k, v in parquet_row.items()}
            for column in item.count_columns:  # the same counts, hidden ones as nulls
                assert as_text[column] == csv_row[column], (item.slug, parquet_row)
        assert metadata["titel"] == item.title
        assert metadata["licentie"] == "CC0 1.0"
    assert compared > 20, "the test data must publish rows"


def test_no_count_from_1_to_9_in_any_parquet_file(client, municipality, tmp_path):
    opendata_build()
    hidden = 0
    for item in DATASETS:
        _columns, rows, metadata = read_parquet(client, tmp_path, item.slug)
        for row in rows:
            for column in item.count_columns:
                value = row[column]
                assert value is None or value == 0 or value >= 10, (item.slug, row)
                if value is None:
                    hidden += 1
                    assert row["opmerking"], (item.slug, row)  # a null, with the reason
        for column in item.count_columns:
            assert "1 tot en met 9" in metadata[f"kolom:{column}"]
        if item.count_columns:
            assert "minder dan 10" in metadata["weggelaten_aantallen"]
    assert hidden, "the test data must hide some counts"


def test_the_catalogue_lists_parquet_with_its_media_type_and_size(client, municipality):
    build = opendata_build()
    document = json.loads((build.folder / "catalogus.jsonld").read_text())
    built = {f"#{item.slug}" for item in DATASETS}  # not the Woo publications, listed live
    listed = [d for d in document["dcat:dataset"] if d["@id"].endswith(tuple(built))]
    assert len(listed) == len(DATASETS)
    for dataset in listed:
        slug = dataset["@id"].rsplit("#", 1)[1]
        parquet = next(
            d for d in dataset["dcat:distribution"] if d["dct:format"]["@id"] == PARQUET_FORMAT
        )
        assert parquet["dcat:mediaType"] == "application/vnd.apache.parquet"
        size = (build.folder / f"{slug}.parquet").stat().st_size
        assert parquet["dcat:byteSize"]["@value"] == str(size)
    page = client.get(reverse("opendata:index")).content.decode()
    assert "Download aanvragen per product, wijk en maand als Parquet" in page


def test_a_build_that_cannot_write_parquet_leaves_the_previous_publication(
    client, municipality, monkeypatch, tmp_path
):
    first = opendata_build()
    _columns, before, _metadata = read_parquet(client, tmp_path, "zaken-per-product-wijk-maand")

    def failing(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr("plus1.opendata.build.write_parquet", failing)
    with pytest.raises(OSError):
        opendata_build()
    assert published().folder == first.folder
    _columns, after, _metadata = read_parquet(client, tmp_path, "zaken-per-product-wijk-maand")
    assert after == before
    assert not [p for p in first.folder.parent.iterdir() if p.name.startswith(".build-")]
    assert not list(first.folder.glob("*.rows.json"))  # the staging file is not published
