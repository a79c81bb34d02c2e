# SPDX-License-Identifier: EUPL-1.2
"""A besluit of a case type marked for the Woo gets a publication draft: the consumer
`opendata.woo_draft` on decisions.decision_created. Staff then review and publish."""

from __future__ import annotations

from django.db import transaction

from plus1.audit.services import Actor
from plus1.decisions.events import DECISION_CREATED
from plus1.decisions.models import Decision
from plus1.events.services import Delivery, effect_once, subscribe
from plus1.opendata.woo_services import publication_draft_create
from plus1.opendata.woo_sources import decision_source

CONSUMER = "opendata.woo_draft"
WOO_ACTOR = Actor.system("woo-publicatieconcept")


def draft_for_decision(delivery: Delivery) -> None:
    decision = (
        Decision.objects.filter(uuid=delivery.payload["decision"])
        .select_related("decision_type", "case__case_type", "case__initiator")
        .first()
    )
    if decision is None or decision.case is None or not decision.case.case_type.woo_publish:
        return
    source = decision_source(decision)
    with transaction.atomic():
        effect_once(
            key=delivery.key,
            effect=lambda: publication_draft_create(actor=WOO_ACTOR, source=source),
        )


def register() -> None:
    subscribe(DECISION_CREATED, CONSUMER, draft_for_decision)
