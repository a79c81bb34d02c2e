# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.services import Actor
from plus1.common import bsn as bsn_crypto
from plus1.privacy.services.keys import bsn_keys_rotate


class Command(BaseCommand):
    help = (
        "BSN keys. `keys generate` prints a new key for PLUS1_BSN_KEY; `keys rotate` "
        "re-encrypts every stored BSN with the current key (the previous ones in "
        "PLUS1_BSN_PREVIOUS_KEYS stay readable meanwhile; exit 1 if a BSN could not be read)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["generate", "rotate"])
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "generate":
            self.stdout.write(bsn_crypto.generate_key())
            return
        if not bsn_crypto.keys_configured():
            raise CommandError(
                "Set PLUS1_BSN_KEY and PLUS1_BSN_INDEX_KEY first (the old key, if any, in "
                "PLUS1_BSN_PREVIOUS_KEYS); nothing was changed."
            )
        report = bsn_keys_rotate(
            actor=Actor.system("plus1 keys rotate"), batch_size=options["batch_size"]
        )
        for label, count in report.reencrypted.items():
            self.stdout.write(
                f"{label}: {count} re-encrypted, {report.already_current[label]} already current, "
                f"{len(report.unreadable[label])} unreadable"
            )
        if not report.complete:
            unreadable = {k: v[:10] for k, v in report.unreadable.items() if v}
            raise CommandError(
                f"Some BSNs are readable by no configured key (first ids: {unreadable}); "
                "add the key they were written with to PLUS1_BSN_PREVIOUS_KEYS and run again."
            )
        self.stdout.write("Every stored BSN is encrypted with the current key.")
