# SPDX-License-Identifier: EUPL-1.2
"""The periodic checkpoint and catching up on linking: Celery beat in production, a
thread inside `plus1 demo`."""

from __future__ import annotations

import logging
import threading

from celery import shared_task
from django.conf import settings
from django.db import close_old_connections

from plus1.audit.chain import audit_link_pending
from plus1.audit.checkpoints import checkpoint_write

logger = logging.getLogger(__name__)


@shared_task(name="plus1.audit.link", ignore_result=True)
def audit_link() -> int:
    """Link entries whose commit was not followed by linking (a process that stopped)."""
    return audit_link_pending()


@shared_task(name="plus1.audit.checkpoint", ignore_result=True)
def audit_checkpoint() -> int:
    """Sign and publish the head; a broken chain is logged loudly and not signed."""
    checkpoint = checkpoint_write()
    return checkpoint.seq if checkpoint else 0


def start_in_process() -> threading.Thread:
    """Publish a checkpoint now and then every PLUS1_AUDIT_CHECKPOINT_SECONDS (the demo)."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                checkpoint_write()
            except Exception:
                logger.exception("Audit checkpoint failed")
            finally:
                close_old_connections()
            if stop.wait(timeout=settings.AUDIT_CHECKPOINT_SECONDS):
                return

    thread = threading.Thread(target=loop, name="plus1-audit-checkpoint", daemon=True)
    thread.start()
    return thread
