# SPDX-License-Identifier: EUPL-1.2
"""mozilla-django-oidc, configured per broker, with the checks an ID token needs.

The library does the code flow, the token exchange, the JWKS lookup, the signature and the
nonce. We add what it leaves out (audience, issuer, expiry are checked and required) and
turn the claims into a Party instead of an e-mail user.
"""

from __future__ import annotations

from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from plus1.identity.login.brokers import Broker
from plus1.identity.login.claims import BrokerIdentity, LoginRefused, identity_from_claims
from plus1.identity.services import SignIn, party_sign_in

_TOKEN_ERRORS: list[tuple[type[Exception], str]] = [
    (jwt.ExpiredSignatureError, "expired"),
    (jwt.InvalidAudienceError, "audience"),
    (jwt.InvalidIssuerError, "issuer"),
    (jwt.InvalidSignatureError, "signature"),
    (jwt.MissingRequiredClaimError, "token_claims"),
    (jwt.ImmatureSignatureError, "not_yet_valid"),
    (jwt.InvalidTokenError, "token"),
]


def broker_settings(broker: Broker, callback_url_name: str) -> dict[str, Any]:
    """The library's OIDC_* settings for one broker."""
    endpoints = broker.discovery()
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": endpoints["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": endpoints["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": endpoints.get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": endpoints["jwks_uri"],
        "OIDC_RP_CLIENT_ID": broker.client_id,
        "OIDC_RP_CLIENT_SECRET": broker.client_secret,
        "OIDC_RP_SIGN_ALGO": broker.sign_algo,
        "OIDC_RP_SCOPES": broker.scopes,
        "OIDC_AUTHENTICATION_CALLBACK_URL": callback_url_name,
        "OIDC_TIMEOUT": settings.LOGIN_BROKER_TIMEOUT,
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_STORE_ID_TOKEN": True,  # the id_token_hint for logging out at the broker
        "OIDC_ALLOW_UNSECURED_JWT": False,
    }


class BrokerBackend(OIDCAuthenticationBackend):
    """Not in AUTHENTICATION_BACKENDS: the callback view calls it for its own broker."""

    def __init__(self, broker: Broker, callback_url_name: str) -> None:
        self.broker = broker
        self._settings = broker_settings(broker, callback_url_name)
        self.issuer = broker.discovery()["issuer"]
        self.sign_in: SignIn | None = None
        super().__init__()

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        if attr in self._settings:
            return self._settings[attr]
        return import_from_settings(attr, *args)

    def _verify_jws(self, payload: Any, key: Any) -> Any:
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise LoginRefused("algorithm")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.issuer,
                leeway=settings.LOGIN_TOKEN_LEEWAY,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise LoginRefused(_reason(exc)) from exc

    def verify_token(self, token: Any, **kwargs: Any) -> Any:
        try:
            return super().verify_token(token, **kwargs)
        except jwt.InvalidTokenError as exc:  # e.g. a header that is no JWT at all
            raise LoginRefused(_reason(exc)) from exc
        except SuspiciousOperation as exc:
            text = str(exc)
            raise LoginRefused(
                "nonce" if "Nonce" in text else "signature" if "JWK" in text else "token"
            ) from exc

    def get_userinfo(self, access_token: Any, id_token: Any, payload: Any) -> Any:
        if self.broker.claims_source == "userinfo":
            return super().get_userinfo(access_token, id_token, payload)
        return payload

    def get_or_create_user(self, access_token: Any, id_token: Any, payload: Any) -> User:
        claims = self.get_userinfo(access_token, id_token, payload)
        if self.broker.claims_source == "userinfo" and claims.get("sub") != payload.get("sub"):
            raise LoginRefused("userinfo_subject")
        identity: BrokerIdentity = identity_from_claims(self.broker, claims)
        self.sign_in = party_sign_in(identity=identity)
        return self.sign_in.user


def _reason(exc: Exception) -> str:
    return next(reason for kind, reason in _TOKEN_ERRORS if isinstance(exc, kind))
