# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.services import Actor
from plus1.catalog.selectors import catalog_export
from plus1.catalog.services import catalog_import


class Command(BaseCommand):
    help = "Import or export the catalog (case types and products) as YAML."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Import (create or update) from a YAML file.")
        importer.add_argument("file", type=Path)
        exporter = sub.add_parser("export", help="Write the catalog as YAML.")
        exporter.add_argument("file", nargs="?", help="Output file (default: standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options["file"])
        else:
            self._export(options.get("file"))

    def _import(self, path: Path) -> None:
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            result = catalog_import(actor=Actor.system("catalog-import"), document=document)
        except ValidationError as exc:
            raise CommandError(
                "Nothing imported. Problems:\n" + "\n".join(f"- {m}" for m in exc.messages)
            ) from exc
        self.stdout.write(
            f"Imported {path}: {len(result.created)} created, {len(result.updated)} updated."
        )

    def _export(self, target: str | None) -> None:
        text = yaml.safe_dump(catalog_export(), allow_unicode=True, sort_keys=False)
        if target:
            Path(target).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
