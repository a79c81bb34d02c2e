# SPDX-License-Identifier: EUPL-1.2
"""A functional administrator changes a form and a workflow in the admin pages, previews
and publishes; residents get the new form, running cases keep their version."""

import pytest
from django.test import Client
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.cases.models import Case
from plus1.catalog import audit_actions, forms_schema
from plus1.catalog.models import CaseType
from plus1.common.testing.factories import (
    CaseTypeFactory,
    ProductFactory,
    ResidentFactory,
    TeamFactory,
    UserFactory,
)
from plus1.identity.testing import staff_login
from plus1.portal.testing import send_request
from plus1.privacy.testing import serve_under_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client, settings):
    settings.DEMO_MODE = True
    team = TeamFactory(slug="vergunningen", name="Team Vergunningen")
    case_type = CaseTypeFactory(
        code="evenementenvergunning", name="Evenementenvergunning", responsible_team=team
    )
    product = ProductFactory(slug="evenement", name="Evenement aanvragen", case_type=case_type)
    serve_under_activity(case_type)
    admin = UserFactory(is_staff=True, is_superuser=True, first_name="Fenna", last_name="Beheer")
    staff_login(client, admin)
    return {"case_type": case_type, "product": product}


def _url(name, case_type):
    return reverse(f"admin:catalog_casetype_{name}", args=[case_type.pk])


def _field(**values):
    return {"action": "save", "kind": "text", "label": "", "show_if_value": "ja", **values}


