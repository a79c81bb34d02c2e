# SPDX-License-Identifier: EUPL-1.2
"""Test settings shared by every app: fast hashing, local memory mail and cache, no worker."""

import pytest

# Fixtures of the conversation tests (cases, portal, workbench): a case, staff, a resident.
pytest_plugins = ["plus1.cases.tests.conversation_fixtures"]


@pytest.fixture(scope="session")
def audit_key_file(tmp_path_factory):
    """One audit signing key for the whole run (the keys module caches it per path)."""
    return tmp_path_factory.mktemp("audit-key") / "audit-signing-key.pem"


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path, audit_key_file):
    settings.AUDIT_SIGNING_KEY_FILE = audit_key_file
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.OUTBOX_WORKER = "none"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    """A request in English leaves English active in the thread; the next test starts Dutch."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def freezer_today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def brokers(settings):
    """Real OIDC providers on 127.0.0.1 acting as the DigiD and eHerkenning brokers."""
    from plus1.common.testing.oidc_provider import LocalBroker

    with LocalBroker("digid") as digid, LocalBroker("eherkenning", client_id="plus1-eh") as eh:
        settings.LOGIN_BROKERS = {
            "digid": digid.settings("DigiD"),
            "eherkenning": eh.settings("eHerkenning"),
        }
        yield {"digid": digid, "eherkenning": eh}
