# SPDX-License-Identifier: EUPL-1.2
"""One outbox row per (event, consumer) with an idempotency key, and the table of keys whose
effect is done.

Existing rows: delivered and parked ones keep their history under a `legacy:<pk>` key.
A pending event is split into one row per consumer it had then; a pending status change
gets the facts its consumers now read from the event (the status it set, taken from the
case's status history). Zaken changed through the API already queued their ZGW
notification, so those events get no row for the ZGW consumer. A pending row of a topic
nobody consumed is marked delivered, as the old worker did.
"""

import uuid

from django.db import migrations, models
from django.utils import timezone

# The consumers of each topic when rows were still one per event.
LEGACY_CONSUMERS = {
    "case.registered": ["meldingen.receipt", "zgw.notifications"],
    "case.status_changed": [
        "cases.status_message",
        "meldingen.follower_updates",
        "zgw.notifications",
    ],
}
WEBHOOK_TOPIC, WEBHOOK = "zgw.notificatie", "notificaties.webhook"
BATCH = 500


def _case_facts(apps, payload):
    Case = apps.get_model("cases", "Case")
    CaseStatus = apps.get_model("cases", "CaseStatus")
    case = Case.objects.select_related("case_type").filter(uuid=payload.get("case")).first()
    if case is None:
        return None
    facts = {
        **payload,
        "case_type": str(case.case_type.uuid),
        "confidentiality": case.confidentiality,
        "identification": case.identification,
    }
    if "status" in payload:
        row = (
            CaseStatus.objects.select_related("status")
            .filter(case=case, status__code=payload["status"])
            .order_by("-set_at", "-pk")
            .first()
        )
        if row is None:
            return None
        facts.update(
            case_status=str(row.uuid),
            status_name=row.status.name,
            resident_text=row.status.resident_text,
            explanation=row.explanation,
            is_final=row.status.is_final,
        )
    return facts


def _split(apps, row):
    OutboxMessage = apps.get_model("events", "OutboxMessage")
    row.event_id = uuid.uuid4()
    if row.state != "pending":
        row.key = f"legacy:{row.pk}"
        return [row]
    if row.topic == WEBHOOK_TOPIC:
        row.consumer = WEBHOOK
        row.key = f"legacy:{row.pk}:{row.payload.get('abonnement', '')}"
        return [row]
    facts = _case_facts(apps, row.payload) if row.topic in LEGACY_CONSUMERS else None
    if facts is None:
        row.key, row.state, row.delivered_at = f"legacy:{row.pk}", "delivered", timezone.now()
        return [row]
    names = [
        name
        for name in LEGACY_CONSUMERS[row.topic]
        if not (name == "zgw.notifications" and facts.get("actor_kind") == "api_client")
    ]
    row.consumer, row.key, row.payload = names[0], f"{row.event_id}:{names[0]}", facts
    extra = [
        OutboxMessage(
            event_id=row.event_id,
            topic=row.topic,
            consumer=name,
            key=f"{row.event_id}:{name}",
            payload=facts,
            created_at=row.created_at,
            available_at=row.available_at,
        )
        for name in names[1:]
    ]
    return [row, *extra]


def forwards(apps, schema_editor):
    OutboxMessage = apps.get_model("events", "OutboxMessage")
    top = OutboxMessage.objects.aggregate(top=models.Max("pk"))["top"] or 0
    last = 0
    while True:  # only the rows that were there: not the ones this split adds
        rows = list(OutboxMessage.objects.filter(pk__gt=last, pk__lte=top).order_by("pk")[:BATCH])
        if not rows:
            return
        last = rows[-1].pk
        new = []
        for row in rows:
            first, *extra = _split(apps, row)
            first.save()
            new.extend(extra)
        OutboxMessage.objects.bulk_create(new)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_demo_kanalen"),
        ("cases", "0003_zaak_contactmomenten_verzoeken"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboxmessage",
            name="event_id",
            field=models.UUIDField(db_index=True, default=uuid.uuid4, verbose_name="gebeurtenis"),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="consumer",
            field=models.CharField(default="", max_length=64, verbose_name="afnemer"),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="key",
            field=models.CharField(max_length=255, null=True, verbose_name="idempotentiesleutel"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="outboxmessage",
            name="key",
            field=models.CharField(max_length=255, unique=True, verbose_name="idempotentiesleutel"),
        ),
        migrations.CreateModel(
            name="IdempotencyKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.CharField(
                        max_length=255, unique=True, verbose_name="idempotentiesleutel"
                    ),
                ),
                ("done_at", models.DateTimeField(default=timezone.now)),
            ],
            options={
                "verbose_name": "afgehandelde bezorging",
                "verbose_name_plural": "afgehandelde bezorgingen",
            },
        ),
    ]
