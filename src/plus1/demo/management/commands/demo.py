# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.demo.loader import DEMO_PASSWORD, STAFF, demo_load, demo_loaded, demo_totp_secret
from plus1.demo.zgw import ZGW_CLIENT_ID, ZGW_SECRET


def demo_base_url(host: str, port: int) -> str:
    """The address the demo serves on, as a resident's browser reaches it."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host  # noqa: S104
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


class Command(BaseCommand):
    help = "Start the demo municipality: migrate, load demo data when empty, and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Only prepare the database.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Run the demo with `plus1 demo` (it switches demo mode on).")
        call_command("migrate", interactive=False, verbosity=0)
        if not demo_loaded():
            self.stdout.write("Loading the demo municipality Gemeente Plusstad …")
            demo_load()
        (settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        base = demo_base_url(options["host"], options["port"])
        if not os.environ.get("PLUS1_BASE_URL"):
            settings.BASE_URL = base  # links in messages open this server
        self._print_welcome(base)
        if options["no_serve"]:
            return
        from plus1.audit.tasks import start_in_process as start_checkpoints
        from plus1.catalog.finder import finder_index
        from plus1.events.worker import start_in_process
        from plus1.opendata.tasks import start_in_process as start_opendata

        finder_index()  # build the search index now, not on the first resident's search
        start_in_process()
        start_checkpoints()
        start_opendata()
        call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)

    def _print_welcome(self, base: str) -> None:
        lines = [
            "",
            f"{settings.MUNICIPALITY_NAME} is ready (data in {settings.DATA_DIR}).",
            f"  Portal for residents:   {base}/   (demo login simulates DigiD)",
            f"  Workbench for staff:    {base}/werkplek/",
            f"  Administration:         {base}/beheer/",
            f"  Health:                 {base}/health",
            f"  Reports on the map:     {base}/meldingen/",
            f"  Processing register:    {base}/privacy/verwerkingen/",
            f"  Open data, figures:     {base}/opendata/  {base}/prestaties/",
            f"  API (OpenAPI):          {base}/api/v1/openapi.json",
            f"  ZGW APIs:               {base}/zaken/api/v1/ (and catalogi, documenten, besluiten, …)",
            f"    OpenAPI document at each API root, reference at {base}/zaken/api/v1/schema/",
            f"    demo client id '{ZGW_CLIENT_ID}', secret '{ZGW_SECRET}' (JWT, HS256)",
            f"  Staff accounts (password '{DEMO_PASSWORD}'):",
            *(f"    {username:<28} {', '.join(teams)}" for username, _, _, teams in STAFF),
            f"    {'beheerder':<28} functional administrator (/beheer/)",
            "  Second step of the staff login: the code page shows the current code (demo only),",
            f"    or add the demo key {demo_totp_secret()} to an authenticator app.",
            f"  Messages to residents are written to {settings.EMAIL_FILE_PATH}",
            f"    (sms to {settings.SMS_FILE_PATH}, letters as PDF to {settings.MEDIA_ROOT}/letters)",
            "",
        ]
        self.stdout.write("\n".join(lines))
