# SPDX-License-Identifier: EUPL-1.2
"""Trigram indexes for substring search (`icontains`) on PostgreSQL (decision 31).

Django compiles `field__icontains=q` on PostgreSQL to `UPPER(field::text) LIKE UPPER('%q%')`;
a GIN index with `gin_trgm_ops` on that same `UPPER(...)` expression answers it without
reading every row. SQLite has no such index: there the migration leaves it out and the same
query runs as a scan, with the same results."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.migrations.operations import AddIndex
from django.db.models import Expression, TextField
from django.db.models.functions import Cast, Upper


def trigram_index(column: str, name: str, *, cast: bool = False) -> GinIndex:
    """The index behind `column__icontains` (cast: a non-text column searched as its text)."""
    expression: Expression = Upper(Cast(column, TextField()) if cast else column)
    return GinIndex(OpClass(expression, name="gin_trgm_ops"), name=name)


class AddIndexOnPostgres(AddIndex):
    """AddIndex that builds the index on PostgreSQL only; the model state has it everywhere,
    so `makemigrations --check` stays clean on both databases."""

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, *args)
