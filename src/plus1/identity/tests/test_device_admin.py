# SPDX-License-Identifier: EUPL-1.2
"""A lost phone: the functional administrator disconnects the app, audited, key never shown."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import UserFactory
from plus1.identity.testing import TEST_PASSWORD, staff_login

pytestmark = pytest.mark.django_db


def test_the_administrator_disconnects_a_lost_app(client):
    admin = staff_login(Client(), UserFactory(staff=True, is_superuser=True))
    staff = UserFactory(staff=True, username="kees")
    device = TOTPDevice.objects.create(user=staff, name="Authenticator-app", confirmed=True)

    page = admin.get(f"/beheer/otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200 and "kees" in page.content.decode()
    assert device.key not in page.content.decode()
    response = admin.post(f"/beheer/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = AuditEntry.objects.get(action="staff.second_factor_disconnected_in_admin")
    assert entry.object_id == str(staff.pk) and device.key not in str(entry.before)

    answer = client.post(
        reverse("workbench:login"), {"username": "kees", "password": TEST_PASSWORD}
    )
    assert answer["Location"].startswith(reverse("workbench:login-setup"))


def test_devices_are_not_made_or_edited_by_hand():
    admin = staff_login(Client(), UserFactory(staff=True, is_superuser=True))
    assert admin.get("/beheer/otp_totp/totpdevice/add/").status_code == 403
    assert admin.get("/beheer/otp_static/staticdevice/add/").status_code == 403
