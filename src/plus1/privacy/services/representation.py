# SPDX-License-Identifier: EUPL-1.2
"""A request submitted on someone's behalf: the case names both, the data trail the representative."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.services import case_register
from plus1.catalog.models import CaseType
from plus1.identity.models import Party
from plus1.privacy.models import TrailAction
from plus1.privacy.services.trail import personal_data_access

REPRESENTATIVE_ROLE = "gemachtigde"


@transaction.atomic
def case_register_on_behalf(
    *,
    actor: Actor,
    representative: Party,
    initiator: Party,
    case_type: CaseType,
    form_data: dict[str, Any],
    initiator_branch: str = "",
) -> Case:
    """Register the request of ``initiator`` that ``representative`` submitted (DigiD
    Machtigen, eHerkenning ketenmachtiging), and record that use of the initiator's data."""
    case = case_register(
        actor=actor,
        case_type=case_type,
        initiator=initiator,
        form_data=form_data,
        representative=representative,
        initiator_branch=initiator_branch,
    )
    personal_data_access(
        actor=actor,
        subject=initiator,
        action=TrailAction.CHANGED,
        name=f"Aanvraag {case.identification} ingediend namens u",
        case=case,
        role=REPRESENTATIVE_ROLE,
    )
    return case


def case_view_on_behalf(*, actor: Actor, initiator: Party, case: Case) -> None:
    """A representative opened the case of the person they act for: recorded in that
    person's data trail (the person themself reading their own case is not)."""
    personal_data_access(
        actor=actor,
        subject=initiator,
        action=TrailAction.VIEWED,
        name=f"Zaak {case.identification} bekeken namens u",
        case=case,
        role=REPRESENTATIVE_ROLE,
    )
