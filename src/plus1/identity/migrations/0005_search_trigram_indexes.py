# SPDX-License-Identifier: EUPL-1.2
"""A trigram index on party names for the workbench's search (PostgreSQL only, decision 31)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from plus1.common.search_index import AddIndexOnPostgres, trigram_index


class Migration(migrations.Migration):
    dependencies = [("identity", "0004_team_membership_lead_capacity")]

    operations = [
        TrigramExtension(),  # pg_trgm; nothing on SQLite
        AddIndexOnPostgres(model_name="party", index=trigram_index("name", "party_name_trgm_idx")),
    ]
