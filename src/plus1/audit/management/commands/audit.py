# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plus1.audit.chain import audit_link_pending
from plus1.audit.checkpoints import (
    CheckpointError,
    checkpoint_dir,
    checkpoint_write,
    checkpoints_read,
)
from plus1.audit.keys import key_generate
from plus1.audit.verify import ChainBroken, verify_chain


class Command(BaseCommand):
    help = (
        "Audit log tools. `audit verify [--full] [--checkpoints DIR]` checks the hash chain "
        "(from the latest signed checkpoint on; --full: all of it) and the signed "
        "checkpoints (exit 1 when broken); `audit link` links entries still pending; "
        "`audit checkpoint` links, then signs and publishes the chain's head; "
        "`audit keygen` makes the signing key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "link", "checkpoint", "keygen"])
        parser.add_argument(
            "--full",
            action="store_true",
            help="verify: the whole chain (default: from the latest signed checkpoint on)",
        )
        parser.add_argument(
            "--checkpoints",
            metavar="DIR",
            help="folder with checkpoints.jsonl (default: PLUS1_AUDIT_CHECKPOINT_DIR)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "keygen":
            path = Path(settings.AUDIT_SIGNING_KEY_FILE)
            try:
                key_generate(path)
            except FileExistsError as exc:
                raise CommandError(f"{path} exists already; it is never overwritten.") from exc
            self.stdout.write(
                f"Audit signing key written to {path} (keep it out of backups of the database)."
            )
            return
        if action == "link":
            self.stdout.write(f"{audit_link_pending()} pending audit entries linked.")
            return
        folder = checkpoint_dir(options["checkpoints"])
        if action == "checkpoint":
            try:
                checkpoint = checkpoint_write(folder)
            except (ChainBroken, CheckpointError) as exc:
                raise CommandError(f"No checkpoint signed: {exc}.") from exc
            if checkpoint is None:
                self.stdout.write("No new audit entries since the last checkpoint.")
            else:
                self.stdout.write(f"Checkpoint signed at entry {checkpoint.seq} in {folder}.")
            return
        try:
            checkpoints = checkpoints_read(folder)
        except CheckpointError as exc:
            raise CommandError(f"Checkpoints cannot be trusted: {exc}.") from exc
        since = None if options["full"] or not checkpoints else checkpoints[-1]
        report = verify_chain(checkpoints, since=since)
        if not report.intact:
            raise CommandError(
                f"Audit chain broken at entry {report.first_bad_seq}: {report.problem} "
                f"({report.checked} entries verified before it)."
            )
        scope = (
            f"from the signed checkpoint at entry {since.seq} on (--full: the whole chain)"
            if since
            else "the whole chain"
        )
        self.stdout.write(
            f"Audit chain intact: {report.checked} entries verified, {scope}, "
            f"against {report.checkpoints} signed checkpoints in {folder}."
        )
        if report.pending:
            self.stdout.write(
                f"{report.pending} entries written but not linked yet are verified once "
                "linked (`plus1 audit link`, or the worker within seconds)."
            )
