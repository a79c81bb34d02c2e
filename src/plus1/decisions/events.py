# SPDX-License-Identifier: EUPL-1.2
"""Notifications (kanaal `besluiten`) for changes to besluiten, in the change's transaction."""

from __future__ import annotations

from plus1.decisions.models import Decision
from plus1.events.notifications import notify

KANAAL = "besluiten"
DECISION_PATH = "/besluiten/api/v1/besluiten"


def announce(
    *,
    base_url: str,
    decision: Decision,
    actie: str,
    resource: str = "besluit",
    resource_path: str = "",
) -> None:
    main = f"{base_url}{DECISION_PATH}/{decision.uuid}"
    notify(
        kanaal=KANAAL,
        resource=resource,
        actie=actie,
        resource_url=f"{base_url}{resource_path}" if resource_path else main,
        hoofd_object=main,
        kenmerken={
            "verantwoordelijkeOrganisatie": decision.responsible_organisation,
            "besluittype": f"{base_url}/catalogi/api/v1/besluittypen/{decision.decision_type.uuid}",
        },
    )
