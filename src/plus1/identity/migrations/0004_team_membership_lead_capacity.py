# SPDX-License-Identifier: EUPL-1.2
"""Team membership becomes an explicit model on the same table (identity_team_members), so
it can say who leads the team, the member's skills and areas, and their weekly hours."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0003_team_dutch_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TeamMembership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="identity.team",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="team_memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "teamlidmaatschap",
                        "verbose_name_plural": "teamlidmaatschappen",
                        "db_table": "identity_team_members",
                        "unique_together": {("team", "user")},
                    },
                ),
                migrations.AlterField(
                    model_name="team",
                    name="members",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="teams",
                        through="identity.TeamMembership",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="leden",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="teammembership",
            name="is_lead",
            field=models.BooleanField(
                default=False, help_text="Mag zaken van het team in bulk toewijzen.", verbose_name="teamleider"
            ),
        ),
        migrations.AddField(
            model_name="teammembership",
            name="weekly_hours",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="Hoeveel uur per week deze medewerker voor dit team werkt.",
                verbose_name="uren per week",
            ),
        ),
        migrations.AddField(
            model_name="teammembership",
            name="skills",
            field=models.JSONField(blank=True, default=list, verbose_name="vaardigheden"),
        ),
        migrations.AddField(
            model_name="teammembership",
            name="areas",
            field=models.JSONField(blank=True, default=list, verbose_name="gebieden"),
        ),
    ]
