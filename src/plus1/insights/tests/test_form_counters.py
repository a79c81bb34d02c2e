# SPDX-License-Identifier: EUPL-1.2
"""Form counters without personal data: the portal's form pages count forms started,
submitted and each field's validation errors per kind; staff read them per product."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.testing import staff_login
from plus1.insights.form_counters import form_counters_add, form_friction
from plus1.insights.models import FormCounter
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db

SCHEMA = {
    "type": "object",
    "required": ["straat", "huisnummer", "email"],
    "properties": {
        "straat": {"type": "string", "title": "Straat", "maxLength": 80},
        "huisnummer": {"type": "integer", "title": "Huisnummer", "minimum": 1},
        "email": {"type": "string", "format": "email", "title": "E-mailadres"},
    },
    "x-order": ["straat", "huisnummer", "email"],
}
SECRET = "geheim@adres-van-anna.nl"


@pytest.fixture
def world(settings):
    settings.DEMO_MODE = True
    product = ProductFactory(
        slug="parkeervergunning",
        name="Parkeervergunning",
        case_type=CaseTypeFactory(code="parkeren", form_schema=SCHEMA),
    )
    serve_under_activity(product.case_type)
    return {"anna": ResidentFactory(name="Anna de Boer"), "product": product}


def login(client, party):
    assert client.post(reverse("portal:login"), {"party": str(party.uuid)}).status_code == 302


def form_row():
    return FormCounter.objects.get(case_type_code="parkeren", field="")


def test_a_start_counts_once_per_session_and_errors_count_per_field_and_kind(client, world):
    login(client, world["anna"])
    url = reverse("portal:request", args=["parkeervergunning"])
    client.get(url)
    client.get(url)  # a reload is the same start
    assert form_row().started == 1

    response = client.post(
        url, {"straat": "", "huisnummer": "nul", "email": "anna-zonder-apenstaart"}
    )
    assert response.status_code == 400
    response = client.post(
        url, {"straat": "Markt", "huisnummer": "0", "email": SECRET.replace("@", " ")}
    )
    assert response.status_code == 400

    errors = {
        (row.field, row.kind): row.errors
        for row in FormCounter.objects.filter(case_type_code="parkeren").exclude(field="")
    }
    assert errors == {
        ("straat", "required"): 1,
        ("huisnummer", "type"): 1,
        ("huisnummer", "minimum"): 1,
        ("email", "format"): 2,
    }
    stored = list(FormCounter.objects.values_list("case_type_code", "field", "kind"))
    assert not any("anna" in str(value) or "Markt" in str(value) for value in stored)
    assert form_row().submitted == 0


def test_a_sent_request_counts_as_submitted(client, world):
    login(client, world["anna"])
    url = reverse("portal:request", args=["parkeervergunning"])
    client.get(url)
    client.post(url, {"straat": "Markt", "huisnummer": "1", "email": "anna@example.nl"})
    response = client.post(reverse("portal:request-check", args=["parkeervergunning"]))
    assert response.status_code == 302
    row = form_row()
    assert (row.started, row.submitted) == (1, 1)


def test_the_counters_add_up_in_one_row_per_product_day_and_field():
    for _ in range(3):
        form_counters_add(case_type_code="parkeren", started=True)
    form_counters_add(case_type_code="parkeren", errors={"straat": ["required"]})
    form_counters_add(case_type_code="parkeren", errors={"straat": ["required", "maxLength"]})
    with CaptureQueriesContext(connection) as queries:
        form_counters_add(
            case_type_code="parkeren",
            submitted=True,
            errors={"straat": ["required"], "email": ["format"]},
        )
    assert len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) == 3
    assert FormCounter.objects.count() == 4
    assert (form_row().started, form_row().submitted) == (3, 1)
    assert FormCounter.objects.get(field="straat", kind="required").errors == 3


def test_staff_see_completion_and_the_fields_with_most_errors_by_label(client, world):
    today = timezone.localdate()
    for _ in range(4):
        form_counters_add(case_type_code="parkeren", started=True, day=today)
    form_counters_add(case_type_code="parkeren", submitted=True, day=today)
    for _ in range(3):
        form_counters_add(case_type_code="parkeren", errors={"email": ["format"]}, day=today)
    form_counters_add(case_type_code="parkeren", errors={"straat": ["required"]}, day=today)
    with CaptureQueriesContext(connection) as queries:
        (friction,) = form_friction(today, today)
    assert len(queries) == 4
    assert (friction.product, friction.started, friction.submitted) == ("Parkeervergunning", 4, 1)
    assert friction.completion == 25
    assert [(f.label, f.errors) for f in friction.fields] == [("E-mailadres", 3), ("Straat", 1)]

    staff = UserFactory(staff=True, username="mila")
    TeamFactory(slug="publiek", members=[staff])
    staff_login(client, staff)
    page = client.get(reverse("workbench:form-friction")).content.decode()
    assert "Waar lopen mensen vast?" in page and "Parkeervergunning" in page
    assert "25%" in page
    assert "E-mailadres" in page and "verkeerde vorm 3" in page
    assert page.index("E-mailadres") < page.index("Straat</th>")
