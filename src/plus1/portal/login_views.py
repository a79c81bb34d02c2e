# SPDX-License-Identifier: EUPL-1.2
"""Logging in with DigiD or eHerkenning through the broker, and staying logged in."""

from __future__ import annotations

import logging
import time
from typing import Any

import requests
from django.contrib.auth import login, logout
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from plus1.identity.assurance import REQUEST_VALUES, Level
from plus1.identity.login.backend import BrokerBackend, broker_settings
from plus1.identity.login.brokers import Broker, BrokerUnavailable, broker_named, end_session_url
from plus1.identity.login.claims import LoginRefused
from plus1.identity.login.session import PortalLogin, expires_at, login_of, login_remember
from plus1.privacy.declarations import no_personal_data

LOGGER = logging.getLogger("plus1.identity.login")
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

SUSPICIOUS = _(
    "We konden niet controleren dat het antwoord echt van {label} kwam en voor deze "
    "website bedoeld was."
)
REASONS = {
    "expired": _(
        "Het antwoord van {label} was verlopen. Dat gebeurt als het inloggen te lang duurde."
    ),
    "no_bsn": _("{label} gaf geen burgerservicenummer door."),
    "bad_bsn": _("{label} gaf een burgerservicenummer door dat niet klopt."),
    "no_kvk": _("{label} gaf geen KVK-nummer door."),
    "bad_kvk": _("{label} gaf een KVK-nummer door dat niet klopt."),
    "branch": _("{label} gaf een vestigingsnummer door dat niet klopt."),
    "cancelled": _("Het inloggen is afgebroken, of {label} kon u niet inloggen."),
    "unreachable": _("{label} is nu niet bereikbaar. Probeer het over een paar minuten opnieuw."),
}


def callback_name(broker_name: str) -> str:
    return f"portal:login-{broker_name}-callback"


class BrokerLoginStart(OIDCAuthenticationRequestView):
    """Sends the browser to the broker, asking for a level when a product needs one."""

    broker_name = ""
    personal_data = False  # declaration (plus1.privacy.declarations): a redirect only

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the broker's endpoints are read per request

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        broker = broker_named(self.broker_name)
        if broker is None:
            raise Http404
        try:
            self._settings = broker_settings(broker, callback_name(broker.name))
        except BrokerUnavailable as exc:
            LOGGER.warning("login broker %s unavailable: %s", broker.name, exc)
            return refused(request, broker, "unreachable", status=503)
        self.broker = broker
        self.OIDC_OP_AUTH_ENDPOINT = self._settings["OIDC_OP_AUTHORIZATION_ENDPOINT"]
        self.OIDC_RP_CLIENT_ID = broker.client_id
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        if attr in self._settings:
            return self._settings[attr]
        return import_from_settings(attr, *args)

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        level = request.GET.get("niveau", "")
        if level in Level.values:
            return {"acr_values": REQUEST_VALUES[self.broker.name][Level(level)]}
        return {}


class BrokerLoginCallback(View):
    """The broker sends the browser back here with a code; we check everything and log in."""

    broker_name = ""
    personal_data = False  # declaration: logs in, shows nobody's data
    http_method_names = ["get"]

    def get(self, request: HttpRequest) -> HttpResponse:
        broker = broker_named(self.broker_name)
        if broker is None:
            raise Http404
        next_url = request.session.get("oidc_login_next")
        try:
            backend = self._authenticate(request, broker)
        except LoginRefused as exc:
            return refused(request, broker, exc.reason)
        except (BrokerUnavailable, requests.RequestException) as exc:
            LOGGER.warning("login broker %s unavailable: %s", broker.name, type(exc).__name__)
            return refused(request, broker, "unreachable", status=503)
        sign_in = backend.sign_in
        if sign_in is None:
            return refused(request, broker, "cancelled")
        id_token = request.session.get("oidc_id_token", "")
        login(request, sign_in.user, backend=MODEL_BACKEND)
        request.session["oidc_id_token"] = id_token
        representative = sign_in.representative
        login_remember(
            request,
            PortalLogin(
                broker=broker.name,
                level=sign_in.level,
                representative_uuid=str(representative.uuid) if representative else "",
                representative_name=representative.name if representative else "",
                representative_user_id=representative.user_id if representative else None,
                branch=sign_in.branch,
            ),
        )
        return redirect(safe_next(request, next_url))

    def _authenticate(self, request: HttpRequest, broker: Broker) -> BrokerBackend:
        if request.GET.get("error"):
            raise LoginRefused("cancelled")
        code, state = request.GET.get("code"), request.GET.get("state")
        states = request.session.get("oidc_states") or {}
        if not code or not state or state not in states:
            raise LoginRefused("state")
        entry = states.pop(state)  # one use only: a replayed callback is refused
        request.session["oidc_states"] = states
        request.session.save()
        backend = BrokerBackend(broker, callback_name(broker.name))
        try:
            backend.authenticate(
                request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier")
            )
        except SuspiciousOperation as exc:
            raise LoginRefused("token") from exc
        return backend


def refused(request: HttpRequest, broker: Broker, reason: str, status: int = 400) -> HttpResponse:
    """The Dutch explanation and a new login; logged with the reason, never the token."""
    LOGGER.warning("login through %s refused: %s", broker.name, reason)
    if request.user.is_authenticated:
        logout(request)
    context = {
        "broker": broker,
        "reason": str(REASONS.get(reason, SUSPICIOUS)).format(label=broker.label),
        "retry_url": reverse(f"portal:login-{broker.name}"),
    }
    return render(request, "portal/login_refused.html", context, status=status)


def safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("portal:my-cases")


@no_personal_data
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out here, and at the broker too when the login came from one."""
    portal_login = login_of(request)
    id_token = request.session.get("oidc_id_token", "")
    logout(request)
    broker = broker_named(portal_login.broker) if portal_login else None
    if broker is not None:
        url = end_session_url(broker, id_token, request.build_absolute_uri(reverse("portal:home")))
        if url:
            return HttpResponseRedirect(url)
    return redirect("portal:home")


@no_personal_data
@require_POST
def session_extend(request: HttpRequest) -> HttpResponse:
    """ "Ingelogd blijven": the idle time-out middleware has counted this request already."""
    expiry = expires_at(request) if login_of(request) else None
    if request.headers.get("Accept") == "application/json":
        if expiry is None:
            return JsonResponse({"ingelogd": False}, status=401)
        return JsonResponse({"ingelogd": True, "verloopt": expiry, "nu": time.time()})
    return redirect(safe_next(request, request.headers.get("Referer")))