def test_builder_adds_a_conditional_field_in_a_draft_and_shows_a_preview(client, setup):
    published = setup["case_type"]
    response = client.post(
        _url("form", published), _field(kind="yesno", label="Is er muziek?", required="on")
    )
    draft = CaseType.objects.get(code="evenementenvergunning", concept=True)
    assert response.status_code == 302 and response["Location"] == _url("form", draft)
    response = client.post(
        _url("form", draft),
        _field(
            label="Tot hoe laat?", required="on", show_if_field="is_er_muziek", show_if_value="ja"
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert [name for name, _ in forms_schema.properties_in_order(draft.form_schema)] == [
        "onderwerp",
        "aantal",
        "is_er_muziek",
        "tot_hoe_laat",
    ]
    assert draft.form_schema["properties"]["tot_hoe_laat"]["x-showIf"] == {
        "field": "is_er_muziek",
        "equals": True,
    }
    published.refresh_from_db()
    assert "is_er_muziek" not in published.form_schema["properties"]  # residents see the old form

    page = client.get(_url("form", draft)).content.decode()
    assert "Voorbeeld: zo ziet de inwoner het" in page
    assert "Alleen invullen als u bij ‘Is er muziek?’ ‘ja’ hebt gekozen." in page

    client.post(_url("form", draft), {"action": "up", "field": "tot_hoe_laat"})
    draft.refresh_from_db()
    assert forms_schema.properties_in_order(draft.form_schema)[2][0] == "tot_hoe_laat"

    preview = client.post(_url("preview", draft), {"onderwerp": "Braderie", "is_er_muziek": "ja"})
    assert "Tot hoe laat?: Dit veld is verplicht." in preview.content.decode()
    assert Case.objects.count() == 0


def test_builder_refuses_a_choice_without_options_and_min_above_max(client, setup):
    case_type = setup["case_type"]
    response = client.post(_url("form", case_type), _field(kind="radio", label="Soort"))
    assert response.status_code == 400
    assert "Keuzeveld ‘Soort’ heeft geen keuzes." in response.content.decode()
    response = client.post(
        _url("form", case_type),
        _field(kind="number", label="Bezoekers", minimum="500", maximum="10"),
    )
    assert (
        "Veld ‘Bezoekers’: de kleinste waarde (500) is groter dan de grootste (10)."
        in response.content.decode()
    )
    assert not CaseType.objects.filter(concept=True).exists()  # nothing saved, not even a draft


def _workflow(statuses, transitions):
    data = {
        "statussen-TOTAL_FORMS": str(len(statuses)),
        "statussen-INITIAL_FORMS": "0",
        "overgangen-TOTAL_FORMS": str(len(transitions)),
        "overgangen-INITIAL_FORMS": "0",
    }
    for index, (order, code, name, initial, final) in enumerate(statuses):
        data.update(
            {
                f"statussen-{index}-order": order,
                f"statussen-{index}-code": code,
                f"statussen-{index}-name": name,
                f"statussen-{index}-resident_text": f"Uw aanvraag is {name.lower()}.",
            }
        )
        if initial:
            data[f"statussen-{index}-is_initial"] = "on"
        if final:
            data[f"statussen-{index}-is_final"] = "on"
    for index, (source, target, label) in enumerate(transitions):
        data.update(
            {
                f"overgangen-{index}-source": source,
                f"overgangen-{index}-target": target,
                f"overgangen-{index}-label": label,
            }
        )
    return data


STATUSES = [
    (1, "ontvangen", "Ontvangen", True, False),
    (2, "in-behandeling", "In behandeling", False, False),
    (3, "advies", "Advies gevraagd", False, False),
    (4, "afgehandeld", "Afgehandeld", False, True),
]


def test_workflow_editor_refuses_an_unfinishable_workflow_listing_every_problem(client, setup):
    case_type = setup["case_type"]
    page = client.get(_url("workflow", case_type))
    assert page.status_code == 200 and 'value="in-behandeling"' in page.content.decode()
    response = client.post(
        _url("workflow", case_type),
        _workflow(STATUSES, [("ontvangen", "in-behandeling", "Oppakken")]),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Status ‘Advies gevraagd’ is vanuit de beginstatus niet te bereiken." in body
    assert "Status ‘Afgehandeld’ is vanuit de beginstatus niet te bereiken." in body
    assert "Vanuit de beginstatus is geen eindstatus te bereiken." in body
    assert not CaseType.objects.filter(concept=True).exists()


def test_new_status_published_for_new_cases_while_a_running_case_keeps_its_workflow(client, setup):
    published = setup["case_type"]
    anna = ResidentFactory(name="Anna de Boer", email="anna@example.nl")
    resident = Client()
    resident.post(reverse("portal:login"), {"party": str(anna.uuid)})
    send_request(resident, "evenement", {"onderwerp": "Markt"})
    running = Case.objects.get()
    assert running.case_type == published

    response = client.post(
        _url("workflow", published),
        _workflow(
            STATUSES,
            [
                ("ontvangen", "in-behandeling", "Oppakken"),
                ("in-behandeling", "advies", "Advies vragen"),
                ("advies", "afgehandeld", "Afhandelen"),
            ],
        ),
    )
    draft = CaseType.objects.get(code="evenementenvergunning", concept=True)
    assert response.status_code == 302
    page = client.get(_url("publish", draft)).content.decode()
    assert "Advies gevraagd" in page and "Nu publiceren" in page
    assert client.post(_url("publish", draft)).status_code == 302

    draft.refresh_from_db()
    assert not draft.concept
    send_request(resident, "evenement", {"onderwerp": "Kermis"})
    new_case = Case.objects.exclude(pk=running.pk).get()
    assert new_case.case_type == draft
    assert set(draft.statuses.values_list("code", flat=True)) >= {"advies"}
    running.refresh_from_db()
    assert running.case_type == published
    assert not published.statuses.filter(code="advies").exists()
    assert published.transitions.filter(
        source__code="in-behandeling", target__code="afgehandeld"
    ).exists()
    assert AuditEntry.objects.filter(
        action=audit_actions.CASE_TYPE_PUBLISHED, actor_label="Fenna Beheer"
    ).exists()


def test_the_portal_fills_in_what_it_knows(client, setup):
    case_type = setup["case_type"]
    client.post(_url("form", case_type), _field(kind="text", label="Uw naam", prefill="name"))
    draft = CaseType.objects.get(concept=True)
    client.post(_url("publish", draft))
    anna = ResidentFactory(name="Anna de Boer")
    resident = Client()
    resident.post(reverse("portal:login"), {"party": str(anna.uuid)})
    page = resident.get(reverse("portal:request", args=["evenement"])).content.decode()
    assert 'value="Anna de Boer"' in page


def test_a_new_case_type_starts_as_a_draft_offered_to_nobody(client, setup):
    team = setup["case_type"].responsible_team
    response = client.post(
        reverse("admin:catalog_casetype_add"),
        {
            "name": "Marktvergunning",
            "code": "marktvergunning",
            "description": "",
            "responsible_team": team.pk,
            "active": "on",
            "legal_term": "P8W",
            "confidentiality": "openbaar",
            "form_schema": '{"type": "object", "properties": {}}',
        },
    )
    assert response.status_code == 302
    created = CaseType.objects.get(code="marktvergunning")
    assert created.concept
    assert not CaseType.objects.current().filter(code="marktvergunning").exists()
    page = client.get(_url("publish", created)).content.decode()
    assert "Deze versie kan nog niet worden gepubliceerd" in page


def test_every_field_kind_renders_in_the_portal_and_its_answers_are_kept(client, setup):
    from plus1.catalog import form_builder
    from plus1.catalog.form_builder import FieldSpec

    case_type = setup["case_type"]
    case_type.form_schema = form_builder.to_schema(
        [
            FieldSpec(
                "soort", "radio", "Soort evenement", required=True, options=("Markt", "Concert")
            ),
            FieldSpec("extra", "checkboxes", "Wat komt er?", options=("Tent", "Podium")),
            FieldSpec("plek", "address", "Adres van het evenement", required=True),
            FieldSpec("iban", "iban", "Rekeningnummer voor de borg"),
            FieldSpec("uitleg", "textarea", "Toelichting", maximum=500),
            FieldSpec("telefoon", "phone", "Telefoonnummer", prefill="phone"),
        ]
    )
    case_type.save()
    anna = ResidentFactory(name="Anna de Boer", phone="06 1234 5678")
    resident = Client()
    resident.post(reverse("portal:login"), {"party": str(anna.uuid)})
    url = reverse("portal:request", args=["evenement"])
    page = resident.get(url).content.decode()
    assert "<legend>Soort evenement</legend>" in page
    assert 'type="radio" id="veld-soort-1" name="soort" value="Markt"' in page
    assert 'type="checkbox" id="veld-extra-2" name="extra" value="Podium"' in page
    assert '<label for="veld-plek-huisnummer">Huisnummer</label>' in page
    assert 'value="06 1234 5678"' in page  # what the platform knows, filled in

    refused = resident.post(
        url,
        {"soort": "Markt", "extra": ["Tent", "Podium"], "plek-postcode": "1234 AB", "iban": "NL00"},
    )
    body = refused.content.decode()
    assert refused.status_code == 400
    assert "Adres van het evenement: Dit veld is verplicht." in body
    assert "Rekeningnummer voor de borg: Vul een IBAN in zoals NL91 ABNA 0417 1643 00." in body
    assert 'value="Podium" checked' in body and 'value="1234 AB"' in body  # kept
    assert not Case.objects.exists()

    send_request(
        resident,
        "evenement",
        {
            "soort": "Markt",
            "extra": ["Tent", "Podium"],
            "plek-postcode": "1234 AB",
            "plek-huisnummer": "12a",
            "iban": "NL91 ABNA 0417 1643 00",
        },
    )
    case = Case.objects.get()
    assert case.form_data["extra"] == ["Tent", "Podium"]
    assert case.form_data["plek"] == {"postcode": "1234 AB", "huisnummer": "12a"}


def test_a_product_can_only_point_at_the_version_in_force(client, setup):
    published = setup["case_type"]
    client.post(_url("form", published), _field(kind="text", label="Extra vraag"))
    draft = CaseType.objects.get(concept=True)
    page = client.get(reverse("admin:catalog_product_change", args=[setup["product"].pk]))
    choices = {item.pk for item in page.context["adminform"].form.fields["case_type"].queryset}
    assert published.pk in choices and draft.pk not in choices
