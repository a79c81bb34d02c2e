# SPDX-License-Identifier: EUPL-1.2
"""A real Chromium (Debian's package) driven by Playwright against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    candidate = os.environ.get("PLUS1_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    if executable is None:
        if os.environ.get("PLUS1_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (PLUS1_REQUIRE_BROWSER) but was not found")
        pytest.skip("no Chromium found: install Debian's chromium package or set PLUS1_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _is_csp_violation(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def csp_violations():
    """Every Content Security Policy violation Chromium reported on the test's pages."""
    return []


@pytest.fixture
def page(browser, csp_violations):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if _is_csp_violation(message.text)
            else None
        ),
    )
    yield page
    context.close()
    # The pages run under the real policy (no bypass): a blocked script or style fails the test.
    assert csp_violations == [], "CSP violations: " + "; ".join(csp_violations)
