# SPDX-License-Identifier: EUPL-1.2
"""Readable, gap-free identifications such as ZAAK-2026-0000123."""

from __future__ import annotations

from django.db import transaction

from plus1.common.models import Sequence


def next_identification(prefix: str, year: int) -> str:
    """Must run inside the caller's transaction; the row lock serialises writers."""
    assert transaction.get_connection().in_atomic_block, "call inside a transaction"
    name = f"{prefix}-{year}"
    sequence, _ = Sequence.objects.select_for_update().get_or_create(name=name)
    sequence.value += 1
    sequence.save(update_fields=["value"])
    return f"{name}-{sequence.value:07d}"
