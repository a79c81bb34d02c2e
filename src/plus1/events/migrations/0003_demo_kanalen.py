# SPDX-License-Identifier: EUPL-1.2
"""The ZGW notification channels our APIs publish on, with the kenmerken they carry."""

from django.db import migrations

KANALEN = {
    "zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
    "documenten": ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"],
    "besluiten": ["verantwoordelijkeOrganisatie", "besluittype"],
    "zaaktypen": ["catalogus"],
    "informatieobjecttypen": ["catalogus"],
    "besluittypen": ["catalogus"],
    "autorisaties": [],
}


def create(apps, schema_editor):
    Kanaal = apps.get_model("events", "Kanaal")
    for naam, filters in KANALEN.items():
        Kanaal.objects.get_or_create(naam=naam, defaults={"filters": filters})


class Migration(migrations.Migration):
    dependencies = [("events", "0002_kanalen_abonnementen")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
