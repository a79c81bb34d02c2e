# SPDX-License-Identifier: EUPL-1.2
"""Mijn zaken with many cases, in a real browser: a page at a time, the page links work
without JavaScript, axe-core finds nothing serious and nothing overflows at 320 or 1280 px."""

import pytest

from plus1.catalog.models import CaseType
from plus1.common.testing.bulk_cases import bulk_cases
from plus1.demo.loader import demo_load
from plus1.identity.models import Party
from tests.browser.helpers import assert_accessible, login_as_resident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plusstad(settings):
    settings.DEMO_MODE = True
    demo_load()


def test_mijn_zaken_pages_through_many_cases(browser, live_server, plusstad):
    anna = Party.objects.get(name="Anna de Boer")
    bulk_cases(CaseType.objects.current().order_by("pk").first(), [anna], 45, prefix="MIJN")
    total = anna.cases.count()
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    login_as_resident(page, live_server.url, "Anna de Boer")
    page.goto(f"{live_server.url}/mijn-zaken/")
    pages = -(-total // 20)
    assert f"Pagina 1 van {pages} ({total} zaken)" in page.inner_text("main")
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Volgende pagina").click()
    assert f"Pagina 2 van {pages}" in page.inner_text("main")
    assert page.get_by_role("link", name="Vorige pagina").is_visible()
    context.close()
    checked = browser.new_context(locale="nl-NL").new_page()  # axe needs JavaScript
    login_as_resident(checked, live_server.url, "Anna de Boer")
    checked.goto(f"{live_server.url}/mijn-zaken/?pagina=2")
    assert_accessible(checked)
    checked.context.close()
