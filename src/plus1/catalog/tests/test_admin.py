# SPDX-License-Identifier: EUPL-1.2
"""A functional administrator changes case types in the admin, without code."""

import pytest
from django.contrib.auth import get_user_model

from plus1.audit.models import AuditEntry
from plus1.catalog.audit_actions import CASE_TYPE_UPDATED
from plus1.catalog.models import CaseType
from plus1.demo.loader import DEMO_PASSWORD, demo_load
from plus1.identity.testing import staff_login

pytestmark = pytest.mark.django_db


def test_administrator_changes_the_legal_term_in_the_admin(client):
    demo_load()
    staff_login(client, get_user_model().objects.get(username="beheerder"), DEMO_PASSWORD)
    case_type = CaseType.objects.get(code="klacht")
    url = f"/beheer/catalog/casetype/{case_type.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and "Statussen en overgangen wijzigen" in page.content.decode()
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key not in {"form_schema"} and value is not None
    }
    data.update(
        {
            "responsible_team": case_type.responsible_team_id,
            "legal_term": "acht weken",
            "form_schema": '{"type": "object", "properties": {}}',
            "statuses-TOTAL_FORMS": "0",
            "statuses-INITIAL_FORMS": "0",
            "transitions-TOTAL_FORMS": "0",
            "transitions-INITIAL_FORMS": "0",
        }
    )
    refused = client.post(url, data)
    assert "geen geldige termijn" in refused.content.decode()
    data["legal_term"] = "P10W"
    saved = client.post(url, data)
    draft = CaseType.objects.get(code="klacht", concept=True)
    assert saved.status_code == 302
    assert saved["Location"] == f"/beheer/catalog/casetype/{draft.pk}/change/"
    case_type.refresh_from_db()
    assert case_type.legal_term == "P6W"  # the published version stays as running cases know it
    assert draft.legal_term == "P10W"
    entry = AuditEntry.objects.filter(action=CASE_TYPE_UPDATED).get()
    assert entry.object_id == str(draft.pk)
    assert (entry.before["legal_term"], entry.after["legal_term"]) == ("P6W", "P10W")
    assert entry.actor_label == "Beheerder"
