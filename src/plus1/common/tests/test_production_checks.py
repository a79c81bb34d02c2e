# SPDX-License-Identifier: EUPL-1.2
"""The production checks are Django deploy checks: `check --deploy`, `plus1 serve` and the
production WSGI module (any other server) all refuse unsafe settings."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from plus1.common.checks import TAG

GOOD_SECRET = "s3cr3t-" + "".join(chr(97 + i % 26) for i in range(60))
BSN_KEY = Fernet.generate_key().decode()
INDEX_KEY = "index-key-" + "0123456789abcdefghijklmnopqrstuvwxyz"


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.DEMO_MODE = False
    settings.SECRET_KEY = GOOD_SECRET
    settings.BSN_KEY, settings.BSN_PREVIOUS_KEYS, settings.BSN_INDEX_KEY = BSN_KEY, [], INDEX_KEY
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURITY_CONTACT = ["mailto:security@plusstad.nl"]
    return settings


def errors():
    return {
        message.id: message.msg
        for message in run_checks(include_deployment_checks=True, tags=[TAG])
        if message.is_serious()
    }


def test_production_settings_pass(production):
    assert errors() == {}


def test_check_deploy_lists_every_problem_of_the_demo_settings(settings):
    settings.DEBUG, settings.DEMO_MODE = True, True
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True)
    text = str(exc.value)
    for expected in ("PLUS1_DEBUG", "PLUS1_SECRET_KEY", "PLUS1_DEMO_MODE", "PLUS1_BSN_KEY"):
        assert expected in text
    call_command("check")  # without --deploy (development, the demo) nothing is refused


@pytest.mark.parametrize(
    ("length", "refused"), [(49, True), (50, False)], ids=["49 characters", "50 characters"]
)
def test_secret_keys_shorter_than_50_characters_are_refused(production, length, refused):
    production.SECRET_KEY = GOOD_SECRET[:length]
    assert ("plus1.E002" in errors()) is refused


def test_a_repetitive_secret_key_is_refused(production):
    production.SECRET_KEY = "ab" * 40
    assert "plus1.E002" in errors()


def test_the_bsn_keys_are_required_and_their_own(production):
    production.BSN_KEY = ""
    assert "plus1.E004" in errors()
    production.BSN_KEY, production.BSN_INDEX_KEY = BSN_KEY, ""
    assert "plus1.E004" in errors()
    production.BSN_INDEX_KEY = GOOD_SECRET
    assert "equals PLUS1_SECRET_KEY" in errors()["plus1.E005"]
    production.BSN_INDEX_KEY = "too-short"
    assert "shorter than 32" in errors()["plus1.E005"]
    production.BSN_INDEX_KEY, production.BSN_KEY = INDEX_KEY, "not-a-fernet-key"
    assert "plus1 keys generate" in errors()["plus1.E005"]


def test_cookies_over_plain_http_are_refused(production):
    production.SESSION_COOKIE_SECURE = False
    assert "plus1.E006" in errors()


def test_serve_refuses_before_starting_anything(settings):
    settings.BSN_KEY = ""
    with pytest.raises(CommandError, match="PLUS1_BSN_KEY"):
        call_command("serve")


def _load_wsgi(tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PLUS1_")
        and key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(PLUS1_DATA_DIR=str(tmp_path), PLUS1_LOG_LEVEL="ERROR", **env)
    return subprocess.run(  # noqa: S603 (this interpreter, our own module)
        [sys.executable, "-c", "import plus1.conf.wsgi"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_another_wsgi_server_cannot_load_the_app_with_unsafe_settings(tmp_path):
    result = _load_wsgi(tmp_path, PLUS1_DEMO_MODE="true")
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    assert "PLUS1_DEMO_MODE" in result.stderr and "PLUS1_BSN_KEY" in result.stderr


def test_another_wsgi_server_loads_the_app_with_production_settings(tmp_path):
    from plus1.audit.keys import key_generate

    key_generate(tmp_path / "audit-signing-key.pem")
    result = _load_wsgi(
        tmp_path,
        PLUS1_SECRET_KEY=GOOD_SECRET,
        PLUS1_BSN_KEY=BSN_KEY,
        PLUS1_BSN_INDEX_KEY=INDEX_KEY,
        PLUS1_SECURITY_CONTACT="mailto:security@plusstad.nl",
    )
    assert result.returncode == 0, result.stderr
