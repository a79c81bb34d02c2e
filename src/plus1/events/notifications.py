# SPDX-License-Identifier: EUPL-1.2
"""ZGW notifications (Notificaties API 1.0.0) to subscribers: `publish(bericht)` writes,
inside a transaction, one outbox row per matching abonnement; `deliver` POSTs such a row
to the subscriber's callback URL. The outbox retries failures with exponential backoff.
What a notification says is built in one place: plus1.zgw.notifications."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import requests
from django.utils import timezone

from plus1.events.cloudevents import CONTENT_TYPE, as_cloudevent
from plus1.events.models import Abonnement, AbonnementKanaal, Berichtformaat
from plus1.events.services import Delivery, consumer_register, outbox_put_for

TOPIC = "zgw.notificatie"
WEBHOOK = "notificaties.webhook"
IDEMPOTENCY_HEADER = "Idempotency-Key"
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
    aanmaakdatum: dt.datetime | None = None,
) -> dict[str, Any]:
    """The notification body as the Notificaties API defines it (camelCase)."""
    when = aanmaakdatum or timezone.now()
    return {
        "kanaal": kanaal,
        "hoofdObject": hoofd_object,
        "resource": resource,
        "resourceUrl": resource_url,
        "actie": actie,
        "aanmaakdatum": when.isoformat().replace("+00:00", "Z"),
        "kenmerken": {key: str(value) for key, value in kenmerken.items()},
    }


def publish(bericht: dict[str, Any], *, source: str = "") -> int:
    """Queue a notification for every abonnement on its kanaal whose filters match.
    Must run inside a transaction. `source` is the key of the delivery that built it (a
    retry builds the same keys); each row's key adds the abonnement. Returns the count."""
    kenmerken = bericht.get("kenmerken") or {}
    event_id = uuid.uuid4()
    source = source or str(event_id)
    queued: set[int] = set()
    subscriptions = AbonnementKanaal.objects.filter(kanaal__naam=bericht["kanaal"]).select_related(
        "abonnement"
    )
    for subscription in subscriptions:
        abonnement = subscription.abonnement
        if abonnement.pk in queued or not matches(subscription.filters, kenmerken):
            continue
        queued.add(abonnement.pk)
        outbox_put_for(
            topic=TOPIC,
            consumer=WEBHOOK,
            key=f"{source}:{abonnement.uuid}",
            payload={"abonnement": str(abonnement.uuid), "bericht": bericht},
            event_id=event_id,
        )
    return len(queued)


def deliver(delivery: Delivery) -> None:
    """Outbox consumer: POST the notification to the abonnement's callback URL, with the
    row's key in the Idempotency-Key header (a retry after a lost answer repeats it); as a
    CloudEvent when the abonnement asks for that."""
    payload = delivery.payload
    abonnement = Abonnement.objects.filter(uuid=payload["abonnement"]).first()
    if abonnement is None:
        return  # unsubscribed since: nothing to deliver
    headers = {"Authorization": abonnement.auth, IDEMPOTENCY_HEADER: delivery.key}
    body = payload["bericht"]
    if abonnement.berichtformaat == Berichtformaat.CLOUDEVENTS:
        body = as_cloudevent(body, event_id=delivery.event_id)
        headers["Content-Type"] = CONTENT_TYPE
    try:
        response = requests.post(
            abonnement.callback_url,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", **headers},
            timeout=TIMEOUT_SECONDS,
        )
    except requests.RequestException as exc:
        raise DeliveryFailed(f"{abonnement.callback_url}: {type(exc).__name__}") from exc
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"{abonnement.callback_url}: HTTP {response.status_code}")


def register() -> None:
    consumer_register(WEBHOOK, deliver)
