# SPDX-License-Identifier: EUPL-1.2
"""Repeated wrong passwords lock a staff account (django-axes); the lock-out is audited."""

from __future__ import annotations

import base64

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import UserFactory
from plus1.identity.testing import TEST_PASSWORD, staff_login

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post(reverse("workbench:login"), {"username": username, "password": password})


@pytest.fixture
def staff():
    user = UserFactory(staff=True, username="sanne.bakker")
    TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    return user


@pytest.mark.parametrize("last_password", ["nog-steeds-fout", TEST_PASSWORD])
def test_thirty_wrong_passwords_never_let_the_thirty_first_in(client, staff, last_password):
    answers = [attempt(client, staff.username, f"fout-{n}") for n in range(30)]
    assert all(a.status_code in {200, 429} for a in answers)
    assert not any(a.status_code == 302 for a in answers)

    last = attempt(client, staff.username, last_password)
    assert last.status_code == 429
    text = last.content.decode()
    assert "Uw account is tijdelijk geblokkeerd" in text
    assert "ook niet met het goede wachtwoord" in text
    assert "Neem contact op met functioneel beheer" in text
    assert "plus1_staff_pending" not in client.session and "_auth_user_id" not in client.session
    assert client.get("/werkplek/").status_code == 302
    # A fresh browser (new cookies) is locked out just the same.
    from django.test import Client

    assert attempt(Client(), staff.username, TEST_PASSWORD).status_code == 429


def test_the_lock_out_is_audited_once_with_who_and_how_often(client, staff, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, staff.username, f"fout-{n}").status_code == 200
    assert not AuditEntry.objects.filter(action="staff.locked_out").exists()
    assert attempt(client, staff.username, "fout-laatste").status_code == 429
    for n in range(10):
        attempt(client, staff.username, f"nog-meer-{n}")
    entries = AuditEntry.objects.filter(action="staff.locked_out")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.object_type == "auth.user" and entry.object_id == str(staff.pk)
    assert entry.after["username"] == "sanne.bakker"
    assert entry.after["failures"] == settings.AXES_FAILURE_LIMIT
    assert "fout" not in str(entry.after)  # no password in the audit log


def test_fewer_wrong_passwords_than_the_limit_then_the_right_one_logs_in(client, staff, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, staff.username, f"fout-{n}")
    staff_login(client, staff)
    assert client.get("/werkplek/").status_code == 200
    assert not AccessAttempt.objects.filter(username=staff.username).exists()  # count reset


def test_an_unknown_username_is_locked_out_too(client):
    for n in range(6):
        attempt(client, "bestaat.niet", f"fout-{n}")
    assert attempt(client, "bestaat.niet", "iets").status_code == 429


def test_no_api_checks_a_staff_password(client, staff, settings):
    """Passwords are typed on the login page only: an API neither checks nor counts them."""
    basic = base64.b64encode(f"{staff.username}:fout".encode()).decode()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.get("/api/v1/openapi.json", headers={"Authorization": f"Basic {basic}"})
        assert response.status_code == 200
    assert not AccessAttempt.objects.exists()
    staff_login(client, staff)  # not locked out through the API
