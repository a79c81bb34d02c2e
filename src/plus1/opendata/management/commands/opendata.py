# SPDX-License-Identifier: EUPL-1.2
"""`plus1 opendata build`: regenerate and publish the open data now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.opendata.build import opendata_build


class Command(BaseCommand):
    help = "Open data: `build` regenerates every dataset and the catalogue and publishes them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["build"])

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            build = opendata_build()
        except Exception as exc:
            raise CommandError(f"Bouwen mislukt; de vorige publicatie blijft staan: {exc}") from exc
        self.stdout.write(f"Gepubliceerd: {len(build.datasets)} datasets in {build.folder}")
