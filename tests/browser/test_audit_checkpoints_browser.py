# SPDX-License-Identifier: EUPL-1.2
"""The public page of audit checkpoints: readable at 320 and 1280 px, and accessible."""

import pytest
from django.db import transaction

from plus1.audit.checkpoints import checkpoint_write
from plus1.audit.services import Actor, audit_record
from plus1.common.testing.factories import TeamFactory
from tests.browser.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_checkpoints_page_at_every_width(page, live_server, width):
    team = TeamFactory()
    with transaction.atomic():
        audit_record(actor=Actor.system("test"), action="team.touched", obj=team)
    checkpoint = checkpoint_write()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/audit/checkpoints/")
    assert checkpoint.hash in page.inner_text("main")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > document.documentElement.clientWidth).map(e => e.tagName + '.' + e.className).slice(0, 8)"
    )
    assert overflow <= 0, wide
    assert_accessible(page)
