# SPDX-License-Identifier: EUPL-1.2
"""The `plus1` command: demo, serve, worker, and every Django management command."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "help"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.settings")
    if command == "demo":
        _demo_environment()
    if command == "worker":
        _worker(args[1:])
        return
    if command == "serve":
        os.environ.setdefault("PLUS1_OUTBOX_WORKER", "celery")
    from django.core.management import execute_from_command_line

    if command == "help":
        print(
            __doc__
            + "\n\nplus1 demo | serve | worker | audit verify | catalog import FILE | <django command>"
        )
        args = ["help"]
    execute_from_command_line(["plus1", *args])


def _demo_environment() -> None:
    """The demo municipality: simulated DigiD, messages written to files, in-process worker."""
    os.environ.setdefault("PLUS1_DEMO_MODE", "true")
    os.environ.setdefault("PLUS1_SECURE_COOKIES", "false")
    os.environ.setdefault("PLUS1_OUTBOX_WORKER", "thread")
    os.environ.setdefault("PLUS1_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    os.environ.setdefault("PLUS1_SECURITY_CONTACT", "mailto:security@plusstad.nl")


def _worker(args: list[str]) -> None:
    """Celery worker with the periodic outbox drain (beat) on the Redis broker."""
    import django

    os.environ.setdefault("PLUS1_OUTBOX_WORKER", "celery")
    django.setup()
    from django.conf import settings

    from plus1.conf.celery import app

    schedule = settings.DATA_DIR / "celerybeat-schedule"
    app.worker_main(["worker", "--beat", f"--schedule={schedule}", "--loglevel=INFO", *args])


if __name__ == "__main__":
    main()
