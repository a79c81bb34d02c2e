# SPDX-License-Identifier: EUPL-1.2
"""The second factor of staff: a TOTP app (django-otp) and single-use recovery codes."""

from __future__ import annotations

import time
from base64 import b32encode
from dataclasses import dataclass
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.services import Actor, audit_record

APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"
DEMO_DEVICE_NAME = "Demo-authenticator"  # made by the demo loader only
RECOVERY_CODE_COUNT = 10


@dataclass(frozen=True)
class Verification:
    device: Device | None
    wait_seconds: int = 0  # > 0: too many wrong codes just now, try again after this


def has_second_factor(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_verify(*, user: Any, code: str) -> Verification:
    """Check a code from the app (6 digits) or a recovery code; throttled by django-otp."""
    code = "".join(code.split()).lower()
    is_app_code = len(code) == 6 and code.isdigit()
    model: type[TOTPDevice] | type[StaticDevice] = TOTPDevice if is_app_code else StaticDevice
    wait = 0
    with transaction.atomic():  # select_for_update: a code is accepted once, also in parallel
        for device in model.objects.select_for_update().filter(user=user, confirmed=True):
            allowed, info = device.verify_is_allowed()
            if not allowed:
                until = (info or {}).get("locked_until")
                wait = max(wait, int((until - timezone.now()).total_seconds()) + 1 if until else 1)
                continue
            if device.verify_token(code):
                return Verification(device)
    return Verification(None, wait)


@transaction.atomic
def totp_enrolment_start(*, user: Any) -> TOTPDevice:
    """The not yet confirmed app of a staff member without one (a new secret key)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def totp_enrolment_confirm(*, actor: Actor, user: Any, code: str) -> list[str] | None:
    """The first code from the app confirms it; returns the new recovery codes, else None."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token("".join(code.split())):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(user)
    audit_record(
        actor=actor,
        action="staff.second_factor_enrolled",
        obj=user,
        after={"device": device.name, "recovery_codes": len(codes)},
    )
    return codes


@transaction.atomic
def recovery_codes_renew(*, actor: Actor, user: Any) -> list[str]:
    """New recovery codes; the old ones stop working."""
    codes = _recovery_codes_replace(user)
    audit_record(
        actor=actor,
        action="staff.recovery_codes_renewed",
        obj=user,
        after={"recovery_codes": len(codes)},
    )
    return codes


def _recovery_codes_replace(user: Any) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def qr_code_svg(device: TOTPDevice) -> str:
    """The app's set-up link as an inline SVG QR code, drawn on the server (no JavaScript)."""
    qr = segno.make(device.config_url, error="m")
    return str(qr.svg_inline(scale=5, border=4, svgclass="qr-code", lineclass=None))


def secret_in_groups(device: TOTPDevice) -> str:
    """The secret key as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def next_totp_code(device: TOTPDevice) -> str | None:
    """The code the app shows now, or the next one if that was just used; None if neither."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now_t = totp.t()
    step = max(now_t, device.last_t + 1)
    if step > now_t + device.tolerance:
        return None
    totp.time = time.time() + (step - now_t) * device.step
    return f"{totp.token():0{device.digits}d}"


def demo_code(user: Any) -> str | None:
    """Demo mode only: the current code of a demo account's demo app, shown on the page."""
    if not settings.DEMO_MODE:
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True, name=DEMO_DEVICE_NAME).first()
    return next_totp_code(device) if device else None
