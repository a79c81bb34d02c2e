# SPDX-License-Identifier: EUPL-1.2
"""Trigram indexes for the workbench's free-text search: case number, form data, notes
(PostgreSQL only, decision 31)."""

from django.db import migrations

from plus1.common.search_index import AddIndexOnPostgres, trigram_index


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_information_request_reminded_at"),
        ("identity", "0005_search_trigram_indexes"),  # pg_trgm is created there
    ]

    operations = [
        AddIndexOnPostgres(
            model_name="case", index=trigram_index("identification", "case_number_trgm_idx")
        ),
        AddIndexOnPostgres(
            model_name="case", index=trigram_index("form_data", "case_form_trgm_idx", cast=True)
        ),
        AddIndexOnPostgres(
            model_name="casenote", index=trigram_index("text", "case_note_text_trgm_idx")
        ),
    ]
