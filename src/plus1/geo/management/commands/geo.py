# SPDX-License-Identifier: EUPL-1.2
"""`plus1 geo load [FILE]`: load wijken, buurten and streets from a GeoJSON document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.services import Actor
from plus1.geo.services import PLUSSTAD_FILE, geo_load, read_document


class Command(BaseCommand):
    help = "Load the municipality's wijken, buurten and streets (GeoJSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])
        parser.add_argument("file", nargs="?", default=str(PLUSSTAD_FILE))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            document = read_document(Path(options["file"]))
            result = geo_load(actor=Actor.system("plus1 geo load"), document=document)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Kan {options['file']} niet lezen: {exc}") from exc
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(
            f"{result.districts} wijken, {result.neighbourhoods} buurten, "
            f"{result.streets} straten geladen."
        )
