# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.common.checks import refuse_unsafe_production_settings


class Command(BaseCommand):
    help = (
        "Run the production web server (gunicorn). Refuses unsafe settings. "
        "Migrations are a separate step (`plus1 migrate`) or `--migrate`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=3, help="processes (about 1 per core)")
        parser.add_argument(
            "--threads",
            type=int,
            default=2,
            help="threads per worker (gthread); see docs/performance.md for sizing",
        )
        parser.add_argument(
            "--keepalive",
            type=int,
            default=75,
            help="seconds an idle connection stays open (above the reverse proxy's timeout)",
        )
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="apply database migrations before serving (otherwise run `plus1 migrate`)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["threads"] < 1 or options["keepalive"] < 0:
            raise CommandError(
                "--workers en --threads moeten minstens 1 zijn, --keepalive 0 of meer."
            )
        # The Django deploy checks, ours included (plus1.common.checks); errors refuse to start.
        try:
            refuse_unsafe_production_settings()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        call_command("check", deploy=True, fail_level="ERROR")
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        from plus1.common.gunicorn import Plus1Server

        Plus1Server(
            bind=options["bind"],
            workers=options["workers"],
            threads=options["threads"],
            keepalive=options["keepalive"],
        ).run()
