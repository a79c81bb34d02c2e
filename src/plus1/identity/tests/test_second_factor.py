# SPDX-License-Identifier: EUPL-1.2
"""Staff log in with a password and then a code from their app, or a recovery code."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.models import AuditEntry
from plus1.common.testing.factories import UserFactory
from plus1.identity.second_factor import next_totp_code
from plus1.identity.testing import TEST_PASSWORD, staff_login

pytestmark = pytest.mark.django_db

INBOX = "/werkplek/"


def password_step(client, user, password=TEST_PASSWORD, next_url=""):
    data = {"username": user.username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("workbench:login"), data)


@pytest.fixture
def staff():
    user = UserFactory(staff=True, first_name="Bram")
    TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    return user


def app_code(user):
    return next_totp_code(TOTPDevice.objects.get(user=user, confirmed=True))


def test_the_password_alone_does_not_log_in(client, staff):
    response = password_step(client, staff)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workbench:login-code"))
    assert "_auth_user_id" not in client.session
    page = client.get(INBOX)
    assert page.status_code == 302 and page["Location"].startswith(reverse("workbench:login"))


def test_the_code_from_the_app_completes_the_login(client, staff):
    password_step(client, staff, next_url="/werkplek/?gebied=")
    page = client.get(reverse("workbench:login-code"))
    assert "Stap 2 van 2" in page.content.decode()
    response = client.post(
        reverse("workbench:login-code"), {"code": app_code(staff), "next": "/werkplek/?gebied="}
    )
    assert response.status_code == 302 and response["Location"] == "/werkplek/?gebied="
    assert client.get(INBOX).status_code == 200


def test_a_wrong_code_is_refused_in_dutch_and_logs_nobody_in(client, staff):
    password_step(client, staff)
    wrong = f"{(int(app_code(staff)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("workbench:login-code"), {"code": wrong})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert "_auth_user_id" not in client.session
    again = client.post(reverse("workbench:login-code"), {"code": app_code(staff)})
    assert "Te veel verkeerde codes achter elkaar. Wacht" in again.content.decode()


def test_a_code_is_accepted_once(client, staff, django_user_model):
    password_step(client, staff)
    code = app_code(staff)
    client.post(reverse("workbench:login-code"), {"code": code})
    assert client.get(INBOX).status_code == 200
    client.post(reverse("workbench:logout"))
    password_step(client, staff)
    device = TOTPDevice.objects.get(user=staff)
    device.throttle_reset()
    response = client.post(reverse("workbench:login-code"), {"code": code})
    assert response.status_code == 400 and "_auth_user_id" not in client.session


def test_the_halfway_state_lasts_five_minutes(client, staff, monkeypatch):
    password_step(client, staff)
    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post(reverse("workbench:login-code"), {"code": app_code(staff)})
    assert response.status_code == 302 and response["Location"].startswith("/werkplek/inloggen/")
    assert "_auth_user_id" not in client.session


def test_someone_who_is_not_staff_gets_the_same_answer_as_a_wrong_password(client):
    resident_user = UserFactory()
    response = password_step(client, resident_user)
    assert response.status_code == 200
    assert "De combinatie van gebruikersnaam en wachtwoord klopt niet" in response.content.decode()


def test_first_login_connects_an_app_and_shows_recovery_codes_once(client):
    staff = UserFactory(staff=True)
    response = password_step(client, staff)
    assert response["Location"].startswith(reverse("workbench:login-setup"))
    page = client.get(reverse("workbench:login-setup")).content.decode()
    assert "<svg" in page and "QR-code om de app te koppelen" in page
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode()

    refused = client.post(reverse("workbench:login-setup"), {"code": "000000x"})
    assert refused.status_code == 400 and "Deze code klopt niet" in refused.content.decode()
    device.throttle_reset()
    totp = TOTP(device.bin_key)
    response = client.post(reverse("workbench:login-setup"), {"code": f"{totp.token():06d}"})
    assert response["Location"].startswith(reverse("workbench:recovery-codes"))

    shown = client.get(reverse("workbench:recovery-codes")).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown)
    assert len(codes) == 10 and "U ziet deze codes alleen nu" in shown
    again = client.get(reverse("workbench:recovery-codes")).content.decode()
    assert codes[0] not in again and "al getoond" in again
    assert AuditEntry.objects.filter(action="staff.second_factor_enrolled").count() == 1

    client.post(reverse("workbench:logout"))
    password_step(client, staff)
    assert client.post(reverse("workbench:login-code"), {"code": codes[0]}).status_code == 302
    assert client.get(INBOX).status_code == 200
    client.post(reverse("workbench:logout"))
    password_step(client, staff)
    reused = client.post(reverse("workbench:login-code"), {"code": codes[0]})
    assert reused.status_code == 400  # each recovery code works once


def test_a_password_alone_cannot_replace_a_connected_app(client, staff):
    password_step(client, staff)
    response = client.get(reverse("workbench:login-setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workbench:login-code"))
    assert not TOTPDevice.objects.filter(user=staff, confirmed=False).exists()


def test_new_recovery_codes_replace_the_old_ones(client, staff):
    staff_login(client, staff)
    client.post(reverse("workbench:recovery-codes"))
    first = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>",
        client.get(reverse("workbench:recovery-codes")).content.decode(),
    )
    client.post(reverse("workbench:recovery-codes"))
    assert len(first) == 10
    client.post(reverse("workbench:logout"))
    password_step(client, staff)
    assert client.post(reverse("workbench:login-code"), {"code": first[0]}).status_code == 400
    assert AuditEntry.objects.filter(action="staff.recovery_codes_renewed").count() == 2


def test_the_demo_code_is_shown_in_demo_mode_only(client, settings):
    from plus1.demo.loader import DEMO_PASSWORD, demo_load

    settings.DEMO_MODE = True
    demo_load()
    user = get_user_model().objects.get(username="behandelaar.sociaal")
    password_step(client, user, DEMO_PASSWORD)
    page = client.get(reverse("workbench:login-code")).content.decode()
    shown = re.search(r"is nu <code>(\d{6})</code>", page).group(1)
    assert "Alleen in de demo" in page
    assert client.post(reverse("workbench:login-code"), {"code": shown}).status_code == 302

    client.post(reverse("workbench:logout"))
    settings.DEMO_MODE = False
    password_step(client, user, DEMO_PASSWORD)
    page = client.get(reverse("workbench:login-code")).content.decode()
    assert "Alleen in de demo" not in page and not re.search(r"\d{6}</code>", page)
