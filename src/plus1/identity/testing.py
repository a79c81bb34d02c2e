# SPDX-License-Identifier: EUPL-1.2
"""Test helper: log a staff member in through both real steps of the workbench login."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.identity.second_factor import APP_DEVICE_NAME, RECOVERY_DEVICE_NAME, next_totp_code

TEST_PASSWORD = "geheim-wachtwoord"  # noqa: S105 (UserFactory's password)


def staff_login(client: Client, user: Any, password: str = TEST_PASSWORD) -> Client:
    """Password, then a code from the user's app (one is connected if the user has none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
    response = client.post(
        reverse("workbench:login"), {"username": user.get_username(), "password": password}
    )
    assert response.status_code == 302, f"password step refused for {user}"
    code = next_totp_code(device) or _recovery_code(user)  # each app code is accepted once
    response = client.post(reverse("workbench:login-code"), {"code": code})
    assert response.status_code == 302, f"second factor refused for {user}"
    return client


def _recovery_code(user: Any) -> str:
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    token = StaticToken.random_token()
    device.token_set.create(token=token)
    return token
