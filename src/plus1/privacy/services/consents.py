# SPDX-License-Identifier: EUPL-1.2
"""Consents: granted and revoked by the resident, asked about and used by partners."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.identity.models import Party
from plus1.privacy import audit_actions
from plus1.privacy.builtin import CONSENTS, builtin_activity
from plus1.privacy.categories import CATEGORIES, read_categories
from plus1.privacy.models import ApiClient, Consent, Partner, ProcessingActivity, TrailAction
from plus1.privacy.selectors import consent_valid
from plus1.privacy.services.clients import client_actor
from plus1.privacy.services.trail import personal_data_access


def consent_problems(
    *,
    partner: Partner | None,
    activity: ProcessingActivity | None,
    categories: list[str],
    valid_from: dt.date | None,
    valid_until: dt.date | None,
) -> dict[str, list[str]]:
    """Every reason a consent cannot be stored, all at once."""
    problems: dict[str, list[str]] = {}
    if partner is None or not partner.active:
        problems["partner"] = ["Kies een organisatie uit de lijst."]
    if activity is None or (
        partner is not None and not partner.activities.filter(pk=activity.pk).exists()
    ):
        problems["doel"] = ["Kies een doel waarvoor deze organisatie gegevens mag vragen."]
    unknown = [code for code in categories if code not in CATEGORIES]
    if not categories:
        problems["gegevens"] = ["Kies welke gegevens u wilt delen."]
    elif unknown:
        problems["gegevens"] = [f"Onbekend soort gegevens: {', '.join(unknown)}."]
    if valid_from is None:
        problems["vanaf"] = ["Vul een geldige begindatum in."]
    if valid_until is None:
        problems["tot"] = ["Vul een geldige einddatum in."]
    elif valid_from is not None and valid_until < valid_from:
        problems["tot"] = ["De einddatum ligt vóór de begindatum."]
    return problems


@transaction.atomic
def consent_grant(
    *,
    actor: Actor,
    party: Party,
    partner: Partner | None,
    activity: ProcessingActivity | None,
    categories: list[str],
    valid_from: dt.date | None,
    valid_until: dt.date | None,
) -> Consent:
    problems = consent_problems(
        partner=partner,
        activity=activity,
        categories=categories,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    if problems:
        raise ValidationError(problems)
    assert partner and activity and valid_from and valid_until  # narrowed by consent_problems
    consent = Consent.objects.create(
        party=party,
        partner=partner,
        activity=activity,
        categories=sorted(set(categories)),
        valid_from=valid_from,
        valid_until=valid_until,
    )
    audit_record(
        actor=actor, action=audit_actions.CONSENT_GRANTED, obj=consent, after=_snapshot(consent)
    )
    personal_data_access(
        actor=actor,
        subject=party,
        activity=builtin_activity(CONSENTS),
        action=TrailAction.CHANGED,
        name=f"toestemming gegeven aan {partner.name}",
        role="uzelf",
    )
    return consent


@transaction.atomic
def consent_revoke(*, actor: Actor, consent: Consent) -> Consent:
    """Takes effect at once: the partner's next question is answered with no."""
    consent = (
        Consent.objects.select_for_update().select_related("partner", "party").get(pk=consent.pk)
    )
    if consent.revoked_at is not None:
        return consent
    before = _snapshot(consent)
    consent.revoked_at = timezone.now()
    consent.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=audit_actions.CONSENT_REVOKED,
        obj=consent,
        before=before,
        after=_snapshot(consent),
    )
    personal_data_access(
        actor=actor,
        subject=consent.party,
        activity=builtin_activity(CONSENTS),
        action=TrailAction.CHANGED,
        name=f"toestemming ingetrokken voor {consent.partner.name}",
        role="uzelf",
    )
    return consent


@transaction.atomic
def partner_request(
    *,
    client: ApiClient,
    party: Party | None,
    activity_code: str,
    categories: list[str],
    fetch: bool,
) -> dict[str, Any] | None:
    """A partner asks (fetch=False) or fetches (fetch=True) data of a person for a purpose.

    Returns the data (or {} for a yes to a question) when a valid consent covers every
    category; None when refused. Both outcomes are in the person's data trail; when the
    person or purpose is unknown, the refusal is in the audit log only.
    """
    partner = client.partner
    # Only the purposes this partner may ask for exist for it; anything else is refused.
    activity = partner.activities.filter(code=activity_code).first() if partner else None
    consent = (
        consent_valid(party, partner, activity, categories, timezone.localdate())
        if party and partner and activity
        else None
    )
    if party is None or activity is None:
        audit_record(
            actor=client_actor(client),
            action=audit_actions.CONSENT_REQUEST_REFUSED,
            obj=client,
            after={"reason": "unknown person or purpose", "purpose": activity_code[:80]},
        )
        return None
    what = ", ".join(CATEGORIES[c].label.lower() if c in CATEGORIES else c for c in categories)
    verb = "opgevraagd" if fetch else "toestemming nagevraagd"
    personal_data_access(
        actor=client_actor(client),
        subject=party,
        activity=activity,
        action=TrailAction.SHARED if fetch else TrailAction.VIEWED,
        name=f"{what} {verb}" + ("" if consent else " (geweigerd: geen geldige toestemming)"),
        refused=consent is None,
        organisation=partner.name if partner else "",
    )
    if consent is None:
        return None
    return read_categories(party, categories) if fetch else {}


def _snapshot(consent: Consent) -> dict[str, Any]:
    return {
        "partner": consent.partner.slug,
        "activity": consent.activity.code,
        "categories": consent.categories,
        "valid_from": consent.valid_from.isoformat(),
        "valid_until": consent.valid_until.isoformat(),
        "revoked_at": consent.revoked_at.isoformat() if consent.revoked_at else None,
    }
