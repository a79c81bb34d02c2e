# SPDX-License-Identifier: EUPL-1.2
"""`plus1 events prune-keys`: delete idempotency keys older than PLUS1_IDEMPOTENCY_KEY_DAYS
(the worker does this daily; the command is for installations without `plus1 worker`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from plus1.events.services import idempotency_keys_prune


class Command(BaseCommand):
    help = "Delete expired idempotency keys of done deliveries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["prune-keys"])

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = idempotency_keys_prune()
        self.stdout.write(f"{deleted} verlopen idempotentiesleutels verwijderd.")
