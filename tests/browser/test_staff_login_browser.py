# SPDX-License-Identifier: EUPL-1.2
"""A new staff member connects an authenticator app and logs in with two factors, in a real
browser, with and without JavaScript, from 320 px wide, and every step passes axe-core."""

import re

import pytest
from django_otp.oath import TOTP

from plus1.common.testing.factories import TeamFactory, UserFactory
from plus1.identity.testing import TEST_PASSWORD
from tests.browser.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newcomer():
    user = UserFactory(staff=True, username="nieuw.collega", first_name="Nina")
    TeamFactory(name="Team Burgerzaken", members=[user])
    return user


def password_step(page, base, username):
    page.goto(f"{base}/werkplek/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def code_from_secret(secret):
    import base64

    return f"{TOTP(base64.b32decode(secret.replace(' ', ''))).token():06d}"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [320, 1280])
def test_a_new_staff_member_connects_an_app_and_logs_in(
    browser, live_server, newcomer, javascript, width
):
    context = browser.new_context(
        locale="nl-NL", java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(45_000)

    def check(page):  # axe-core and measuring need scripts: done in the runs with JavaScript
        if javascript:
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert_accessible(page)

    base = live_server.url
    page.goto(f"{base}/werkplek/")
    assert "Inloggen voor medewerkers" in page.inner_text("main")
    check(page)
    password_step(page, base, newcomer.username)

    # Connect the app: a QR code drawn on the server, and the key to type instead.
    assert "Koppel een authenticator-app" in page.inner_text("main")
    qr = page.get_by_role("img", name="QR-code om de app te koppelen")
    box = qr.bounding_box()
    assert box["width"] > 100 and box["x"] + box["width"] <= width
    check(page)
    page.get_by_label("Code uit de app").fill("123")
    page.get_by_role("button", name="App koppelen").click()
    assert "Deze code klopt niet" in page.get_by_role("alert").inner_text()
    check(page)
    page.wait_for_timeout(1100)  # one wrong code: django-otp waits a second before the next
    secret = page.locator("code.secret").inner_text()
    page.get_by_label("Code uit de app").fill(code_from_secret(secret))
    page.get_by_role("button", name="App koppelen").click()

    # The recovery codes, once.
    main = page.inner_text("main")
    assert "U ziet deze codes alleen nu" in main
    codes = re.findall(r"\b[a-z2-7]{8}\b", page.locator(".recovery-codes").inner_text())
    assert len(codes) == 10
    check(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    assert "Werkvoorraad" in page.inner_text("body")
    page.get_by_role("button", name=re.compile("Uitloggen")).click()

    # Next day, phone at home: a recovery code instead of the app.
    password_step(page, base, newcomer.username)
    assert "Stap 2 van 2" in page.inner_text("main")
    check(page)
    page.get_by_label("Code", exact=True).fill(codes[0])
    page.get_by_role("button", name="Code controleren").click()
    assert page.url.rstrip("/").endswith("/werkplek")
    page.goto(f"{base}/werkplek/herstelcodes/")
    assert "al getoond" in page.inner_text("main")
    context.close()


def test_the_lock_out_page_says_what_to_do(page, live_server, newcomer, settings):
    base = live_server.url
    for n in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{base}/werkplek/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(newcomer.username)
        page.get_by_label("Wachtwoord").fill(f"fout-{n}")
        page.get_by_role("button", name="Inloggen").click()
    main = page.inner_text("main")
    assert "Uw account is tijdelijk geblokkeerd" in main
    assert "functioneel beheer" in main
    assert_accessible(page)
