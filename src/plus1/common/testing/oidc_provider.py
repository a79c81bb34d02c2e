# SPDX-License-Identifier: EUPL-1.2
"""A real OpenID Connect provider on 127.0.0.1 for the tests: the DigiD/eHerkenning broker.

It speaks HTTP like a broker does (discovery, authorize with a login form, token, JWKS,
userinfo, end_session) and signs RS256 ID tokens with a key generated at start. ``tamper``
makes it send one kind of bad token, to prove that the portal refuses it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from plus1.identity.assurance import REQUEST_VALUES, Level, level_from_claim

TAMPERINGS = ("audience", "issuer", "nonce", "signature", "expired", "no_bsn")


class LocalBroker:
    def __init__(
        self,
        kind: str = "digid",
        client_id: str = "plus1",
        client_secret: str = "geheim",  # noqa: S107 (a test provider)
    ):
        self.kind = kind
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(4)
        self.tamper = ""
        self.identity: dict[str, str] | None = None  # set: log in without the form
        self.codes: dict[str, dict[str, Any]] = {}
        self.userinfo: dict[str, dict[str, Any]] = {}
        self.issued: list[str] = []  # every ID token handed out
        self.logouts: list[dict[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalBroker:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self, label: str, **claims: str) -> dict[str, Any]:
        """The LOGIN_BROKERS entry for this provider (claim names as in settings_login)."""
        from django.conf import settings

        base = settings.LOGIN_BROKERS[self.kind]
        return {
            **base,
            "label": label,
            "issuer": self.issuer,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "claims": {**base["claims"], **claims},
        }

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def jwks(self) -> dict[str, Any]:
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def claims_for(self, form: dict[str, str]) -> dict[str, Any]:
        """The claims of a login, from the form (or the preset identity)."""
        level = Level(form.get("niveau") or Level.MIDDEN)
        claims: dict[str, Any] = {"acr": REQUEST_VALUES[self.kind][level]}
        if form.get("naam"):
            claims["name"] = form["naam"]
        if self.kind == "eherkenning":
            claims["urn:etoegang:core:LegalSubjectID"] = form.get("kvk", "")
            claims["sub"] = form.get("kvk", "")
            if form.get("vestiging"):
                claims["urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"] = form["vestiging"]
            if form.get("namens"):  # ketenmachtiging: an intermediary acts for the company
                claims["urn:etoegang:1.9:IntermediateEntityID:KvKnr"] = form["namens"]
            return claims
        claims["sub"] = form.get("bsn", "")
        if form.get("namens"):  # DigiD Machtigen: the gemachtigde logs in for someone
            claims["gemachtigde"] = {"bsn": form.get("bsn", "")}
            claims["aanvrager"] = {"bsn": form["namens"], "naam": form.get("namens_naam", "")}
        else:
            claims["bsn"] = form.get("bsn", "")
        return claims

    def issue_code(self, request: dict[str, str], form: dict[str, str]) -> str:
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"request": request, "claims": self.claims_for(form)}
        return code

    def id_token(self, claims: dict[str, Any], nonce: str) -> str:
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **claims,
        }
        key = self.key
        if self.tamper == "audience":
            payload["aud"] = "een-andere-website"
        elif self.tamper == "issuer":
            payload["iss"] = "http://127.0.0.1:1/nep-broker"
        elif self.tamper == "nonce":
            payload["nonce"] = "niet-de-nonce-van-deze-login"
        elif self.tamper == "expired":
            payload["iat"], payload["exp"] = now - 3600, now - 1800
        elif self.tamper == "no_bsn":
            payload.pop("bsn", None)
            payload.pop("aanvrager", None)
        elif self.tamper == "signature":
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": self.kid})
        self.issued.append(token)
        return token


def _handler(broker: LocalBroker) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet in test output
            return

        def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.end_headers()

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            parsed = parse_qs(self.rfile.read(length).decode())
            return {k: v[0] for k, v in parsed.items()}

        def do_GET(self) -> None:
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._send(200, json.dumps(broker.discovery()))
            elif url.path == "/jwks":
                self._send(200, json.dumps(broker.jwks()))
            elif url.path == "/authorize":
                if query.get("client_id") != broker.client_id or "redirect_uri" not in query:
                    self._send(400, json.dumps({"error": "invalid_request"}))
                elif broker.identity is not None:
                    self._back(query, broker.identity)
                else:
                    self._send(200, _login_page(broker, query), "text/html; charset=utf-8")
            elif url.path == "/userinfo":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                claims = broker.userinfo.get(token)
                self._send(200 if claims else 401, json.dumps(claims or {"error": "invalid_token"}))
            elif url.path == "/logout":
                broker.logouts.append(query)
                if query.get("post_logout_redirect_uri"):
                    self._redirect(query["post_logout_redirect_uri"])
                else:
                    self._send(200, "<p>Uitgelogd</p>", "text/html; charset=utf-8")
            else:
                self._send(404, "{}")

        def _back(self, request: dict[str, str], form: dict[str, str]) -> None:
            code = broker.issue_code(request, form)
            params = urlencode({"code": code, "state": request.get("state", "")})
            self._redirect(f"{request['redirect_uri']}?{params}")

        def do_POST(self) -> None:
            form = self._form()
            if self.path == "/authorize":
                request = json.loads(form.pop("request"))
                self._back(request, form)
            elif self.path == "/token":
                self._token(form)
            else:
                self._send(404, "{}")

        def _token(self, form: dict[str, str]) -> None:
            grant = broker.codes.pop(form.get("code", ""), None)
            if (
                grant is None
                or form.get("client_id") != broker.client_id
                or form.get("client_secret") != broker.client_secret
                or form.get("redirect_uri") != grant["request"]["redirect_uri"]
                or not _pkce_ok(grant["request"], form.get("code_verifier", ""))
            ):
                self._send(400, json.dumps({"error": "invalid_grant"}))
                return
            access = secrets.token_urlsafe(16)
            broker.userinfo[access] = grant["claims"]
            token = broker.id_token(grant["claims"], grant["request"].get("nonce", ""))
            body = {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": token,
            }
            self._send(200, json.dumps(body))

    return Handler


def _pkce_ok(request: dict[str, str], verifier: str) -> bool:
    challenge = request.get("code_challenge")
    if not challenge:
        return True
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge


def _login_page(broker: LocalBroker, request: dict[str, str]) -> str:
    asked = (
        level_from_claim(request.get("acr_values")) if request.get("acr_values") else Level.MIDDEN
    )
    options = "".join(
        f'<option value="{level.value}"{" selected" if level == asked else ""}>{level.label}</option>'
        for level in Level
    )
    if broker.kind == "eherkenning":
        fields = [
            ("kvk", "KVK-nummer"),
            ("vestiging", "Vestigingsnummer (niet verplicht)"),
            ("naam", "Naam van het bedrijf"),
            ("namens", "Namens KVK-nummer (ketenmachtiging, niet verplicht)"),
        ]
        title = "Test-eHerkenning"
    else:
        fields = [
            ("bsn", "BSN"),
            ("naam", "Naam"),
            ("namens", "Namens BSN (DigiD Machtigen, niet verplicht)"),
            ("namens_naam", "Naam van wie u vertegenwoordigt (niet verplicht)"),
        ]
        title = "Test-DigiD"
    inputs = "".join(
        f'<p><label for="{name}">{label}</label><br><input id="{name}" name="{name}" type="text"></p>'
        for name, label in fields
    )
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><main><h1>{title}</h1><form method="post" action="/authorize">'
        f'<input type="hidden" name="request" value="{html.escape(json.dumps(request))}">{inputs}'
        f'<p><label for="niveau">Niveau</label><br><select id="niveau" name="niveau">{options}</select></p>'
        f'<button type="submit">Inloggen</button></form></main></body></html>'
    )


def broker_login(client: Any, broker: LocalBroker, identity: dict[str, str], **params: str) -> Any:
    """Log a Django test client in through the broker: start, the broker's answer, callback.

    ``identity`` is what the person would type on the broker's login page.
    """
    import requests

    broker.identity = identity
    start = client.get(f"/inloggen/{broker.kind}/", params)
    assert start.status_code == 302, start.content
    answer = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = urlparse(answer.headers["Location"])
    return client.get(f"{back.path}?{back.query}")
