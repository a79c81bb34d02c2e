# SPDX-License-Identifier: EUPL-1.2
"""Stored request forms use one date-rule mechanism: the form builder's former keys
x-notInPast (true) and x-maxDaysAgo (n) become x-earliest ("P0D", "-PnD"). The rule is
forms_schema.with_current_date_rules, which exports and imports also apply."""

from django.db import migrations


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    from plus1.catalog.forms_schema import LEGACY_DATE_RULES, with_current_date_rules

    CaseType = apps.get_model("catalog", "CaseType")
    for case_type in CaseType.objects.order_by("pk").iterator():
        properties = (case_type.form_schema or {}).get("properties") or {}
        old = any(
            isinstance(prop, dict) and key in prop
            for prop in properties.values()
            for key in LEGACY_DATE_RULES
        )
        if old:
            case_type.form_schema = with_current_date_rules(case_type.form_schema)
            case_type.save(update_fields=["form_schema"])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0012_status_norm")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
