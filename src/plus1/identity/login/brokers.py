# SPDX-License-Identifier: EUPL-1.2
"""The configured login brokers and their discovery documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.cache import cache

DISCOVERY_PATH = "/.well-known/openid-configuration"
DISCOVERY_CACHE_SECONDS = 3600


class BrokerUnavailable(Exception):
    """The broker's discovery document could not be read or does not fit its issuer."""


@dataclass(frozen=True)
class Broker:
    name: str
    label: str
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    sign_algo: str
    claims_source: str
    claims: dict[str, str]

    @property
    def enabled(self) -> bool:
        return bool(self.issuer and self.client_id)

    def discovery(self) -> dict[str, Any]:
        """The broker's endpoints, read from its discovery document (cached for an hour)."""
        key = f"plus1:oidc-discovery:{self.issuer}"
        document = cache.get(key)
        if document is None:
            document = _fetch_discovery(self.issuer)
            cache.set(key, document, DISCOVERY_CACHE_SECONDS)
        return dict(document)


def _fetch_discovery(issuer: str) -> dict[str, Any]:
    try:
        response = requests.get(
            issuer.rstrip("/") + DISCOVERY_PATH, timeout=settings.LOGIN_BROKER_TIMEOUT
        )
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise BrokerUnavailable(f"discovery of {issuer} failed: {type(exc).__name__}") from exc
    # OpenID Connect Discovery 1.0, section 4.3: the issuer must be the one we asked.
    if not isinstance(document, dict) or document.get("issuer", "").rstrip("/") != issuer.rstrip(
        "/"
    ):
        raise BrokerUnavailable(f"discovery of {issuer} names another issuer")
    missing = {"authorization_endpoint", "token_endpoint", "jwks_uri"} - document.keys()
    if missing:
        raise BrokerUnavailable(f"discovery of {issuer} lacks {sorted(missing)}")
    return document


def broker_named(name: str) -> Broker | None:
    """The broker for DigiD or eHerkenning, if it is configured."""
    config = settings.LOGIN_BROKERS.get(name)
    if config is None:
        return None
    broker = Broker(name=name, **config)
    return broker if broker.enabled else None


def brokers_enabled() -> list[Broker]:
    return [b for name in settings.LOGIN_BROKERS if (b := broker_named(name)) is not None]


def end_session_url(broker: Broker, id_token: str, return_to: str) -> str | None:
    """Where to send the browser to end the session at the broker too (RP-initiated logout)."""
    try:
        endpoint = broker.discovery().get("end_session_endpoint")
    except BrokerUnavailable:
        return None
    if not endpoint:
        return None
    params = {"client_id": broker.client_id, "post_logout_redirect_uri": return_to}
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urlencode(params)}"
