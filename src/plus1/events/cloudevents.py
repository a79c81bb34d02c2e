# SPDX-License-Identifier: EUPL-1.2
"""A ZGW notification as a CloudEvent by the NL GOV profile for CloudEvents 1.0, for the
abonnementen that ask for it (`berichtformaat` cloudevents).

`id` is the event id of the outbox rows (the same for every subscriber and every retry, so
a consumer may treat a repeated source + id as a duplicate); `source` names the
municipality by its OIN and the system; `type` is reverse-DNS: nl.overheid.<kanaal>.
<resource>-<what happened>; `subject` is the UUID of the resource; `dataref` its URL;
`time` when the change happened; `data` the notification itself, so kanaal, actie and
kenmerken stay available. Delivered in the structured content mode of the HTTP binding."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"
SPECVERSION = "1.0"
HAPPENED = {
    "create": "aangemaakt",
    "update": "gewijzigd",
    "partial_update": "gewijzigd",
    "destroy": "verwijderd",
}
_UUID_AT_END = re.compile(r"([0-9a-fA-F-]{36})/?$")


def source() -> str:
    oin = settings.OIN or f"00000001{settings.ZGW_RSIN}000"
    return f"urn:nld:oin:{oin}:systeem:plus1"


def _name(value: str) -> str:
    """Lower-case letters, digits and hyphens, as reverse-DNS parts allow."""
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-") or "onbekend"


def event_type(bericht: dict[str, Any]) -> str:
    actie = str(bericht.get("actie", ""))
    happened = HAPPENED.get(actie, actie)
    return f"nl.overheid.{_name(bericht['kanaal'])}.{_name(bericht['resource'])}-{_name(happened)}"


def as_cloudevent(bericht: dict[str, Any], *, event_id: str) -> dict[str, Any]:
    url = str(bericht.get("resourceUrl", ""))
    event: dict[str, Any] = {
        "specversion": SPECVERSION,
        "type": event_type(bericht),
        "source": source(),
        "id": event_id,
        "time": bericht["aanmaakdatum"],
        "dataref": url,
        "datacontenttype": "application/json",
        "data": bericht,
    }
    match = _UUID_AT_END.search(url)
    if match:
        event["subject"] = match.group(1).lower()
    return event
