# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


def production_problems() -> list[str]:
    problems = []
    if settings.DEBUG:
        problems.append("PLUS1_DEBUG is on; switch it off in production.")
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY or len(settings.SECRET_KEY) < 32:
        problems.append("PLUS1_SECRET_KEY is the demo default or too short; set a random secret.")
    if not Path(settings.AUDIT_SIGNING_KEY_FILE).exists():
        problems.append(
            "PLUS1_AUDIT_SIGNING_KEY_FILE does not exist; make the audit key with "
            "`plus1 audit keygen` and keep it where the database cannot reach it."
        )
    if settings.DEMO_MODE:
        problems.append("PLUS1_DEMO_MODE is on; the simulated DigiD login must not be public.")
    return problems


class Command(BaseCommand):
    help = (
        "Run the production web server (gunicorn). Refuses unsafe settings. "
        "Migrations are a separate step (`plus1 migrate`) or `--migrate`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="apply database migrations before serving (otherwise run `plus1 migrate`)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = production_problems()
        if problems:
            raise CommandError("Refusing to start:\n" + "\n".join(f"- {p}" for p in problems))
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        from plus1.common.gunicorn import Plus1Server

        Plus1Server(bind=options["bind"], workers=options["workers"]).run()
