# SPDX-License-Identifier: EUPL-1.2
"""Who drains the outbox: a thread inside `plus1 demo`, Celery workers in production."""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)

_wake = threading.Event()


def kick() -> None:
    """Called after a commit that wrote outbox rows: deliver soon. The periodic drain
    is the safety net, so a failed kick loses nothing."""
    if settings.OUTBOX_WORKER == "thread":
        _wake.set()
    elif settings.OUTBOX_WORKER == "celery":
        from plus1.events.tasks import drain_outbox

        try:
            drain_outbox.delay()
        except Exception:
            logger.warning("Could not reach the Celery broker; the periodic drain will deliver")


def start_in_process() -> threading.Thread:
    """Start the embedded worker thread (used by `plus1 demo`)."""
    from plus1.events.services import outbox_drain

    def loop() -> None:
        while True:
            _wake.wait(timeout=settings.OUTBOX_POLL_SECONDS)
            _wake.clear()
            try:
                outbox_drain()
            except Exception:
                logger.exception("Outbox drain failed; retrying")
            finally:
                close_old_connections()

    thread = threading.Thread(target=loop, name="plus1-outbox", daemon=True)
    thread.start()
    return thread
