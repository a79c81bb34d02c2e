# SPDX-License-Identifier: EUPL-1.2
"""Every ZGW notification is built by plus1.zgw.notifications, kenmerken once per kanaal."""

import pytest

from plus1.events.models import Kanaal
from plus1.events.services import consumers_of
from plus1.zgw.notifications import BUILDERS, CONSUMER, KENMERKEN

pytestmark = pytest.mark.django_db
FACTS = {
    "bronorganisatie": "002220647",
    "case_type": "zt",
    "confidentiality": "openbaar",
    "source_organisation": "002220647",
    "document_type": "iot",
    "responsible_organisation": "002220647",
    "decision_type": "bt",
    "catalogue": "cat",
}


def test_each_kanaal_declares_the_kenmerken_subscribers_filter_on():
    kanalen = {k.naam: k.filters for k in Kanaal.objects.filter(naam__in=KENMERKEN)}
    assert (
        set(kanalen)
        == set(KENMERKEN)
        == {
            "zaken",
            "documenten",
            "besluiten",
            "zaaktypen",
            "informatieobjecttypen",
            "besluittypen",
            "autorisaties",
        }
    )
    for naam, kenmerken in KENMERKEN.items():
        assert sorted(kenmerken(FACTS)) == sorted(kanalen[naam]), naam


def test_the_zgw_consumer_hears_every_topic_it_builds_a_notification_for():
    assert [topic for topic in BUILDERS if CONSUMER not in consumers_of(topic)] == []
