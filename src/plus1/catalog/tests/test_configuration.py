# SPDX-License-Identifier: EUPL-1.2
"""Configuration without code: forms, workflows and versions of a case type."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from plus1.audit.models import AuditEntry
from plus1.catalog import audit_actions, form_builder, forms_schema
from plus1.catalog.case_type_services import (
    case_type_draft,
    case_type_form_set,
    case_type_publish,
    case_type_workflow_save,
)
from plus1.catalog.form_builder import FieldSpec
from plus1.catalog.models import CaseType, Product
from plus1.catalog.workflow import StatusSpec, TransitionSpec, workflow_of, workflow_problems
from plus1.common.nl_dates import nl_date
from plus1.common.testing.factories import CaseTypeFactory, ProductFactory

pytestmark = pytest.mark.django_db

STATUSES = [
    StatusSpec("ontvangen", "Ontvangen", 1, is_initial=True),
    StatusSpec("in-behandeling", "In behandeling", 2),
    StatusSpec("afgehandeld", "Afgehandeld", 3, is_final=True),
]


def _form_with_condition() -> dict:
    fields = [
        FieldSpec("muziek", "yesno", "Is er versterkte muziek?", required=True),
        FieldSpec(
            "geluid_tot",
            "text",
            "Tot hoe laat is er muziek?",
            required=True,
            show_if_field="muziek",
            show_if_value=True,
        ),
        FieldSpec("datum", "date", "Datum", required=True, not_in_past=True),
        FieldSpec("soort", "radio", "Soort evenement", options=("Markt", "Concert")),
    ]
    return form_builder.to_schema(fields)


def test_a_conditional_field_is_required_only_when_shown():
    schema = _form_with_condition()
    assert forms_schema.schema_problems(schema) == []
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    without_music = forms_schema.read_submission(
        schema, {"muziek": "nee", "geluid_tot": "23:00", "datum": tomorrow}
    )
    assert "geluid_tot" not in without_music  # hidden, so not asked and not kept
    assert forms_schema.validate(schema, without_music) == {}
    with_music = forms_schema.read_submission(schema, {"muziek": "ja", "datum": tomorrow})
    assert forms_schema.validate(schema, with_music) == {"geluid_tot": ["Dit veld is verplicht."]}


def test_validation_in_words_for_dates_iban_postcode_and_choices():
    schema = form_builder.to_schema(
        [
            FieldSpec("datum", "date", "Datum", not_in_past=True),
            FieldSpec("melddatum", "date", "Wanneer gebeurde het?", max_days_ago=30),
            FieldSpec("iban", "iban", "Rekeningnummer"),
            FieldSpec("postcode", "postcode", "Postcode"),
            FieldSpec("adres", "address", "Adres"),
            FieldSpec("soort", "checkboxes", "Wat is er?", options=("Tent", "Podium")),
        ]
    )
    data = forms_schema.read_submission(
        schema,
        {
            "datum": "01-01-2020",
            "melddatum": (dt.date.today() - dt.timedelta(days=31)).isoformat(),
            "iban": "NL91ABNA0417164301",
            "postcode": "123AB",
            "adres-postcode": "1234 AB",
            "soort": "Kermis",
        },
    )
    problems = forms_schema.validate(schema, data)
    today = dt.date.today()
    assert problems["datum"] == [f"Kies {nl_date(today)} of een latere datum."]
    month_ago = nl_date(today - dt.timedelta(days=30))
    assert problems["melddatum"] == [f"Kies {month_ago} of een latere datum."]
    assert problems["iban"] == ["Dit IBAN klopt niet. Controleer de letters en cijfers."]
    assert problems["postcode"] == ["Vul een postcode in zoals 1234 AB."]
    assert problems["adres"] == ["Dit veld is verplicht."]  # the huisnummer is missing
    assert problems["soort"] == ["Kies een van de mogelijkheden."]
    assert forms_schema.iban_ok("NL91 ABNA 0417 1643 00")


def test_an_unanswerable_form_is_refused_with_every_problem_and_nothing_saved(actor):
    case_type = CaseTypeFactory(concept=True)
    before = case_type.form_schema
    schema = {
        "type": "object",
        "required": ["b"],
        "properties": {
            "a": {"type": "boolean", "title": "A", "x-widget": "yesno"},
            "b": {"type": "string", "title": "B", "x-showIf": {"field": "a", "equals": True}},
            "c": {"type": "string", "title": "C", "x-widget": "radio", "enum": []},
            "d": {"type": "number", "title": "D", "minimum": 10, "maximum": 5},
            "e": {"type": "string", "title": "E", "x-showIf": {"field": "e", "equals": "x"}},
        },
    }
    with pytest.raises(ValidationError) as refused:
        case_type_form_set(actor=actor, case_type=case_type, schema=schema)
    assert refused.value.messages == [
        "Veld ‘B’ is altijd verplicht, maar wordt soms verborgen: maak het alleen verplicht als "
        "het getoond wordt.",
        "Keuzeveld ‘C’ heeft geen keuzes.",
        "Veld ‘D’: de kleinste waarde (10) is groter dan de grootste (5).",
        "Veld ‘E’ wordt getoond op grond van zijn eigen antwoord.",
    ]
    case_type.refresh_from_db()
    assert case_type.form_schema == before
    assert not AuditEntry.objects.filter(action=audit_actions.CASE_TYPE_FORM_CHANGED).exists()


def test_builder_keeps_hand_written_keys_and_moves_fields():
    schema = {
        "type": "object",
        "required": ["kenteken"],
        "properties": {
            "kenteken": {
                "type": "string",
                "title": "Kenteken",
                "pattern": "^[A-Z0-9-]{6,8}$",
                "x-patternMessage": "Vul een kenteken in.",
            },
            "toelichting": {"type": "string", "title": "Toelichting", "x-widget": "textarea"},
        },
    }
    moved = form_builder.moved(schema, "toelichting", -1)
    assert list(moved["properties"]) == ["toelichting", "kenteken"]
    assert moved["properties"]["kenteken"]["pattern"] == "^[A-Z0-9-]{6,8}$"
    assert moved["required"] == ["kenteken"]
    assert form_builder.moved(moved, "toelichting", -1) == moved  # already at the top


def test_workflow_problems_list_every_reason():
    problems = workflow_problems(
        [
            StatusSpec("a", "Ontvangen", 1, is_initial=True),
            StatusSpec("b", "Wacht", 2),
            StatusSpec("c", "Klaar", 3, is_final=True),
        ],
        [
            TransitionSpec("a", "a", "Rondje"),
            TransitionSpec("a", "elders", "Weg"),
            TransitionSpec("c", "b", "Terug"),
        ],
    )
    assert problems == [
        "Een overgang van ‘Ontvangen’ naar zichzelf kan niet.",
        "De overgang ‘Weg’ wijst naar een status die niet bij dit zaaktype hoort (elders).",
        "Vanuit eindstatus ‘Klaar’ kan geen overgang vertrekken.",
        "Status ‘Wacht’ is vanuit de beginstatus niet te bereiken.",
        "Status ‘Klaar’ is vanuit de beginstatus niet te bereiken.",
        "Vanuit de beginstatus is geen eindstatus te bereiken.",
    ]


def test_a_workflow_that_cannot_finish_is_refused_and_nothing_saved(actor):
    case_type = CaseTypeFactory(concept=True)
    before = workflow_of(case_type)
    with pytest.raises(ValidationError) as refused:
        case_type_workflow_save(
            actor=actor,
            case_type=case_type,
            statuses=STATUSES,
            transitions=[TransitionSpec("ontvangen", "in-behandeling", "Oppakken")],
        )
    assert refused.value.messages == [
        "Status ‘Afgehandeld’ is vanuit de beginstatus niet te bereiken.",
        "Vanuit de beginstatus is geen eindstatus te bereiken.",
    ]
    assert workflow_of(case_type) == before


def test_changing_a_published_case_type_makes_a_draft_and_running_cases_keep_theirs(actor):
    published = CaseTypeFactory(code="evenement")
    product = ProductFactory(case_type=published)
    statuses = [*STATUSES[:2], StatusSpec("advies", "Advies gevraagd", 3), STATUSES[2]]
    statuses[3] = StatusSpec("afgehandeld", "Afgehandeld", 4, is_final=True)
    draft = case_type_workflow_save(
        actor=actor,
        case_type=published,
        statuses=statuses,
        transitions=[
            TransitionSpec("ontvangen", "in-behandeling", "Oppakken"),
            TransitionSpec("in-behandeling", "advies", "Advies vragen"),
            TransitionSpec("advies", "afgehandeld", "Afhandelen"),
        ],
    )
    assert draft.pk != published.pk and draft.concept and draft.code == "evenement"
    assert [s.code for s in published.statuses.order_by("order")] == [
        "ontvangen",
        "in-behandeling",
        "afgehandeld",
    ]
    assert case_type_draft(actor=actor, case_type=published) == draft  # one open draft
    assert CaseType.objects.current().get(code="evenement") == published  # not yet
    assert Product.objects.get(pk=product.pk).case_type == published

    case_type_publish(actor=actor, case_type=draft)
    draft.refresh_from_db()
    published.refresh_from_db()
    assert not draft.concept and draft.valid_from == dt.date.today()
    assert published.valid_to is not None
    assert CaseType.objects.current().get(code="evenement") == draft
    assert Product.objects.get(pk=product.pk).case_type == draft
    assert published.transitions.count() == 2  # the old version's workflow is untouched
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-4:] == [
        audit_actions.CASE_TYPE_DRAFT_CREATED,
        audit_actions.CASE_TYPE_WORKFLOW_CHANGED,
        audit_actions.CASE_TYPE_UPDATED,  # the previous version ends
        audit_actions.CASE_TYPE_PUBLISHED,
    ]


def test_a_draft_with_problems_cannot_be_published(actor):
    draft = CaseTypeFactory(concept=True)
    draft.transitions.all().delete()
    with pytest.raises(ValidationError) as refused:
        case_type_publish(actor=actor, case_type=draft)
    assert "Status ‘In behandeling’ is vanuit de beginstatus niet te bereiken." in (
        refused.value.messages
    )
    draft.refresh_from_db()
    assert draft.concept


def test_prefill_from_what_the_platform_knows():
    schema = form_builder.to_schema(
        [FieldSpec("naam", "text", "Uw naam", prefill="name"), FieldSpec("mail", "email", "E-mail")]
    )
    assert forms_schema.prefill(schema, {"name": "Anna de Boer", "email": "a@b.nl"}) == {
        "naam": "Anna de Boer"
    }


def test_an_import_is_checked_like_the_workflow_editor():
    from plus1.catalog.services import catalog_problems
    from plus1.common.testing.factories import TeamFactory

    TeamFactory(slug="vergunningen")
    document = {
        "case_types": [
            {
                "code": "kap",
                "name": "Kapvergunning",
                "team": "vergunningen",
                "statuses": [
                    {"code": "ontvangen", "name": "Ontvangen", "initial": True},
                    {"code": "advies", "name": "Advies"},
                    {"code": "klaar", "name": "Klaar", "final": True},
                ],
                "transitions": [{"from": "ontvangen", "to": "klaar", "label": "Afhandelen"}],
            }
        ]
    }
    assert catalog_problems(document) == [
        "zaaktype kap: Status ‘Advies’ is vanuit de beginstatus niet te bereiken."
    ]


def test_prefill_fills_in_what_the_platform_knows_also_an_address():
    schema = {
        "type": "object",
        "properties": {
            "naam": {"type": "string", "title": "Naam", "x-prefill": "name"},
            "telefoon": {"type": "string", "title": "Telefoon", "x-prefill": "phone"},
            "plek": {
                "type": "object",
                "title": "Adres",
                "x-widget": "address",
                "x-prefill": "address",
            },
        },
    }
    known = {"name": "Anna de Boer", "phone": "", "postcode": "1234AB", "house_number": "12a"}
    assert forms_schema.prefill(schema, known) == {
        "naam": "Anna de Boer",
        "plek-postcode": "1234AB",
        "plek-huisnummer": "12a",
    }  # an unknown phone number is left empty, not filled with ""
