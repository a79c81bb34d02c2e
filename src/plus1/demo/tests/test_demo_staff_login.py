# SPDX-License-Identifier: EUPL-1.2
"""The demo stays usable: its staff log in with the password and the key the demo prints."""

from __future__ import annotations

import base64
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP

from plus1.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_the_printed_key_gives_the_codes_of_every_demo_account(settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    key = re.search(r"add the demo key ([A-Z2-7]+) to an authenticator app", out.getvalue())
    assert key, out.getvalue()
    code = f"{TOTP(base64.b32decode(key.group(1))).token():06d}"
    for username in ("behandelaar.sociaal", "beheerder"):
        client = Client()
        client.post("/werkplek/inloggen/", {"username": username, "password": DEMO_PASSWORD})
        assert client.post("/werkplek/inloggen/code/", {"code": code}).status_code == 302
        assert client.get("/werkplek/").status_code == 200
