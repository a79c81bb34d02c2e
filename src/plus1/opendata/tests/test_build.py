# SPDX-License-Identifier: EUPL-1.2
"""Open data: the DCAT-AP-DONL catalogue, every distribution downloads, no count from 1 to 9
anywhere, no hidden cell recomputable, and a failed build keeps the previous publication."""

from __future__ import annotations

import csv
import io
import json
import tempfile

import duckdb
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from plus1.insights.disclosure import TOTAL, Protected
from plus1.insights.tests.test_disclosure import recomputable
from plus1.opendata import datasets
from plus1.opendata.build import BuildFailed, opendata_build, published
from plus1.opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


def expand(document):
    """Prefixed keys to full IRIs with the document's @context (enough JSON-LD for a check)."""
    context = document["@context"]

    def iri(key):
        prefix, _, term = key.partition(":")
        return context[prefix] + term if prefix in context and term else key

    def walk(node):
        if isinstance(node, dict):
            return {iri(key): walk(value) for key, value in node.items() if key != "@context"}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    return walk(document)


def download_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    if url.endswith(".parquet"):
        with tempfile.NamedTemporaryFile(suffix=".parquet") as file:
            file.write(b"".join(response.streaming_content))
            file.flush()
            result = duckdb.execute("SELECT * FROM read_parquet(?)", [file.name])
            names = [column[0] for column in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    body = b"".join(response.streaming_content).decode()
    if url.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(body)))
    return json.loads(body)["rijen"]


def test_the_catalogue_is_dcat_with_every_field_and_every_distribution_downloads(
    client, municipality
):
    opendata_build()
    response = client.get(reverse("opendata:catalogue"))
    assert response["Content-Type"] == "application/ld+json"
    catalogue = expand(json.loads(b"".join(response.streaming_content)))
    assert catalogue["@type"] == "dcat:Catalog"
    listed = catalogue[DCAT + "dataset"]
    assert {item[DCT + "title"] for item in listed} >= {
        "Aanvragen per product, wijk en maand",
        "Meldingen openbare ruimte per categorie, buurt en maand",
        "Doorlooptijden en tijdig beslissen per product en maand",
        "Register van verwerkingen van persoonsgegevens",
        "Tevredenheid per product en kwartaal",
    }
    woo = next(i for i in listed if i[DCT + "title"] == "Woo-publicaties")
    listed = [i for i in listed if i is not woo]
    assert woo[DCT + "accrualPeriodicity"]["@id"].endswith("/CONT")
    (listing,) = woo[DCAT + "distribution"]
    url = listing[DCAT + "downloadURL"]["@id"].removeprefix("http://127.0.0.1:8000")
    assert client.get(url).json()["publicaties"] == []  # the live DiWoo listing
    for item in listed:
        for field in (
            "title",
            "description",
            "license",
            "publisher",
            "spatial",
            "accrualPeriodicity",
        ):
            assert item.get(DCT + field), (item[DCT + "title"], field)
        assert item[DCT + "license"]["@id"].startswith(
            "http://creativecommons.org/publicdomain/zero"
        )
        assert item[DCT + "accrualPeriodicity"]["@id"].endswith("/DAILY")
        formats = set()
        for distribution in item[DCAT + "distribution"]:
            url = distribution[DCAT + "downloadURL"]["@id"]
            formats.add(distribution[DCT + "format"]["@id"].rsplit("/", 1)[1])
            download_rows(client, url.removeprefix("http://127.0.0.1:8000"))
        assert formats == {"CSV", "JSON", "PARQUET"}
    counts = next(i for i in listed if i[DCT + "title"].startswith("Aanvragen"))
    assert counts[DCT + "temporal"][DCAT + "startDate"]["@value"] == "2026-01-01"


def all_counts(client):
    for item in DATASETS:
        for ext in ("csv", "json", "parquet"):
            for row in download_rows(client, reverse("opendata:download", args=[item.slug, ext])):
                for column in item.count_columns:
                    yield item.slug, ext, row, row[column]


def test_no_count_from_1_to_9_in_any_distribution(client, municipality):
    opendata_build()
    seen = list(all_counts(client))
    assert seen, "the test data must publish counts"
    for slug, ext, row, value in seen:
        assert value in ("", None) or int(value) >= 10 or int(value) == 0, (slug, ext, row)
    hidden = [row for _slug, _ext, row, value in seen if value in ("", None)]
    assert hidden and all(row["opmerking"] for row in hidden)  # empty, with a note


def table_from_rows(rows, row_name, col_name, value_name, month):
    """Rebuild one month's published table (totals included) as the attacker sees it."""
    mine = [row for row in rows if row["maand"] == month]
    row_keys = sorted({row[row_name] for row in mine} - {TOTAL})
    col_keys = sorted({row[col_name] for row in mine} - {TOTAL})
    rows_all, cols_all = [*row_keys, TOTAL], [*col_keys, TOTAL]
    values, hidden = {}, {}
    for row in mine:
        key = (rows_all.index(row[row_name]), cols_all.index(row[col_name]))
        if row[value_name] is None:
            hidden[key] = row["opmerking"]
        else:
            values[key] = row[value_name]
    return Protected(tuple(row_keys), tuple(col_keys), values, hidden)


