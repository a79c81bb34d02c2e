# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from plus1.common.bsn import is_valid_bsn
from plus1.privacy.categories import CATEGORIES
from plus1.privacy.models import DataTrailRecord, ProcessingActivity
from plus1.privacy.selectors import upl_legal_bases


def activity_uri(activity: ProcessingActivity) -> str:
    return settings.BASE_URL + reverse("privacy-api:activity", args=[activity.code])


class ActivityOut(serializers.ModelSerializer[ProcessingActivity]):
    uri = serializers.SerializerMethodField()
    naam = serializers.CharField(source="name")
    doel = serializers.CharField(source="purpose")
    grondslag = serializers.CharField(source="get_legal_ground_display")
    wet = serializers.CharField(source="legal_basis")
    wetLink = serializers.CharField(source="legal_basis_url")
    persoonsgegevens = serializers.ListField(source="personal_data_categories")
    betrokkenen = serializers.ListField(source="data_subject_categories")
    ontvangers = serializers.ListField(source="recipients")
    bewaartermijn = serializers.CharField(source="retention")
    vertrouwelijk = serializers.BooleanField(source="confidential")
    uplGrondslagen = serializers.SerializerMethodField()
    zaaktypen: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="case_types", many=True, read_only=True, slug_field="code"
    )

    class Meta:
        model = ProcessingActivity
        fields = [
            "uri", "code", "naam", "doel", "grondslag", "wet", "wetLink", "persoonsgegevens",
            "betrokkenen", "ontvangers", "bewaartermijn", "vertrouwelijk", "zaaktypen",
            "uplGrondslagen",
        ]  # fmt: skip

    def get_uri(self, activity: ProcessingActivity) -> str:
        return activity_uri(activity)

    def get_uplGrondslagen(self, activity: ProcessingActivity) -> list[dict[str, str]]:
        return upl_legal_bases(activity)


class PartnerRequestIn(serializers.Serializer[Any]):
    bsn = serializers.CharField(required=False, max_length=9)
    kvkNummer = serializers.CharField(required=False, max_length=8)
    doel = serializers.CharField(max_length=80, help_text="Code van de verwerkingsactiviteit.")
    gegevens = serializers.ListField(
        child=serializers.ChoiceField(choices=sorted(CATEGORIES)), min_length=1
    )

    def validate_bsn(self, value: str) -> str:
        if not is_valid_bsn(value):
            raise serializers.ValidationError("Dit is geen geldig burgerservicenummer.")
        return value

    def validate_kvkNummer(self, value: str) -> str:
        if not (value.isascii() and value.isdigit() and len(value) == 8):
            raise serializers.ValidationError("Een KVK-nummer bestaat uit 8 cijfers.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("bsn")) == bool(attrs.get("kvkNummer")):
            raise serializers.ValidationError("Geef een bsn of een kvkNummer, niet allebei.")
        return attrs


class ConsentAnswerOut(serializers.Serializer[Any]):
    toegestaan = serializers.BooleanField()


class SharedDataOut(serializers.Serializer[Any]):
    gegevens = serializers.DictField()


# The last millisecond a datetime can hold (31 December 9999): later ones cannot be a time.
LAST_EPOCH_MS = 253_402_300_799_999


class TrailQueryIn(serializers.Serializer[Any]):
    """The request of the Logboek Dataverwerkingen read API (lezen-openapi.json)."""

    processing_activity_id = serializers.URLField(required=False)
    data_subject_id = serializers.CharField(required=False, max_length=64)
    traceId = serializers.CharField(required=False, max_length=36)
    startTime = serializers.IntegerField(required=False, min_value=0, max_value=LAST_EPOCH_MS)
    endTime = serializers.IntegerField(required=False, min_value=0, max_value=LAST_EPOCH_MS)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            data = {key.removeprefix("dpl.core."): value for key, value in data.items()}
        return super().to_internal_value(data)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError("Vul minstens één zoekveld in.")
        return attrs


class TrailAttributesOut(serializers.Serializer[Any]):
    """The `dpl.core.*` attributes of a record (their names contain dots)."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {
            "dpl.core.processing_activity_id": serializers.URLField(),
            "dpl.core.data_subject_id": serializers.CharField(),
            "dpl.core.data_subject_id_type": serializers.CharField(),
        }


class TrailRecordOut(serializers.Serializer[Any]):
    """One record of the Logboek Dataverwerkingen (an OpenTelemetry span), as the
    read API shows it (times in milliseconds since 1970)."""

    traceId = serializers.UUIDField()
    spanId = serializers.CharField()
    parentSpanId = serializers.CharField(required=False)
    status = serializers.CharField()
    name = serializers.CharField()
    startTime = serializers.IntegerField()
    endTime = serializers.IntegerField()
    resource = serializers.DictField()
    attributes = TrailAttributesOut()


class TrailOut(serializers.Serializer[Any]):
    processingActivities = TrailRecordOut(many=True)


def _ms(value: Any) -> int:
    return int(value.timestamp() * 1000)


def trail_record_out(record: DataTrailRecord) -> dict[str, Any]:
    trace = record.trace_id
    body: dict[str, Any] = {
        "traceId": f"{trace[:8]}-{trace[8:12]}-{trace[12:16]}-{trace[16:20]}-{trace[20:]}",
        "spanId": record.span_id,
        "status": record.status,
        "name": record.name,
        "startTime": _ms(record.start_time),
        "endTime": _ms(record.end_time),
        "resource": {"attributes": record.resource},
        "attributes": {
            "dpl.core.processing_activity_id": activity_uri(record.activity),
            "dpl.core.data_subject_id": record.data_subject_id,
            "dpl.core.data_subject_id_type": record.data_subject_id_type,
        },
    }
    if record.parent_span_id:
        body["parentSpanId"] = record.parent_span_id
    return body
