# SPDX-License-Identifier: EUPL-1.2
"""Walk every URL under /werkplek/ and /beheer/: none is reached without the second factor.

Three ways in are tried on each: no login, the password step alone, and a session that is
logged in but not verified (as any login path that skipped the code would leave it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.common.testing.factories import UserFactory
from plus1.identity.testing import TEST_PASSWORD, staff_login

pytestmark = pytest.mark.django_db

STAFF_ROUTES = ("werkplek/", "beheer/")
LOGIN_STEPS = {"login", "login-code", "login-setup", "logout"}  # the way in itself
SAMPLES = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001", "path": "1"}


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, str]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.name or ""


def _concrete(route: str) -> str:
    """A URL for a route: sample values for converters, the first choice of a regex group."""
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES.get(m.group(1) or "str", "ZAAK-1"), route)
    path = re.sub(r"\(\?P<\w+>([\w-]+)(?:\|[^)]*)?\)", r"\1", path)  # (?P<app_label>auth|…)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path)  # (?P<url>.*)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def staff_urls() -> list[str]:
    return sorted(
        {
            _concrete(route)
            for route, name in _walk(get_resolver())
            if route.startswith(STAFF_ROUTES) and name not in LOGIN_STEPS
        }
    )


def assert_not_reached(client: Client, url: str) -> None:
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in {301, 302, 404, 405}, f"{method.__name__} {url}"
        if response.status_code == 302:
            assert response["Location"].startswith(("/werkplek/inloggen/", "/beheer/login/")), url


@pytest.fixture
def staff():
    user = UserFactory(staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    return user


def test_the_walk_sees_every_kind_of_staff_page():
    urls = staff_urls()
    assert "/werkplek/" in urls and "/werkplek/inwoner/" in urls and "/beheer/" in urls
    assert "/werkplek/zaken/ZAAK-1/status/" in urls
    assert "/werkplek/meldingen/ZAAK-1/samenvoegen/" in urls
    assert "/werkplek/avg/ZAAK-1/besluit/" in urls
    assert "/beheer/identity/team/1/change/" in urls
    assert len(urls) > 50


def test_no_staff_page_without_logging_in(client):
    for url in staff_urls():
        assert_not_reached(client, url)


def test_no_staff_page_with_the_password_alone(client, staff):
    response = client.post(
        "/werkplek/inloggen/", {"username": staff.username, "password": TEST_PASSWORD}
    )
    assert response["Location"].startswith("/werkplek/inloggen/code/")
    for url in staff_urls():
        assert_not_reached(client, url)


def test_no_staff_page_in_a_session_without_the_second_factor(client, staff):
    client.force_login(staff)
    for url in staff_urls():
        assert_not_reached(client, url)


def test_with_both_factors_the_pages_open(client, staff):
    staff_login(client, staff)
    for url in ("/werkplek/", "/werkplek/inwoner/", "/werkplek/herstelcodes/", "/beheer/"):
        assert client.get(url).status_code == 200, url
