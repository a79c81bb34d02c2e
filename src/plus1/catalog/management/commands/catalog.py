# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from plus1.audit.services import Actor
from plus1.catalog.evaluation import finder_evaluate, parse_cases
from plus1.catalog.models import Product
from plus1.catalog.product_services import upl_import, vocabulary_import
from plus1.catalog.selectors import catalog_export
from plus1.catalog.services import catalog_import
from plus1.catalog.upl import UPL_FILE
from plus1.catalog.vocabulary import VOCABULARY_FILE


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc


def _nothing_imported(exc: ValidationError) -> CommandError:
    return CommandError("Nothing imported. Problems:\n" + "\n".join(f"- {m}" for m in exc.messages))


class Command(BaseCommand):
    help = "Import or export the catalog (case types and products) as YAML."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Import (create or update) from a YAML file.")
        importer.add_argument("file", type=Path)
        importer.add_argument(
            "--publish",
            action="store_true",
            help="Publish the new version of a changed case type that has cases right away "
            "(default: leave it as a draft to publish in the admin).",
        )
        exporter = sub.add_parser("export", help="Write the catalog as YAML.")
        exporter.add_argument("file", nargs="?", help="Output file (default: standard output).")
        upl = sub.add_parser("import-upl", help="Import (create or update) the national UPL list.")
        upl.add_argument("file", nargs="?", type=Path, default=UPL_FILE)
        words = sub.add_parser("import-vocabulary", help="Apply local texts, words and providers.")
        words.add_argument("file", nargs="?", type=Path, default=VOCABULARY_FILE)
        evaluate = sub.add_parser("evaluate-finder", help="Print top-1 and top-3 accuracy.")
        evaluate.add_argument("file", type=Path)
        evaluate.add_argument("--min-top1", type=float, default=0.0, help="Fail below this (0–1).")
        evaluate.add_argument("--min-top3", type=float, default=0.0, help="Fail below this (0–1).")
        evaluate.add_argument(
            "--latency", action="store_true", help="Also report the search time (p50, p95)."
        )
        evaluate.add_argument(
            "--max-p95-ms", type=float, default=0.0, help="Fail when p95 is above this (ms)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self._import(options["file"], publish=options["publish"])
        elif action == "import-upl":
            self._import_upl(options["file"])
        elif action == "import-vocabulary":
            self._import_vocabulary(options["file"])
        elif action == "evaluate-finder":
            self._evaluate(
                options["file"],
                options["min_top1"],
                options["min_top3"],
                latency=options["latency"],
                max_p95_ms=options["max_p95_ms"],
            )
        else:
            self._export(options.get("file"))

    def _import_upl(self, path: Path) -> None:
        text = _read(path)
        try:
            result = upl_import(actor=Actor.system("upl-import"), text=text)
        except ValidationError as exc:
            raise _nothing_imported(exc) from exc
        self.stdout.write(
            f"Imported {path}: {len(result.created)} created, {len(result.updated)} updated, "
            f"{result.unchanged} unchanged, {result.not_in_list} no longer in the list (kept)."
        )

    def _import_vocabulary(self, path: Path) -> None:
        try:
            document = yaml.safe_load(_read(path)) or {}
            changed = vocabulary_import(actor=Actor.system("vocabulary-import"), document=document)
        except yaml.YAMLError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except ValidationError as exc:
            raise _nothing_imported(exc) from exc
        self.stdout.write(f"Imported {path}: vocabulary for {changed} products.")

    def _evaluate(
        self,
        path: Path,
        min_top1: float,
        min_top3: float,
        latency: bool = False,
        max_p95_ms: float = 0.0,
    ) -> None:
        try:
            cases = parse_cases(_read(path))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not Product.objects.filter(upl_uri__isnull=False).exists():
            raise CommandError(
                "The catalogue holds no products of the national list yet: run "
                "`plus1 demo --no-serve` (or `plus1 catalog import-upl` and "
                "`plus1 catalog import-vocabulary`) first."
            )
        result = finder_evaluate(cases)
        for query, found in result.misses:
            self.stdout.write(f"miss: {query!r} -> {', '.join(found) or '(nothing)'}")
        self.stdout.write(
            f"{result.total} questions: top-1 {result.top1_accuracy:.1%} ({result.top1}), "
            f"top-3 {result.top3_accuracy:.1%} ({result.top3})"
        )
        if latency or max_p95_ms:
            self.stdout.write(
                f"latency: p50 {result.latency_ms(50):.1f} ms, p95 {result.latency_ms(95):.1f} ms, "
                f"max {result.latency_ms(100):.1f} ms ({connection.vendor})"
            )
        if result.top1_accuracy < min_top1 or result.top3_accuracy < min_top3:
            raise CommandError(
                f"Below the target (top-1 ≥ {min_top1:.0%}, top-3 ≥ {min_top3:.0%})."
            )
        if max_p95_ms and result.latency_ms(95) > max_p95_ms:
            raise CommandError(
                f"Search p95 {result.latency_ms(95):.1f} ms is over {max_p95_ms} ms."
            )

    def _import(self, path: Path, *, publish: bool) -> None:
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            result = catalog_import(
                actor=Actor.system("catalog-import"), document=document, publish=publish
            )
        except ValidationError as exc:
            raise CommandError(
                "Nothing imported. Problems:\n" + "\n".join(f"- {m}" for m in exc.messages)
            ) from exc
        self.stdout.write(
            f"Imported {path}: {len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.versioned)} new {'published' if publish else 'draft'} versions, "
            f"{len(result.unchanged)} unchanged."
        )

    def _export(self, target: str | None) -> None:
        text = yaml.safe_dump(catalog_export(), allow_unicode=True, sort_keys=False)
        if target:
            Path(target).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
