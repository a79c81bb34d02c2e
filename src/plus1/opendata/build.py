# SPDX-License-Identifier: EUPL-1.2
"""Building the open data: every dataset as CSV, JSON and Parquet plus the DCAT catalogue, written to
a fresh folder that becomes the published one only when everything is written and checked.
A failed build leaves the previous publication in place (`current.json` is replaced
atomically, last)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from plus1.insights.disclosure import is_small
from plus1.opendata.catalogue import MEDIA_TYPES, catalogue
from plus1.opendata.datasets import DATASETS, Dataset
from plus1.opendata.parquet import write_parquet

logger = logging.getLogger(__name__)

FORMATS = MEDIA_TYPES  # extension → media type of every distribution
CURRENT = "current.json"
KEEP_BUILDS = 3


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Build:
    folder: Path
    built_at: str
    datasets: dict[str, dict[str, Any]]  # slug → {"rows": n, "temporal": [start, end], sizes}


def _csv(item: Dataset, rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(item.columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row[key] is None else row[key] for key in item.columns})
    return out.getvalue().encode()


def _json(item: Dataset, rows: list[dict[str, Any]], built_at: str) -> bytes:
    body = {"dataset": item.slug, "titel": item.title, "gemaakt_op": built_at, "rijen": rows}
    return json.dumps(body, ensure_ascii=False, indent=1).encode()


def _check(item: Dataset, rows: list[dict[str, Any]]) -> None:
    """The last line of defence: no count from 1 to 9 leaves the building."""
    for row in rows:
        for column in item.count_columns:
            value = row[column]
            if value is not None and is_small(value):
                raise BuildFailed(f"{item.slug}: een aantal onder de 10 in kolom {column}")


def _coverage(first: str, last: str) -> list[str]:
    """First and last day covered by periods "2026-01" (month) or "2026-K1" (quarter)."""

    def bounds(period: str) -> tuple[dt.date, dt.date]:
        year, part = period.split("-")
        if part.startswith("K"):
            first_month, months = (int(part[1:]) - 1) * 3 + 1, 3
        else:
            first_month, months = int(part), 1
        start = dt.date(int(year), first_month, 1)
        end_month = first_month + months
        end = dt.date(int(year) + (end_month > 12), (end_month - 1) % 12 + 1, 1)
        return start, end - dt.timedelta(days=1)

    return [bounds(first)[0].isoformat(), bounds(last)[1].isoformat()]


def opendata_build(root: Path | None = None) -> Build:
    """Build every dataset and publish the result; raises BuildFailed (or the error that
    stopped it) and leaves the previous publication when anything goes wrong."""
    root = root or settings.OPENDATA_DIR
    root.mkdir(parents=True, exist_ok=True)
    built_at = timezone.now().replace(microsecond=0).isoformat()
    name = f"build-{timezone.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    staging = root / f".{name}"
    staging.mkdir()
    try:
        meta: dict[str, dict[str, Any]] = {}
        for item in DATASETS:
            rows = item.rows()
            _check(item, rows)
            files = {"csv": _csv(item, rows), "json": _json(item, rows, built_at)}
            for ext, data in files.items():
                (staging / f"{item.slug}.{ext}").write_bytes(data)
            sizes = {ext: len(data) for ext, data in files.items()}
            sizes["parquet"] = write_parquet(item, rows, staging / f"{item.slug}.parquet", built_at)
            periods = (
                sorted(str(row[item.period_column]) for row in rows) if item.period_column else []
            )
            meta[item.slug] = {
                "rows": len(rows),
                "temporal": _coverage(periods[0], periods[-1]) if periods else None,
                "sizes": sizes,
            }
        document = catalogue(meta, built_at)
        (staging / "catalogus.jsonld").write_text(
            json.dumps(document, ensure_ascii=False, indent=1)
        )
        (staging / "meta.json").write_text(json.dumps({"built_at": built_at, "datasets": meta}))
        folder = root / name
        staging.rename(folder)
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        logger.exception("Open-data build failed; the previous publication stays")
        raise
    pointer = root / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
    pointer.write_text(json.dumps({"build": name}))
    os.replace(pointer, root / CURRENT)
    _prune(root, keep=name)
    return Build(folder, built_at, meta)


def _prune(root: Path, keep: str) -> None:
    builds = sorted(path for path in root.glob("build-*") if path.is_dir())
    for old in builds[:-KEEP_BUILDS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def published(root: Path | None = None) -> Build | None:
    """The build that is published now, or None before the first."""
    root = root or settings.OPENDATA_DIR
    try:
        name = json.loads((root / CURRENT).read_text())["build"]
        folder = root / name
        meta = json.loads((folder / "meta.json").read_text())
    except (OSError, ValueError, KeyError):
        return None
    return Build(folder, meta["built_at"], meta["datasets"])


def published_rows(slug: str, root: Path | None = None) -> list[dict[str, Any]]:
    """A dataset's rows as the published build holds them ([] before the first build): the
    snapshot that /prestaties/ shows. A build never changes, so each is read once."""
    root = root or settings.OPENDATA_DIR
    try:
        name = json.loads((root / CURRENT).read_text())["build"]
    except (OSError, ValueError, KeyError):
        return []
    return _build_rows(str(root / name), slug)


@functools.lru_cache(maxsize=64)
def _build_rows(folder: str, slug: str) -> list[dict[str, Any]]:
    try:
        rows: list[dict[str, Any]] = json.loads((Path(folder) / f"{slug}.json").read_bytes())[
            "rijen"
        ]
    except (OSError, ValueError, KeyError):
        return []
    return rows
