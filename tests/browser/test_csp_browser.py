# SPDX-License-Identifier: EUPL-1.2
"""The Content Security Policy in a real browser: our scripts run, nothing is blocked, and an
injected inline script is refused."""

import pytest

from plus1.demo.loader import demo_load
from tests.browser.helpers import assert_accessible, login_as_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    settings.SECURITY_CONTACT = ["mailto:security@plusstad.nl"]
    demo_load()


def test_pages_run_under_the_policy_without_violations(page, live_server, plusstad):
    base = live_server.url
    page.goto(base + "/meldingen/nieuw/")
    # melding.js (a static file, allowed by script-src 'self') adds this button.
    assert page.get_by_role("button", name="Gebruik mijn locatie").count() == 1
    assert_accessible(page)
    for path in ("/", "/meldingen/", "/beheer/login/", "/.well-known/security.txt"):
        page.goto(base + path)
    login_as_staff(page, base, "behandelaar.burgerzaken")
    assert_accessible(page)


def test_an_injected_inline_script_is_refused(page, live_server, plusstad, csp_violations):
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'document.body.dataset.injected = "ja"';
                   document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("document.body.dataset.injected") is None
    assert any("inline script" in violation for violation in csp_violations)
    csp_violations.clear()  # the refusal was the point of this test
