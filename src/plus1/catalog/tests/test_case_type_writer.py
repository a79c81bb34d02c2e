# SPDX-License-Identifier: EUPL-1.2
"""One writer of case types: the YAML import, the admin and the Catalogi API all write a case
type through catalog.case_type_services, under one whitelist and one audit vocabulary."""

import pytest
from django.core.exceptions import ValidationError

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.catalog.audit_actions import CASE_TYPE_UPDATED
from plus1.catalog.case_type_services import case_type_save
from plus1.catalog.models import CaseType, DocumentType
from plus1.catalog.selectors import catalog_export
from plus1.catalog.services import catalog_import
from plus1.common.testing.factories import CaseTypeFactory
from plus1.zgw.catalogi.services.types import document_type_save

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("test")


def test_fields_outside_the_whitelist_are_refused_all_at_once_and_nothing_is_written():
    case_type = CaseTypeFactory(name="Kapvergunning")

    with pytest.raises(ValidationError) as refused:
        case_type_save(
            actor=SYSTEM,
            case_type=case_type,
            values={"name": "Anders", "uuid": "x", "pk": 7},
            relations={"statuses": []},
        )

    assert "['pk', 'statuses', 'uuid']" in refused.value.messages[0]
    assert CaseType.objects.get(pk=case_type.pk).name == "Kapvergunning"
    assert not AuditEntry.objects.filter(action=CASE_TYPE_UPDATED).exists()


def test_a_change_applies_to_the_current_row_not_a_stale_copy():
    stale = CaseTypeFactory(description="Oud")
    CaseType.objects.filter(pk=stale.pk).update(description="Elders gewijzigd")

    case_type_save(actor=SYSTEM, case_type=stale, values={"legal_term": "P10W"})

    fresh = CaseType.objects.get(pk=stale.pk)
    assert (fresh.legal_term, fresh.description) == ("P10W", "Elders gewijzigd")
    entry = AuditEntry.objects.get(action=CASE_TYPE_UPDATED)
    assert (entry.before["legal_term"], entry.after["legal_term"]) == ("P8W", "P10W")


def test_a_catalogue_type_change_applies_to_the_locked_current_row():
    stale = DocumentType.objects.create(description="Brief", category="brief")
    DocumentType.objects.filter(pk=stale.pk).update(category="Elders gewijzigd")

    document_type_save(actor=SYSTEM, row=stale, values={"description": "Aanvraag"})

    fresh = DocumentType.objects.get(pk=stale.pk)
    assert (fresh.description, fresh.category) == ("Aanvraag", "Elders gewijzigd")
    assert AuditEntry.objects.filter(action="zgw.documenttype_updated").count() == 1


def test_the_import_writes_through_the_same_writer():
    case_type = CaseTypeFactory(code="melding-boom")
    item = next(i for i in catalog_export()["case_types"] if i["code"] == "melding-boom")
    item["legal_term"] = "P3W"

    catalog_import(actor=SYSTEM, document={"case_types": [item]})

    assert CaseType.objects.get(pk=case_type.pk).legal_term == "P3W"
    imported = AuditEntry.objects.get(action=CASE_TYPE_UPDATED)
    assert (imported.before["legal_term"], imported.after["legal_term"]) == ("P8W", "P3W")
