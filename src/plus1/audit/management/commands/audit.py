# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. `audit verify` checks the hash chain (exit 1 when broken)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if not report.intact:
            raise CommandError(
                f"Audit chain broken at entry {report.first_bad_seq}: {report.problem} "
                f"({report.checked} entries verified before it)."
            )
        self.stdout.write(f"Audit chain intact: {report.checked} entries verified.")
