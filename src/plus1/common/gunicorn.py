# SPDX-License-Identifier: EUPL-1.2
"""The gunicorn application behind `plus1 serve`.

Two things a plain `gunicorn plus1.conf.wsgi` gets wrong for us:

- the access log prints query strings, so a BSN filter of the Zaken API would land in the
  log in clear text: every gunicorn log line goes through the BSN-scrubbing filter;
- anything the master did with the database (checks, migrate) leaves a connection that
  forked workers would inherit and share: the master closes every connection before it
  forks, so each worker opens its own.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from plus1.common.logging import ScrubBsnFilter

WSGI_APP = "plus1.conf.wsgi:application"


class ScrubbingLogger(Logger):
    """gunicorn's logger with BSNs masked in the error and the access log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, ScrubBsnFilter) for f in log.filters):
                log.addFilter(ScrubBsnFilter())


def close_connections_before_fork(server: Any, worker: Any) -> None:
    connections.close_all()


#: Seconds an idle keep-alive connection stays open: longer than the idle timeout of the
#: usual reverse proxies and API clients' pools (nginx upstream keepalive_timeout 60 s), so
#: the proxy closes first and never sends a request on a connection gunicorn just dropped
#: (gunicorn's default of 2 s made pooled clients fail now and then).
KEEPALIVE = 75


class Plus1Server(BaseApplication):  # type: ignore[misc]  # gunicorn ships no types
    def __init__(
        self, *, bind: str, workers: int, threads: int = 1, keepalive: int = KEEPALIVE
    ) -> None:
        self.options = {
            "bind": bind,
            "workers": workers,
            # threads > 1: the gthread worker (keep-alive needs it; sync workers close)
            "threads": threads,
            "worker_class": "gthread",
            "keepalive": keepalive,
            "accesslog": "-",
            "logger_class": ScrubbingLogger,
            "pre_fork": close_connections_before_fork,
        }
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        # The production WSGI module, by name as gunicorn loads it (it runs the deploy checks).
        return util.import_app(WSGI_APP)

    def run(self) -> None:
        connections.close_all()
        super().run()
