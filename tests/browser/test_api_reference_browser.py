# SPDX-License-Identifier: EUPL-1.2
"""The ZGW API reference for people: Redoc from our own static files under a strict CSP
(no inline script), readable at 320 and 1280 px, with axe-core checks, and usable without
JavaScript through the links to the document."""

import pytest

from tests.browser.helpers import assert_accessible

LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_the_reference_renders_the_standard_under_a_strict_csp(browser, live_server, width):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    fetched_outside = []
    page.on(
        "requestfinished",
        lambda r: None
        if r.url.startswith((live_server.url, "data:", "blob:"))
        else fetched_outside.append(r.url),
    )
    page.goto(f"{live_server.url}/besluiten/api/v1/schema/")
    assert page.locator("h1").first.inner_text() == "Besluiten API 1.1.0"
    # Redoc has drawn the operations of the standard's document.
    page.locator("h2", has_text="Alle BESLUITen opvragen.").first.wait_for()
    # Redoc's footer always tries its logo from a CDN; the policy refuses it, nothing else.
    refused = [p for p in problems if "Content Security Policy" in p and LOGO not in p]
    assert refused == [], problems
    assert fetched_outside == []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"horizontal scroll at {width}px: {scroll_width}"
    assert_accessible(page)
    context.close()


def test_without_javascript_the_reference_links_to_the_document(browser, live_server):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/zaken/api/v1/schema/")
    assert "Zonder JavaScript" in page.inner_text("main")
    link = page.get_by_role("link", name="OpenAPI-document")
    assert link.get_attribute("href") == "/zaken/api/v1/schema/openapi.yaml"
    context.close()