def test_no_hidden_cell_can_be_recomputed_from_the_published_totals(client, municipality):
    opendata_build()
    url = reverse("opendata:download", args=["zaken-per-product-wijk-maand", "json"])
    rows = download_rows(client, url)
    table = table_from_rows(rows, "product", "wijk", "aantal", "2026-01")
    assert (0, 1) in table.hidden  # parking in Noord: 3
    assert len(table.hidden) >= 4 and recomputable(table) == []
    meldingen = download_rows(
        client, reverse("opendata:download", args=["meldingen-per-categorie-buurt-maand", "json"])
    )
    this_month = timezone.localdate().strftime("%Y-%m")  # meldingen count by when they came in
    table = table_from_rows(meldingen, "categorie", "buurt", "aantal", this_month)
    assert table.hidden and recomputable(table) == []
    leads = download_rows(
        client, reverse("opendata:download", args=["doorlooptijden-per-product-maand", "json"])
    )
    parking = next(
        r for r in leads if r["product"] == "Parkeervergunning" and r["maand"] == "2026-02"
    )
    assert parking["te_laat"] is None and parking["op_tijd"] is None  # 4 late hides 11 on time
    assert parking["percentage_op_tijd"] is None  # the share would give them away
    ratings = download_rows(
        client, reverse("opendata:download", args=["tevredenheid-per-product-kwartaal", "json"])
    )
    quarter = ratings[0]["kwartaal"]
    mine = [{**row, "maand": row["kwartaal"]} for row in ratings if row["kwartaal"] == quarter]
    scores = [f"cijfer_{n}" for n in range(1, 6)]
    long_rows = [
        {
            "maand": quarter,
            "product": row["product"],
            "cijfer": column,
            "aantal": row[column],
            "opmerking": row["opmerking"],
        }
        for row in mine
        for column in [*scores, "aantal"]
    ]
    for row in long_rows:
        if row["cijfer"] == "aantal":
            row["cijfer"] = TOTAL
    table = table_from_rows(long_rows, "product", "cijfer", "aantal", quarter)
    assert table.hidden and recomputable(table) == []
    parking_rating = next(r for r in ratings if r["product"] == "Parkeervergunning")
    assert parking_rating["cijfer_2"] is None and parking_rating["gemiddeld_cijfer"] is None
    for row in ratings:  # an average only where no count of its row is hidden
        complete = all(row[column] is not None for column in [*scores, "aantal"])
        assert (row["gemiddeld_cijfer"] is not None) == bool(complete and row["aantal"])


def test_meldingen_are_not_counted_in_the_cases_dataset_so_the_two_share_no_cell(
    client, municipality
):
    opendata_build()
    rows = download_rows(
        client, reverse("opendata:download", args=["zaken-per-product-wijk-maand", "json"])
    )
    assert not any(row["product"] == "Melding openbare ruimte" for row in rows)
    january = next(
        r for r in rows if r["maand"] == "2026-01" and r["product"] == TOTAL and r["wijk"] == TOTAL
    )
    assert january["aantal"] == 12 + 3 + 15 + 11 + 15  # registered in January, meldingen left out


def test_a_failed_build_leaves_the_previous_publication(client, municipality, monkeypatch):
    first = opendata_build()
    before = client.get(reverse("opendata:download", args=["verwerkingsregister", "csv"]))
    before_body = b"".join(before.streaming_content)

    def broken():
        raise RuntimeError("database weg")

    broken_set = tuple(
        item
        if item.slug != "verwerkingsregister"
        else datasets.Dataset(**{**item.__dict__, "rows": broken})
        for item in DATASETS
    )
    monkeypatch.setattr("plus1.opendata.build.DATASETS", broken_set)
    with pytest.raises(RuntimeError):
        opendata_build()
    assert published().folder == first.folder
    after = client.get(reverse("opendata:download", args=["verwerkingsregister", "csv"]))
    assert b"".join(after.streaming_content) == before_body
    assert not [p for p in first.folder.parent.iterdir() if p.name.startswith(".build-")]


def test_a_build_with_a_small_count_is_refused(municipality, monkeypatch):
    leaking = tuple(
        item
        if item.slug != "zaken-per-product-wijk-maand"
        else datasets.Dataset(
            **{
                **item.__dict__,
                "rows": lambda: [
                    {"maand": "2026-01", "product": "x", "wijk": "y", "aantal": 3, "opmerking": ""}
                ],
            }
        )
        for item in DATASETS
    )
    monkeypatch.setattr("plus1.opendata.build.DATASETS", leaking)
    with pytest.raises(BuildFailed):
        opendata_build()
    assert published() is None


def test_plus1_opendata_build_publishes_and_the_worker_runs_it_daily(client, municipality):
    assert client.get(reverse("opendata:catalogue")).status_code == 404
    assert "nog geen open data" in client.get(reverse("opendata:index")).content.decode()
    call_command("opendata", "build", stdout=io.StringIO())
    page = client.get(reverse("opendata:index")).content.decode()
    assert "Download aanvragen per product, wijk en maand als CSV" in page
    from plus1.conf.celery import app

    assert app.conf.beat_schedule["opendata-build"]["task"] == "plus1.opendata.build"


def test_every_row_has_exactly_the_declared_columns(municipality):
    for item in DATASETS:  # the fixture has no questions without a case: that one is empty
        for row in item.rows():
            assert set(row) == set(item.columns), item.slug
        assert set(item.count_columns) | set(item.number_columns) <= set(item.columns)
