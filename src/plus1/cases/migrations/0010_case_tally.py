# SPDX-License-Identifier: EUPL-1.2
"""The number of cases per case type and confidentiality, kept by triggers (decision 33)."""

import django.db.models.deletion
from django.db import migrations, models

from plus1.cases import tally_sql


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_search_trigram_indexes"),
        ("catalog", "0013_one_date_rule_mechanism"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("confidentiality", models.CharField(max_length=32)),
                ("shard", models.SmallIntegerField(default=0)),
                ("n", models.BigIntegerField(default=0)),
                (
                    "case_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="catalog.casetype",
                    ),
                ),
            ],
            options={
                "verbose_name": "aantal zaken",
                "verbose_name_plural": "aantallen zaken",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("case_type", "confidentiality", "shard"), name="case_tally_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(tally_sql.install, tally_sql.remove),
    ]
