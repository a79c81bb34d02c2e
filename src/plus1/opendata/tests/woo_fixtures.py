# SPDX-License-Identifier: EUPL-1.2
"""A case of a Woo case type with a besluit whose text holds personal data, and its draft."""

from __future__ import annotations

import datetime as dt

import pytest

from plus1.audit.services import Actor
from plus1.catalog.models import DecisionType
from plus1.catalog.woo_categories import WooCategory
from plus1.decisions.services import decision_create
from plus1.events.services import outbox_drain
from plus1.opendata.models import WooPublication

BSN = "111222333"  # passes the elfproef
NOT_A_BSN = "123456789"  # fails it
EXPLANATION = (
    "Op 3 november 2026 vroeg Anna de Boer, Dorpsstraat 12a, 1234 AB Plusstad, om een "
    "vergunning. Haar BSN is 111222333. Zij is bereikbaar op 06-12345678 en "
    "anna.deboer@example.nl. De leges worden afgeschreven van NL91 ABNA 0417 1643 00.\n"
    "Kenmerk van de aanvraag: 123456789. Het college verleent de vergunning voor een terras."
)
PERSONAL = [
    "Anna de Boer",
    "Dorpsstraat 12a",
    "1234 AB",
    BSN,
    "06-12345678",
    "anna.deboer@example.nl",
    "NL91 ABNA 0417 1643 00",
]


@pytest.fixture
def woo_case(case):
    case_type = case.case_type
    case_type.woo_publish = True
    case_type.woo_category = WooCategory.BESCHIKKINGEN
    case_type.save()
    return case


@pytest.fixture
def decision(woo_case):
    decision_type = DecisionType.objects.create(description="Terrasvergunning", concept=False)
    woo_case.case_type.decision_types.add(decision_type)
    return decision_create(
        actor=Actor.system("test"),
        decision_type=decision_type,
        case=woo_case,
        values={
            "responsible_organisation": "002220647",
            "date": dt.date(2026, 11, 20),
            "effective_from": dt.date(2026, 11, 21),
            "explanation": EXPLANATION,
        },
    )


@pytest.fixture
def draft(decision) -> WooPublication:
    outbox_drain()
    return WooPublication.objects.get(source_uuid=decision.uuid)
