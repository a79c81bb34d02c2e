# SPDX-License-Identifier: EUPL-1.2
"""Demo data for reports in Plusstad: the geography and the routing rules."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.geo.services import geo_load, read_document
from plus1.identity.models import Team
from plus1.meldingen import audit_actions
from plus1.meldingen.models import RoutingRule

# (name, category, area, weekdays, start, end, team); the most specific match wins.
RULES = [
    ("Standaard: Team Openbare Ruimte", "", "", [], None, None, "openbare-ruimte"),
    ("Noordelijke wijken", "", "WK999902", [], None, None, "openbare-ruimte-noord"),
    ("Noordelijke wijken", "", "WK999903", [], None, None, "openbare-ruimte-noord"),
    ("Noordelijke wijken", "", "WK999906", [], None, None, "openbare-ruimte-noord"),
    ("Zuidelijke wijken", "", "WK999901", [], None, None, "openbare-ruimte-zuid"),
    ("Zuidelijke wijken", "", "WK999904", [], None, None, "openbare-ruimte-zuid"),
    ("Zuidelijke wijken", "", "WK999905", [], None, None, "openbare-ruimte-zuid"),
    ("Overlast ’s avonds en ’s nachts", "overlast", "", [], dt.time(18), dt.time(7), "handhaving"),
    ("Overlast in het weekend", "overlast", "", [6, 7], None, None, "handhaving"),
]


@transaction.atomic
def meldingen_demo_load(*, actor: Actor) -> None:
    geo_load(actor=actor, document=read_document())
    teams = {team.slug: team for team in Team.objects.all()}
    for name, category, area, days, start, end, team in RULES:
        if team not in teams:
            continue
        rule = RoutingRule.objects.create(
            name=name,
            category=category,
            area_code=area,
            weekdays=days,
            start_time=start,
            end_time=end,
            team=teams[team],
        )
        audit_record(
            actor=actor,
            action=audit_actions.MELDING_ROUTING_RULE_CREATED,
            obj=rule,
            after={"name": name},
        )
