# SPDX-License-Identifier: EUPL-1.2
"""Importing the processing register, partner organisations and their API clients."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.catalog.models import CaseType
from plus1.privacy import audit_actions
from plus1.privacy.models import (
    ApiClient,
    CaseTypeActivity,
    LegalGround,
    Partner,
    ProcessingActivity,
)
from plus1.privacy.services.clients import api_client_create

FIELDS = [
    "name", "purpose", "legal_ground", "legal_basis", "legal_basis_url", "personal_data_categories",
    "data_subject_categories", "recipients", "retention", "confidential",
]  # fmt: skip


def register_problems(document: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    known_types = set(CaseType.objects.values_list("code", flat=True))
    codes = set()
    for index, item in enumerate(document.get("processing_activities", []), start=1):
        where = f"verwerking {item.get('code') or index}"
        codes.add(item.get("code"))
        for key in ("code", "name", "purpose", "legal_ground", "retention"):
            if not item.get(key):
                problems.append(f"{where}: ‘{key}’ ontbreekt.")
        if item.get("legal_ground") and item["legal_ground"] not in LegalGround.values:
            problems.append(f"{where}: grondslag moet een van {LegalGround.values} zijn.")
        problems += [
            f"{where}: onbekend zaaktype ‘{code}’."
            for code in item.get("case_types", [])
            if code not in known_types
        ]
    for partner in document.get("partners", []):
        problems += [
            f"partner {partner.get('slug')}: onbekende verwerking ‘{code}’."
            for code in partner.get("activities", [])
            if code not in codes
        ]
    return problems


@transaction.atomic
def register_import(*, actor: Actor, document: dict[str, Any]) -> list[ProcessingActivity]:
    """Create or update every activity and link its case types; partners and clients likewise."""
    problems = register_problems(document)
    if problems:
        raise ValidationError(problems)
    activities = []
    for item in document.get("processing_activities", []):
        values = {key: item[key] for key in FIELDS if key in item}
        activity, _ = ProcessingActivity.objects.update_or_create(
            code=item["code"], defaults=values
        )
        for code in item.get("case_types", []):
            CaseTypeActivity.objects.update_or_create(
                case_type=CaseType.objects.get(code=code), defaults={"activity": activity}
            )
        audit_record(
            actor=actor, action=audit_actions.PROCESSING_ACTIVITY_IMPORTED, obj=activity, after=item
        )
        activities.append(activity)
    for item in document.get("partners", []):
        _import_partner(actor, item)
    for item in document.get("trail_readers", []):
        if not ApiClient.objects.filter(client_id=item["client_id"]).exists():
            client = api_client_create(
                actor=actor, name=item["name"], client_id=item["client_id"], secret=item["secret"]
            )
            client.trail_activities.set(ProcessingActivity.objects.all())
    return activities


def _import_partner(actor: Actor, item: dict[str, Any]) -> None:
    partner, _ = Partner.objects.update_or_create(
        slug=item["slug"], defaults={"name": item["name"], "kind": item["kind"]}
    )
    partner.activities.set(ProcessingActivity.objects.filter(code__in=item.get("activities", [])))
    public = {key: value for key, value in item.items() if key != "client"}
    audit_record(actor=actor, action=audit_actions.PARTNER_IMPORTED, obj=partner, after=public)
    client = item.get("client")
    if client and not ApiClient.objects.filter(client_id=client["client_id"]).exists():
        api_client_create(
            actor=actor,
            name=client["name"],
            client_id=client["client_id"],
            secret=client["secret"],
            partner=partner,
        )
