# SPDX-License-Identifier: EUPL-1.2
"""Small helpers for the hardening settings (kept out of settings.py so they can be tested)."""

from __future__ import annotations

from urllib.parse import urlsplit

# Where the APIs live: ours under /api/v1, the ZGW ones under /<api>/api/v1.
API_PREFIXES = (
    "api/v1",
    "zaken/api/v1",
    "catalogi/api/v1",
    "documenten/api/v1",
    "besluiten/api/v1",
    "autorisaties/api/v1",
    "notificaties/api/v1",
    "referentielijsten/api/v1",
)


def cors_url_pattern() -> str:
    """CORS applies to the APIs only, never to the portal, workbench or admin."""
    return r"^/(" + "|".join(p.replace("/", r"\/") for p in API_PREFIXES) + r")(\/|$)"


def origin_of(url_template: str) -> str:
    """scheme://host[:port] of a URL (template), or "" when it has none."""
    parts = urlsplit(url_template)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def proxy_ssl_header(header: str) -> tuple[str, str] | None:
    """Django's SECURE_PROXY_SSL_HEADER for a header name, or None (trust no proxy)."""
    if not header.strip():
        return None
    return ("HTTP_" + header.strip().upper().replace("-", "_"), "https")
