# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the catalog context: case, document and decision types created,
changed (also: published) or deleted. Payload: `type_facts`."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Model

CASE_TYPE_CREATED = "catalog.case_type_created"
CASE_TYPE_UPDATED = "catalog.case_type_updated"
CASE_TYPE_DELETED = "catalog.case_type_deleted"
DOCUMENT_TYPE_CREATED = "catalog.document_type_created"
DOCUMENT_TYPE_UPDATED = "catalog.document_type_updated"
DOCUMENT_TYPE_DELETED = "catalog.document_type_deleted"
DECISION_TYPE_CREATED = "catalog.decision_type_created"
DECISION_TYPE_UPDATED = "catalog.decision_type_updated"
DECISION_TYPE_DELETED = "catalog.decision_type_deleted"


def type_facts(row: Model, catalogue: uuid.UUID | str | None) -> dict[str, Any]:
    """The type and the catalogue (ZGW catalogus) it belongs to, if any."""
    return {"uuid": str(row.uuid), "catalogue": str(catalogue) if catalogue else ""}  # type: ignore[attr-defined]
