# SPDX-License-Identifier: EUPL-1.2
"""Security headers on a portal page, an API response and the admin; TLS behind a proxy;
CORS; security.txt; the Dutch CSRF failure page."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from plus1.conf.hardening import proxy_ssl_header
from plus1.identity.testing import TEST_PASSWORD, staff_login

pytestmark = pytest.mark.django_db

PORTAL, API, ADMIN = "/", "/api/v1/openapi.json", "/beheer/"
STAFF_LOGIN = "/werkplek/inloggen/"
ZGW_API = "/zaken/api/v1/zaken"
OTHER_ORIGIN = "https://balie-app.example.nl"


@pytest.fixture
def client(client):
    """Logged in as an administrator (both factors), so the admin answers its own page."""
    administrator = get_user_model().objects.create_user(
        "beheerder", password=TEST_PASSWORD, is_staff=True, is_superuser=True
    )
    return staff_login(client, administrator)


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", [PORTAL, API, ADMIN])
def test_every_kind_of_page_carries_a_strict_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("url", [PORTAL, API, ADMIN])
def test_hsts_only_over_https(client, url):
    assert "Strict-Transport-Security" not in client.get(url).headers
    hsts = client.get(url, secure=True).headers["Strict-Transport-Security"]
    assert hsts == "max-age=31536000"


def test_a_forwarded_proto_header_counts_only_when_the_proxy_is_configured(client, settings):
    forwarded = {"HTTP_X_FORWARDED_PROTO": "https"}
    settings.SECURE_PROXY_SSL_HEADER = None  # the default: any client could send the header
    assert "Strict-Transport-Security" not in client.get(PORTAL, **forwarded).headers
    settings.SECURE_PROXY_SSL_HEADER = proxy_ssl_header("X-Forwarded-Proto")
    assert "Strict-Transport-Security" in client.get(PORTAL, **forwarded).headers
    assert "Strict-Transport-Security" not in client.get(PORTAL).headers


def test_proxy_header_setting_names_the_wsgi_variable():
    assert proxy_ssl_header("X-Forwarded-Proto") == ("HTTP_X_FORWARDED_PROTO", "https")
    assert proxy_ssl_header("") is None


def test_cookies_are_secure_and_http_only(settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    get_user_model().objects.create_user("medewerker", password=TEST_PASSWORD, is_staff=True)
    browser = Client()
    login_page = browser.get(STAFF_LOGIN, secure=True)
    assert login_page.cookies["csrftoken"]["secure"] is True
    response = browser.post(
        STAFF_LOGIN, {"username": "medewerker", "password": TEST_PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


def test_cors_allows_no_other_origin_by_default(client):
    response = client.options(
        ZGW_API, HTTP_ORIGIN=OTHER_ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Origin" not in client.get(API, HTTP_ORIGIN=OTHER_ORIGIN).headers


def test_cors_allowlist_opens_the_apis_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [OTHER_ORIGIN]
    preflight = client.options(
        ZGW_API,
        HTTP_ORIGIN=OTHER_ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, accept-crs",
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == OTHER_ORIGIN
    assert "accept-crs" in preflight.headers["Access-Control-Allow-Headers"]
    api = client.get(API, HTTP_ORIGIN=OTHER_ORIGIN)
    assert api.headers["Access-Control-Allow-Origin"] == OTHER_ORIGIN
    assert "API-Version" in api.headers["Access-Control-Expose-Headers"]
    for page in (PORTAL, ADMIN):
        assert (
            "Access-Control-Allow-Origin" not in client.get(page, HTTP_ORIGIN=OTHER_ORIGIN).headers
        )
    stranger = client.get(API, HTTP_ORIGIN="https://elders.example.com")
    assert "Access-Control-Allow-Origin" not in stranger.headers


def test_security_txt_names_the_configured_contact(client, settings):
    settings.SECURITY_CONTACT = ["mailto:security@plusstad.nl", "https://plusstad.nl/melden"]
    settings.SECURITY_POLICY_URL = "https://plusstad.nl/kwetsbaarheid-melden"
    settings.BASE_URL = "https://mijn.plusstad.nl"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    fields = [line.split(": ", 1) for line in response.content.decode().splitlines()]
    assert ["Contact", "mailto:security@plusstad.nl"] in fields
    assert ["Contact", "https://plusstad.nl/melden"] in fields
    assert ["Policy", "https://plusstad.nl/kwetsbaarheid-melden"] in fields
    assert ["Canonical", "https://mijn.plusstad.nl/.well-known/security.txt"] in fields
    (expires,) = [value for name, value in fields if name == "Expires"]
    expires_at = datetime.strptime(expires, "%Y-%m-%dT%H:%M:%S%z")
    assert timezone.now() < expires_at < timezone.now() + timedelta(days=365)


def test_security_txt_is_absent_without_a_contact(client, settings):
    settings.SECURITY_CONTACT = []
    assert client.get("/.well-known/security.txt").status_code == 404


def test_a_post_without_csrf_token_gets_a_dutch_page_and_changes_nothing():
    user = get_user_model().objects.create_user("medewerker", password=TEST_PASSWORD, is_staff=True)
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(STAFF_LOGIN, {"username": "medewerker", "password": TEST_PASSWORD})
    assert response.status_code == 403
    text = response.content.decode()
    assert "Het formulier is niet verstuurd" in text
    assert "laad de pagina opnieuw" in text
    assert "CSRF" not in text  # no jargon, no reason shown
    user.refresh_from_db()
    assert user.last_login is None
    assert "sessionid" not in response.cookies  # not even halfway logged in
