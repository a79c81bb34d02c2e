# SPDX-License-Identifier: EUPL-1.2
"""ZGW notifications (Notificaties API 1.0.0): `notify(...)` writes, inside the change's
transaction, one outbox row per matching abonnement; `deliver` POSTs such a row to the
subscriber's callback URL. The outbox retries failures with exponential backoff."""

from __future__ import annotations

from typing import Any

import requests
from django.utils import timezone

from plus1.events.models import Abonnement, AbonnementKanaal
from plus1.events.services import outbox_put, subscribe

TOPIC = "zgw.notificatie"
TIMEOUT_SECONDS = 10


class DeliveryFailed(Exception):
    """The subscriber did not accept the notification; the outbox tries again later."""


def matches(filters: dict[str, str], kenmerken: dict[str, str]) -> bool:
    """Every filter kenmerk must be present with that value; `*` matches any value."""
    return all(value == "*" or kenmerken.get(key) == value for key, value in filters.items())


def message(
    *,
    kanaal: str,
    resource: str,
    actie: str,
    resource_url: str,
    hoofd_object: str,
    kenmerken: dict[str, str],
) -> dict[str, Any]:
    """The notification body as the Notificaties API defines it (camelCase)."""
    return {
        "kanaal": kanaal,
        "hoofdObject": hoofd_object,
        "resource": resource,
        "resourceUrl": resource_url,
        "actie": actie,
        "aanmaakdatum": timezone.now().isoformat().replace("+00:00", "Z"),
        "kenmerken": {key: str(value) for key, value in kenmerken.items()},
    }


def publish(bericht: dict[str, Any]) -> int:
    """Queue a notification for every abonnement on its kanaal whose filters match.
    Must run inside the change's transaction. Returns the number of outbox rows."""
    kenmerken = bericht.get("kenmerken") or {}
    queued: set[int] = set()
    subscriptions = AbonnementKanaal.objects.filter(kanaal__naam=bericht["kanaal"]).select_related(
        "abonnement"
    )
    for subscription in subscriptions:
        abonnement = subscription.abonnement
        if abonnement.pk in queued or not matches(subscription.filters, kenmerken):
            continue
        queued.add(abonnement.pk)
        outbox_put(topic=TOPIC, payload={"abonnement": str(abonnement.uuid), "bericht": bericht})
    return len(queued)


def notify(
    *,
    kanaal: str,
    resource: str,
    actie: str,
    resource_url: str,
    hoofd_object: str,
    kenmerken: dict[str, str],
) -> None:
    """Publish a create/update/delete of a ZGW resource (call inside its transaction)."""
    publish(
        message(
            kanaal=kanaal,
            resource=resource,
            actie=actie,
            resource_url=resource_url,
            hoofd_object=hoofd_object,
            kenmerken=kenmerken,
        )
    )


def deliver(payload: dict[str, Any]) -> None:
    """Outbox handler: POST the notification to the abonnement's callback URL."""
    abonnement = Abonnement.objects.filter(uuid=payload["abonnement"]).first()
    if abonnement is None:
        return  # unsubscribed since: nothing to deliver
    try:
        response = requests.post(
            abonnement.callback_url,
            json=payload["bericht"],
            headers={"Authorization": abonnement.auth},
            timeout=TIMEOUT_SECONDS,
        )
    except requests.RequestException as exc:
        raise DeliveryFailed(f"{abonnement.callback_url}: {type(exc).__name__}") from exc
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"{abonnement.callback_url}: HTTP {response.status_code}")


def register() -> None:
    subscribe(TOPIC, deliver)
