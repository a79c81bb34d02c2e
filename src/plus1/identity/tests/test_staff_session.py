# SPDX-License-Identifier: EUPL-1.2
"""A staff session ends after a working day (PLUS1_STAFF_SESSION_HOURS), however busy."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.common.testing.factories import UserFactory
from plus1.identity.testing import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    staff = UserFactory(staff=True)
    TOTPDevice.objects.create(user=staff, name="Authenticator-app", confirmed=True)
    return staff_login(client, staff)


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_the_session_ends_after_a_working_day(logged_in, monkeypatch, settings):
    start = timezone.now()
    assert settings.STAFF_SESSION_HOURS == 9
    expiry = logged_in.session.get_expiry_date()
    assert abs((expiry - start) - dt.timedelta(hours=9, minutes=15)) < dt.timedelta(minutes=1)

    at(monkeypatch, start + dt.timedelta(hours=8, minutes=50))
    assert logged_in.get("/werkplek/").status_code == 200  # busy all day: still the same day
    at(monkeypatch, start + dt.timedelta(hours=9, minutes=1))
    response = logged_in.get("/werkplek/", follow=True)
    assert response.redirect_chain[0][0].startswith("/werkplek/inloggen/")
    assert "Uw werkdag zit erop: log opnieuw in" in response.content.decode()
    assert "_auth_user_id" not in logged_in.session


def test_the_working_day_is_configurable(client, monkeypatch, settings):
    settings.STAFF_SESSION_HOURS = 4
    staff = UserFactory(staff=True)
    staff_login(client, staff)
    start = timezone.now()
    at(monkeypatch, start + dt.timedelta(hours=4, minutes=1))
    response = client.get("/werkplek/", follow=True)
    assert "Uw werkdag zit erop" in response.content.decode()
