# SPDX-License-Identifier: EUPL-1.2
"""Client secrets apart from applicaties; autorisaties for informatieobjecttypen and
besluittypen (Autorisaties API 1.0.0)."""

from django.db import migrations, models


def move_secrets(apps, schema_editor):
    ApplicatieClient = apps.get_model("zgw", "ApplicatieClient")
    ClientSecret = apps.get_model("zgw", "ClientSecret")
    for client in ApplicatieClient.objects.all():
        ClientSecret.objects.update_or_create(
            client_id=client.client_id, defaults={"secret": client.secret}
        )


class Migration(migrations.Migration):
    dependencies = [("zgw", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="ClientSecret",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "client_id",
                    models.CharField(max_length=255, unique=True, verbose_name="client id"),
                ),
                ("secret", models.CharField(max_length=255, verbose_name="geheim")),
            ],
            options={"verbose_name": "clientgeheim", "verbose_name_plural": "clientgeheimen"},
        ),
        migrations.RunPython(move_secrets, migrations.RunPython.noop),
        migrations.RemoveField(model_name="applicatieclient", name="secret"),
        migrations.AddField(
            model_name="autorisatie",
            name="informatieobjecttype",
            field=models.URLField(blank=True, max_length=1000, verbose_name="informatieobjecttype"),
        ),
        migrations.AddField(
            model_name="autorisatie",
            name="besluittype",
            field=models.URLField(blank=True, max_length=1000, verbose_name="besluittype"),
        ),
        migrations.AlterModelOptions(
            name="autorisatie",
            options={
                "ordering": ["pk"],
                "verbose_name": "autorisatie",
                "verbose_name_plural": "autorisaties",
            },
        ),
    ]
