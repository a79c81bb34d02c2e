# SPDX-License-Identifier: EUPL-1.2
"""A NUL character in an address or a form is a 404 or a 400 page, not a server error
(PostgreSQL refuses any query that holds one)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_a_melding_address_is_a_404(client):
    assert client.get("/meldingen/%00/").status_code == 404


def test_a_nul_character_in_a_search_is_a_400(client):
    assert client.get("/meldingen/", {"q": "\x00"}).status_code == 400
