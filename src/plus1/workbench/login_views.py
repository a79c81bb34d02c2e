# SPDX-License-Identifier: EUPL-1.2
"""Staff login in two steps: password, then a code from the app or a recovery code.

A staff member without an app sets one up between the two (QR code drawn on the server) and
then sees their recovery codes once. See plus1.identity.staff_login for the session states.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from plus1.audit.services import Actor
from plus1.identity.decorators import staff_required
from plus1.identity.middleware import second_factor_not_required
from plus1.identity.second_factor import (
    demo_code,
    has_second_factor,
    qr_code_svg,
    recovery_codes_renew,
    second_factor_verify,
    secret_in_groups,
    totp_enrolment_confirm,
    totp_enrolment_start,
)
from plus1.identity.staff_login import login_complete, pending_start, pending_user
from plus1.privacy.declarations import no_personal_data

RECOVERY_CODES_KEY = "plus1_recovery_codes_to_show"
WRONG_CODE = "Deze code klopt niet. Typ de 6 cijfers die de app nu toont, of een herstelcode."


class StaffPasswordForm(AuthenticationForm):
    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.is_staff:  # the same answer as a wrong password: no hint who exists
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


@second_factor_not_required
class LoginView(auth_views.LoginView):
    """Step 1: the password. Right: on to step 2, still not logged in."""

    personal_data = False
    template_name = "workbench/login.html"
    authentication_form = StaffPasswordForm

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        pending_start(self.request, user)
        step = "workbench:login-code" if has_second_factor(user) else "workbench:login-setup"
        return redirect(_with_next(reverse(step), self.get_redirect_url()))


@no_personal_data
@second_factor_not_required
@never_cache
@sensitive_post_parameters("code")
def login_code(request: HttpRequest) -> HttpResponse:
    """Step 2: the code from the app, or one of the recovery codes."""
    user = pending_user(request)
    if user is None:
        return _back_to_password(request)
    if not has_second_factor(user):
        return redirect(_with_next(reverse("workbench:login-setup"), _next(request)))
    error = ""
    if request.method == "POST":
        result = second_factor_verify(user=user, code=request.POST.get("code", ""))
        if result.device is not None:
            login_complete(request, user, result.device)
            return redirect(_next(request) or reverse("workbench:inbox"))
        error = (
            f"Te veel verkeerde codes achter elkaar. Wacht {result.wait_seconds} seconden "
            "en probeer het dan opnieuw."
            if result.wait_seconds
            else WRONG_CODE
        )
    context = {"error": error, "next": _next(request), "demo_code": demo_code(user)}
    return render(request, "workbench/login_code.html", context, status=400 if error else 200)


@no_personal_data
@second_factor_not_required
@never_cache
@sensitive_post_parameters("code")
def login_setup(request: HttpRequest) -> HttpResponse:
    """Between the steps, once: connect an authenticator app to the account."""
    user = pending_user(request)
    if user is None:
        return _back_to_password(request)
    if has_second_factor(user):  # a password alone never replaces an app that exists
        return redirect(_with_next(reverse("workbench:login-code"), _next(request)))
    device = totp_enrolment_start(user=user)
    error = ""
    if request.method == "POST":
        codes = totp_enrolment_confirm(
            actor=Actor.from_user(user), user=user, code=request.POST.get("code", "")
        )
        if codes is not None:
            device.refresh_from_db()
            login_complete(request, user, device)
            request.session[RECOVERY_CODES_KEY] = codes
            return redirect(_with_next(reverse("workbench:recovery-codes"), _next(request)))
        error = "Deze code klopt niet. Typ de 6 cijfers die de app nu toont voor dit account."
    context = {
        "error": error,
        "next": _next(request),
        "qr_code": mark_safe(qr_code_svg(device)),  # noqa: S308 (drawn by segno, no user input)
        "secret": secret_in_groups(device),
    }
    return render(request, "workbench/login_setup.html", context, status=400 if error else 200)


@no_personal_data
@staff_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once after they are made; new ones on request."""
    if request.method == "POST":
        codes = recovery_codes_renew(actor=Actor.from_user(request.user), user=request.user)
        request.session[RECOVERY_CODES_KEY] = codes
        return redirect("workbench:recovery-codes")
    context = {"codes": request.session.pop(RECOVERY_CODES_KEY, None), "next": _next(request)}
    return render(request, "workbench/recovery_codes.html", context)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def _with_next(url: str, target: str) -> str:
    return f"{url}?{urlencode({'next': target})}" if target else url


def _back_to_password(request: HttpRequest) -> HttpResponse:
    messages.info(request, "Log eerst in met uw gebruikersnaam en wachtwoord.")
    return redirect(_with_next(reverse("workbench:login"), _next(request)))
