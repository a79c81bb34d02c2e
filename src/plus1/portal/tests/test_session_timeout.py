# SPDX-License-Identifier: EUPL-1.2
"""Residents' sessions end after 15 idle minutes; the page says when, and can extend it."""

import time

import pytest
from django.urls import reverse

from plus1.common.testing.oidc_provider import broker_login
from plus1.identity.login.session import LAST_SEEN_KEY

pytestmark = pytest.mark.django_db

ANNA = {"bsn": "999993653", "naam": "Anna de Boer", "niveau": "midden"}


def _idle(client, minutes):
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - minutes * 60
    session.save()


def test_after_15_idle_minutes_the_resident_is_logged_out_and_told_why(client, brokers):
    broker_login(client, brokers["digid"], ANNA)
    _idle(client, 16)
    response = client.get(reverse("portal:my-cases"))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('portal:login')}?verlopen=1")
    page = client.get(response["Location"]).content.decode()
    assert "U bent automatisch uitgelogd, omdat u een tijd niets hebt gedaan." in page
    assert client.get(reverse("portal:my-cases")).status_code == 302  # really logged out


def test_within_15_minutes_the_login_stays_and_the_page_says_until_when(client, brokers):
    broker_login(client, brokers["digid"], ANNA)
    _idle(client, 14)
    page = client.get(reverse("portal:my-cases")).content.decode()
    assert "U wordt automatisch uitgelogd om" in page and "Ingelogd blijven" in page
    assert "Wilt u ingelogd blijven?" in page  # the dialog that the script opens


def test_ingelogd_blijven_restarts_the_15_minutes(client, brokers):
    broker_login(client, brokers["digid"], ANNA)
    _idle(client, 14)
    extend = reverse("portal:session-extend")
    answer = client.post(extend, headers={"Accept": "application/json"}).json()
    assert answer["ingelogd"] is True and answer["verloopt"] - answer["nu"] > 14 * 60
    _idle(client, 0)
    without_js = client.post(extend, headers={"Referer": "http://testserver/mijn-zaken/"})
    assert without_js["Location"] == "http://testserver/mijn-zaken/"
    assert client.get(reverse("portal:my-cases")).status_code == 200
