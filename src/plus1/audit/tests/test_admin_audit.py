# SPDX-License-Identifier: EUPL-1.2
"""Every admin write is audited with the same chain as the services, or the admin is
read-only because the rules of its rows live in services."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from plus1.audit.admin_mixins import AuditedAdminMixin
from plus1.audit.models import AuditEntry
from plus1.audit.verify import verify_chain
from plus1.catalog.models import LegalBasis, Organisation, Product
from plus1.common.testing.factories import ProductFactory, TeamFactory, UserFactory
from plus1.identity.models import Team
from plus1.identity.testing import staff_login

pytestmark = pytest.mark.django_db

#: The models whose rules live in services: never editable in the admin.
SERVICE_OWNED = {
    "zgw.applicatie",
    "zgw.clientsecret",
    "privacy.processingactivity",
    "privacy.partner",
    "privacy.apiclient",
    "meldingen.routingrule",
    "events.kanaal",
    "events.abonnement",
    "catalog.documenttype",  # ZGW publication rules in the Catalogi API's services
    "catalog.decisiontype",
    "catalog.roletype",  # parts of one case type version
    "catalog.resulttype",
    "catalog.propertytype",
}


def _superuser_request():
    request = RequestFactory().get("/beheer/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    return request


def _read_only(model_admin, request) -> bool:
    return not (
        model_admin.has_add_permission(request)
        or model_admin.has_change_permission(request)
        or model_admin.has_delete_permission(request)
    )


def test_every_registered_admin_audits_or_is_read_only():
    request = _superuser_request()
    unaudited, editable_service_rows, unaudited_actions = [], [], []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        read_only = _read_only(model_admin, request)
        audited = isinstance(model_admin, AuditedAdminMixin) or getattr(
            model_admin, "audits_admin_writes", False
        )
        if not read_only and not audited:
            unaudited.append(label)
        if label in SERVICE_OWNED and not read_only:
            editable_service_rows.append(label)
        for name, (action, _, _) in model_admin.get_actions(request).items():
            if name != "delete_selected" and not getattr(action, "audited", False):
                unaudited_actions.append(f"{label}: {name}")
    assert unaudited == []
    assert editable_service_rows == []
    assert unaudited_actions == []
    assert len(admin.site._registry) > 20  # the walk saw the whole site


def _admin(client):
    user = UserFactory(is_staff=True, is_superuser=True, first_name="Fenna", last_name="Beheer")
    staff_login(client, user)
    return user


def test_a_change_with_its_relations_is_audited_before_and_after(client):
    _admin(client)
    team = TeamFactory(name="Vergunningen", slug="vergunningen")
    colleague = UserFactory(username="bram")
    response = client.post(
        f"/beheer/identity/team/{team.pk}/change/",
        {
            "name": "Vergunningen en evenementen",
            "slug": "vergunningen",
            "email": "",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": str(colleague.pk),
            "memberships-0-weekly_hours": "32",
            "memberships-0-skills": "[]",
            "memberships-0-areas": "[]",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="team.changed_in_admin")
    assert entry.actor_label == "Fenna Beheer"
    assert entry.before["name"] == "Vergunningen" and entry.before["members"] == []
    assert entry.after["name"] == "Vergunningen en evenementen"
    assert entry.after["members"] == [str(colleague.pk)]  # written after the relations
    assert Team.objects.get(pk=team.pk).name == "Vergunningen en evenementen"
    assert verify_chain().intact


def test_inline_rows_and_bulk_deletes_are_audited(client):
    _admin(client)
    product = ProductFactory(name="Parkeervergunning", slug="parkeren", case_type=None)
    keep = LegalBasis.objects.create(product=product, label="Parkeerverordening")
    data = {
        "name": "Parkeervergunning",
        "slug": "parkeren",
        "summary": "Parkeren bij uw huis.",
        "audience": "both",
        "login_level": product.login_level,
        "published": "on",
        "description": "",
        "resident_words": "",
        "channels": "[]",
        "name_en": "",
        "summary_en": "",
        "legal_bases-TOTAL_FORMS": "2",
        "legal_bases-INITIAL_FORMS": "1",
        "legal_bases-0-id": keep.pk,
        "legal_bases-0-product": product.pk,
        "legal_bases-0-label": "Parkeerverordening",
        "legal_bases-0-DELETE": "on",
        "legal_bases-1-product": product.pk,
        "legal_bases-1-label": "Wegenverkeerswet",
    }
    response = client.post(f"/beheer/catalog/product/{product.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "legalbasis.deleted_in_admin",
        "legalbasis.created_in_admin",
        "product.changed_in_admin",
    } <= actions
    assert list(product.legal_bases.values_list("label", flat=True)) == ["Wegenverkeerswet"]

    first = Organisation.objects.create(slug="rdw", name="RDW", layer="rijk")
    second = Organisation.objects.create(slug="cak", name="CAK", layer="rijk")
    response = client.post(
        "/beheer/catalog/organisation/",
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )
    assert response.status_code == 302
    deleted = AuditEntry.objects.filter(action="organisation.deleted_in_admin")
    assert sorted(deleted.values_list("before__name", flat=True)) == ["CAK", "RDW"]
    assert not Organisation.objects.exists()
    assert Product.objects.filter(pk=product.pk).exists()
    assert verify_chain().intact


def test_a_service_owned_row_cannot_be_changed_in_the_admin(client):
    _admin(client)
    page = client.get("/beheer/meldingen/routingrule/add/")
    assert page.status_code == 403
