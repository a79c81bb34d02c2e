# SPDX-License-Identifier: EUPL-1.2
"""API clients of partners and trail readers; only a hash of their secret is stored."""

from __future__ import annotations

import hashlib
import hmac

from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.privacy import audit_actions
from plus1.privacy.models import ApiClient, DataTrailRecord, Partner


def secret_hash(secret: str) -> str:
    # Secrets are long random strings (not passwords), so a plain SHA-256 suffices.
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_client_create(
    *, actor: Actor, name: str, client_id: str, secret: str, partner: Partner | None = None
) -> ApiClient:
    client = ApiClient.objects.create(
        name=name, client_id=client_id, secret_hash=secret_hash(secret), partner=partner
    )
    audit_record(
        actor=actor,
        action=audit_actions.API_CLIENT_CREATED,
        obj=client,
        after={"client_id": client_id, "partner": partner.slug if partner else None},
    )
    return client


def api_client_authenticate(token: str) -> ApiClient | None:
    """`<client_id>.<secret>` to an active client, or None."""
    client_id, _, secret = token.partition(".")
    client = (
        ApiClient.objects.select_related("partner").filter(client_id=client_id, active=True).first()
    )
    if client is None or not hmac.compare_digest(client.secret_hash, secret_hash(secret)):
        return None
    return client


def client_actor(client: ApiClient) -> Actor:
    label = f"{client.partner.name} ({client.name})" if client.partner else client.name
    return Actor(kind="api_client", id=client.client_id, label=label)


@transaction.atomic
def trail_read_refused(*, client: ApiClient, data_subject_id: str) -> None:
    """A trail reader asked for a subject it may not see (or that does not exist): logged."""
    audit_record(
        actor=client_actor(client),
        action=audit_actions.DATA_TRAIL_READ_REFUSED,
        obj=client,
        after={
            "data_subject_id": data_subject_id,
            "exists": DataTrailRecord.objects.filter(data_subject_id=data_subject_id).exists(),
        },
    )
