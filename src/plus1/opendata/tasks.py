# SPDX-License-Identifier: EUPL-1.2
"""The daily open-data build: a Celery task in production (scheduled in conf/celery.py), a
thread in `plus1 demo`."""

from __future__ import annotations

import logging
import threading

from celery import shared_task
from django.db import close_old_connections

from plus1.opendata.build import opendata_build

logger = logging.getLogger(__name__)

DAY_SECONDS = 24 * 60 * 60


@shared_task(name="plus1.opendata.build", ignore_result=True)
def build_opendata() -> str:
    return str(opendata_build().folder)


def start_in_process() -> threading.Thread:
    """Build now and then once a day (the demo); a failed build keeps the previous one."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                opendata_build()
            except Exception:
                logger.exception("Open-data build failed; the previous publication stays")
            finally:
                close_old_connections()
            if stop.wait(timeout=DAY_SECONDS):
                return

    thread = threading.Thread(target=loop, name="plus1-opendata", daemon=True)
    thread.start()
    return thread
