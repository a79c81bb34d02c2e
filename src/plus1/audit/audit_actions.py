# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the audit context. The admin audits every model it edits, so its
actions are `<model name>.<verb>` with one of these verbs."""

from __future__ import annotations

from typing import Any

CREATED_IN_ADMIN = "created_in_admin"
CHANGED_IN_ADMIN = "changed_in_admin"
DELETED_IN_ADMIN = "deleted_in_admin"


def in_admin(obj: Any, verb: str) -> str:
    """The action for a change made in the admin, e.g. `product.changed_in_admin`."""
    return f"{obj._meta.model_name}.{verb}"
