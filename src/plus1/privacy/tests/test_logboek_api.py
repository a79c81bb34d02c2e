# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.privacy.models import ApiClient
from plus1.privacy.pseudonym import subject_pseudonym
from plus1.privacy.services import api_client_create
from plus1.privacy.tests.conftest import World

READ = "/api/v1/logboek/processing-activities"
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


def _reader(world: World) -> str:
    client = api_client_create(actor=Actor.system("t"), name="FG", client_id="fg", secret="geheim")
    client.trail_activities.set([world.activity])
    return "fg.geheim"


def test_read_by_subject_and_by_trace(world: World) -> None:
    world.staff_client().get(
        reverse("workbench:case", args=[world.case.identification]),
        headers={"traceparent": f"00-{TRACE}-00f067aa0ba902b7-01"},
    )
    token = _reader(world)
    subject = subject_pseudonym(world.resident)
    found = world.partner_post(READ, {"dpl.core.data_subject_id": subject}, token=token)
    assert found.status_code == 200
    [record] = found.json()["processingActivities"]
    assert record["traceId"] == "4bf92f35-77b3-4da6-a3ce-929d0e0e4736"
    assert record["parentSpanId"] == "00f067aa0ba902b7"
    assert record["attributes"]["dpl.core.processing_activity_id"].endswith("/bijstand")
    by_trace = world.partner_post(READ, {"traceId": record["traceId"]}, token=token)
    assert len(by_trace.json()["processingActivities"]) == 1


def test_unseen_subject_is_404_and_logged_and_partners_may_not_read(world: World) -> None:
    token = _reader(world)
    response = world.partner_post(READ, {"dpl.core.data_subject_id": "f" * 64}, token=token)
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action="data_trail.read_refused").count() == 1
    assert world.partner_post(READ, {"dpl.core.data_subject_id": "f" * 64}).status_code == 403
    assert world.partner_post(READ, {}, token=token).status_code == 400
    assert ApiClient.objects.count() == 2


def test_times_beyond_the_year_9999_are_refused_as_bad_input(world: World) -> None:
    """Found by scripts/fuzz-apis: startTime 10**16 ms was a 500 (OverflowError)."""
    token = _reader(world)
    response = world.partner_post(
        READ, {"startTime": 10**16, "endTime": 253_402_300_800_000}, token=token
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    names = {error["name"] for error in response.json()["invalidParams"]}
    assert names == {"startTime", "endTime"}
    last_moment = world.partner_post(READ, {"endTime": 253_402_300_799_999}, token=token)
    assert last_moment.status_code == 200


def test_the_read_api_is_documented_with_the_records_it_answers(world: World) -> None:
    world.staff_client().get(reverse("workbench:case", args=[world.case.identification]))
    found = world.partner_post(
        READ, {"dpl.core.data_subject_id": subject_pseudonym(world.resident)}, token=_reader(world)
    )
    [record] = found.json()["processingActivities"]
    document = world.staff_client().get("/api/v1/openapi.json").json()
    operation = document["paths"]["/logboek/processing-activities"]["post"]
    assert {"200", "400", "403", "404"} <= set(operation["responses"])
    schemas = document["components"]["schemas"]
    out = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert schemas[out.rsplit("/", 1)[-1]]["required"] == ["processingActivities"]
    documented = schemas["TrailRecordOut"]["properties"]
    assert set(record) <= set(documented)
    assert set(record["attributes"]) == set(schemas["TrailAttributesOut"]["properties"])
