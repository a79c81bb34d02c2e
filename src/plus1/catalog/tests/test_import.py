# SPDX-License-Identifier: EUPL-1.2
import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from plus1.catalog.forms_schema import read_submission, validate
from plus1.catalog.models import CaseType
from plus1.catalog.selectors import catalog_export
from plus1.demo.loader import CATALOG_FILE, demo_load

pytestmark = pytest.mark.django_db


def test_demo_catalog_has_realistic_case_types():
    demo_load()
    codes = set(CaseType.objects.values_list("code", flat=True))
    assert len(codes) >= 8
    assert {"verhuizing-doorgeven", "parkeervergunning", "bezwaar", "klacht"} <= codes
    for case_type in CaseType.objects.prefetch_related("statuses"):
        statuses = list(case_type.statuses.all())
        assert sum(s.is_initial for s in statuses) == 1 and any(s.is_final for s in statuses)


def test_export_then_import_round_trips(tmp_path):
    demo_load()
    exported = tmp_path / "catalog.yaml"
    call_command("catalog", "export", str(exported))
    call_command("catalog", "import", str(exported))
    assert catalog_export() == yaml.safe_load(exported.read_text())


def test_import_changes_a_term_without_code(tmp_path):
    demo_load()
    document = catalog_export()
    document["case_types"][0]["legal_term"] = "P26W"
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    call_command("catalog", "import", str(path))
    assert CaseType.objects.get(code=document["case_types"][0]["code"]).legal_term == "P26W"


def test_bad_import_lists_every_problem_and_changes_nothing(tmp_path):
    demo_load()
    document = yaml.safe_load(CATALOG_FILE.read_text())
    document["case_types"][0]["legal_term"] = "acht weken"
    document["case_types"][1]["team"] = "bestaat-niet"
    document["case_types"][2]["statuses"][0]["initial"] = False
    document["case_types"][3]["name"] = "Gewijzigd maar niet opgeslagen"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    with pytest.raises(CommandError) as exc:
        call_command("catalog", "import", str(path))
    message = str(exc.value)
    assert "Nothing imported" in message
    assert "acht weken" in message and "bestaat-niet" in message and "beginstatus" in message
    assert not CaseType.objects.filter(name="Gewijzigd maar niet opgeslagen").exists()


SCHEMA = {
    "type": "object",
    "required": ["postcode", "aantal"],
    "properties": {
        "postcode": {
            "type": "string",
            "title": "Postcode",
            "pattern": "^[1-9][0-9]{3} ?[A-Z]{2}$",
            "x-patternMessage": "Vul een postcode in zoals 1234 AB.",
        },
        "aantal": {"type": "integer", "title": "Aantal", "minimum": 1},
        "email": {"type": "string", "format": "email", "title": "E-mail"},
        "akkoord": {"type": "boolean", "title": "Akkoord"},
    },
}


DATE = {"datum": {"type": "string", "format": "date", "title": "Datum"}}


def test_form_errors_are_plain_dutch_and_complete():
    data = read_submission(SCHEMA, {"postcode": "12", "aantal": "veel", "email": "geen-mail"})
    assert validate(SCHEMA, data) == {
        "postcode": ["Vul een postcode in zoals 1234 AB."],
        "aantal": ["Vul een heel getal in."],
        "email": ["Vul een e-mailadres in zoals naam@voorbeeld.nl."],
    }


def test_submitted_values_are_typed():
    raw = {"postcode": " 1234 AB ", "aantal": "3", "akkoord": "on", "datum": "7-3-2026"}
    data = read_submission({**SCHEMA, "properties": {**SCHEMA["properties"], **DATE}}, raw)
    assert data == {"postcode": "1234 AB", "aantal": 3, "akkoord": True, "datum": "2026-03-07"}
    assert validate(SCHEMA, data) == {}


def test_reply_term_and_the_set_aside_status_survive_export_and_import(tmp_path):
    demo_load()
    document = catalog_export()
    permit = next(item for item in document["case_types"] if item["code"] == "parkeervergunning")
    assert permit["reply_term"] == "P2W"
    assert [s["code"] for s in permit["statuses"] if s.get("sets_aside")] == ["buiten-behandeling"]
    permit["reply_term"] = "P10D"
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    call_command("catalog", "import", str(path))
    case_type = CaseType.objects.get(code="parkeervergunning")
    assert case_type.reply_term == "P10D"
    assert case_type.statuses.get(sets_aside=True).code == "buiten-behandeling"
    permit["reply_term"] = "twee weken"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    with pytest.raises(CommandError):
        call_command("catalog", "import", str(path))
    assert CaseType.objects.get(code="parkeervergunning").reply_term == "P10D"


def test_the_woo_setting_survives_export_and_import_and_a_bad_category_is_refused(tmp_path):
    demo_load()
    document = catalog_export()
    woo = next(item for item in document["case_types"] if item["code"] == "woo-verzoek")
    assert woo["woo_publish"] is True and woo["woo_category"] == "c_3baef532"
    assert woo["legal_term"] == "P4W"
    permit = next(item for item in document["case_types"] if item["code"] == "parkeervergunning")
    permit.update(woo_publish=True, woo_category="c_46a81018")
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    call_command("catalog", "import", str(path))
    assert CaseType.objects.get(code="parkeervergunning").woo_category == "c_46a81018"
    permit["woo_category"] = "vergunningen"
    woo["woo_category"] = ""
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    with pytest.raises(CommandError) as exc:
        call_command("catalog", "import", str(path))
    assert "onbekende Woo-informatiecategorie ‘vergunningen’" in str(exc.value)
    assert "kies de Woo-informatiecategorie" in str(exc.value)
    assert CaseType.objects.get(code="parkeervergunning").woo_category == "c_46a81018"


def test_a_case_type_published_under_the_woo_needs_its_category():
    from django.core.exceptions import ValidationError

    from plus1.common.testing.factories import CaseTypeFactory

    case_type = CaseTypeFactory(woo_publish=True)
    with pytest.raises(ValidationError) as exc:
        case_type.full_clean()
    assert exc.value.message_dict["woo_category"] == [
        "Kies de Woo-informatiecategorie van de publicaties."
    ]
