# SPDX-License-Identifier: EUPL-1.2
"""Production checks, as Django deploy checks (`plus1 check --deploy`).

`plus1 serve` runs them, and so does plus1.conf.wsgi when any other WSGI server (gunicorn,
uWSGI, mod_wsgi) loads the application: unsafe settings never serve a request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from plus1.common import bsn as bsn_crypto

TAG = "plus1_production"
MIN_SECRET_KEY_LENGTH = 50


@checks.register(TAG, checks.Tags.security, deploy=True)
def production_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return [checks.Error(text, id=f"plus1.E{number:03d}") for number, text in _problems()]


@checks.register(TAG, checks.Tags.security, deploy=True)
def security_contact(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.SECURITY_CONTACT:
        return []
    return [
        checks.Warning(
            "PLUS1_SECURITY_CONTACT is empty: /.well-known/security.txt gives no address "
            "to report a vulnerability to.",
            id="plus1.W001",
        )
    ]


def _problems() -> list[tuple[int, str]]:
    problems = []
    if settings.DEBUG:
        problems.append((1, "PLUS1_DEBUG is on; switch it off in production."))
    secret = settings.SECRET_KEY
    if secret == settings.DEMO_SECRET_KEY:
        problems.append((2, "PLUS1_SECRET_KEY is the demo default; set a random secret."))
    elif len(secret) < MIN_SECRET_KEY_LENGTH or len(set(secret)) < 5:
        problems.append(
            (
                2,
                f"PLUS1_SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters (or too "
                "repetitive); set a long random secret.",
            )
        )
    if settings.DEMO_MODE:
        problems.append((3, "PLUS1_DEMO_MODE is on; the simulated DigiD login must not be public."))
    if not bsn_crypto.keys_configured():
        problems.append(
            (
                4,
                "PLUS1_BSN_KEY and PLUS1_BSN_INDEX_KEY must be set (their own keys, never "
                "derived from the secret key); make the encryption key with `plus1 keys generate`.",
            )
        )
    problems.extend((5, text) for text in bsn_crypto.key_problems())
    if not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        problems.append((6, "PLUS1_SECURE_COOKIES is off; cookies must only travel over HTTPS."))
    if not Path(settings.AUDIT_SIGNING_KEY_FILE).exists():
        problems.append(
            (
                7,
                "PLUS1_AUDIT_SIGNING_KEY_FILE does not exist; make the audit key with "
                "`plus1 audit keygen` and keep it where the database cannot reach it.",
            )
        )
    return problems


def refuse_unsafe_production_settings() -> None:
    """Raise with every problem at once when the production checks find an error."""
    errors = [
        message
        for message in checks.run_checks(include_deployment_checks=True, tags=[TAG])
        if message.is_serious()
    ]
    if errors:
        raise ImproperlyConfigured(
            "Refusing to start:\n" + "\n".join(f"- {e.msg} ({e.id})" for e in errors)
        )
