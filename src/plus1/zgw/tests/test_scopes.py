# SPDX-License-Identifier: EUPL-1.2
"""Authorisation is declared, not assumed: every routed action of every ZGW API names the
scope it needs (walked from the URL resolver), an undeclared action is refused, and a client
without the scope gets 403 with nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from plus1.cases.models import Case, Role
from plus1.catalog.models import DecisionType, RoleType
from plus1.decisions.models import Decision
from plus1.documents.models import Document
from plus1.documents.tests.conftest import document_body, make_document_type
from plus1.events.models import Abonnement, Kanaal
from plus1.zgw import scopes
from plus1.zgw.base import ZgwViewSet
from plus1.zgw.models import Applicatie, Catalogus
from plus1.zgw.referentielijsten.views import ReferentieView
from plus1.zgw.tests.conftest import ZAKEN, limited_client, zaak_body, zaaktype_url

ZGW_ROOTS = (
    "catalogi/",
    "zaken/",
    "documenten/",
    "besluiten/",
    "autorisaties/",
    "notificaties/",
    "referentielijsten/",
    "klantinteracties/",
)


def _views(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.callback


def zgw_routes() -> list[tuple[str, Any]]:
    return [
        (route, view)
        for route, view in _views(get_resolver().url_patterns)
        if route.startswith(ZGW_ROOTS)
    ]


def routed_actions() -> dict[type, set[str]]:
    found: dict[type, set[str]] = {}
    for _, view in zgw_routes():
        if getattr(view, "actions", None):
            found.setdefault(view.cls, set()).update(view.actions.values())
    return found


def test_the_walk_finds_every_zgw_api():
    classes = routed_actions()
    components = {cls.component for cls in classes}

    assert components == {"zrc", "ztc", "drc", "brc", "ac", "nrc", "kic"}
    assert len(classes) >= 30
    assert sum(len(actions) for actions in classes.values()) >= 120


def test_every_routed_action_declares_a_scope_of_its_own_component():
    problems = []
    for cls, actions in routed_actions().items():
        assert issubclass(cls, ZgwViewSet), cls
        for action in sorted(actions):
            needed = cls.scopes.get(action)
            options = needed if isinstance(needed, tuple) else (needed,)
            if isinstance(needed, scopes.Unscoped):
                if not needed.reason:
                    problems.append(f"{cls.__name__}.{action}: Unscoped without a reason")
            elif not options or not all(isinstance(s, scopes.Scope) for s in options):
                problems.append(f"{cls.__name__}.{action}: no scope declared ({needed!r})")
            elif any(s.component != cls.component for s in options):
                problems.append(f"{cls.__name__}.{action}: scope of another component")
        stale = set(cls.scopes) - actions
        if stale:
            problems.append(f"{cls.__name__}: scopes for actions it does not route: {stale}")

    assert problems == []


def test_only_the_consumer_lookup_is_open_to_every_client():
    unscoped = {
        (cls.__name__, action)
        for cls, actions in routed_actions().items()
        for action in actions
        if isinstance(cls.scopes.get(action), scopes.Unscoped)
    }

    assert unscoped == {("ApplicatieViewSet", "consumer")}


def test_the_only_views_outside_the_scoped_viewsets_are_the_public_reference_lists():
    others = [view for _, view in zgw_routes() if not getattr(view, "actions", None)]

    assert others and all(issubclass(view.cls, ReferentieView) for view in others)
    assert all(set(view.cls().allowed_methods) <= {"GET", "HEAD", "OPTIONS"} for view in others)


def test_scopes_are_the_full_set_of_the_standards_each_described_once():
    codes = [scope.code for scope in scopes.ALL]

    assert len(codes) == len(set(codes)) == 28
    assert {code.split(".")[0] for code in codes} == {
        "zaken",
        "catalogi",
        "documenten",
        "besluiten",
        "autorisaties",
        "notificaties",
        "klantinteracties",
    }
    assert all(scope.description and scope.component for scope in scopes.ALL)


def test_an_action_without_a_declared_scope_is_refused_even_with_all_rights(superclient):
    """OPTIONS (DRF's implicit `metadata` action) names no scope, so it is refused."""
    response = superclient.options(f"{ZAKEN}/zaken")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_a_method_that_is_not_routed_still_answers_405(superclient):
    assert superclient.put(f"{ZAKEN}/zaken").status_code == 405


# --- A client without the scope: 403, and the row count does not change -------------------


def reader(name: str, component: str, scope: scopes.Scope, **types: str) -> Any:
    autorisatie = {"component": component, "scopes": [scope.code], **types}
    if component in ("zrc", "drc"):
        autorisatie["max_vertrouwelijkheidaanduiding"] = "zeer_geheim"
    return limited_client(name, [autorisatie])


def assert_refused(response: Any, model: Any, before: int) -> None:
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "permission_denied"
    assert model.objects.count() == before


@pytest.mark.django_db
def test_zaken_a_reader_cannot_create_a_zaak(case_type):
    api = reader("lezer", "zrc", scopes.ZAKEN_LEZEN, zaaktype=zaaktype_url(case_type))
    before = Case.objects.count()

    assert_refused(api.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json"), Case, before)


@pytest.mark.django_db
def test_zaken_a_writer_for_another_zaaktype_is_refused_before_anything_is_written(
    superclient, case_type
):
    """The handler checks the zaak's zaaktype before it writes, not afterwards relying on
    rollback: no INSERT reaches the database at all."""
    from plus1.common.testing.factories import CaseTypeFactory

    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    role_type = RoleType.objects.create(
        case_type=case_type, description="Belanghebbende", kind="belanghebbende"
    )
    other = CaseTypeFactory()
    api = reader("ander", "zrc", scopes.ZAKEN_BIJWERKEN, zaaktype=zaaktype_url(other))
    body = {
        "zaak": zaak["url"],
        "roltype": f"http://testserver/catalogi/api/v1/roltypen/{role_type.uuid}",
        "betrokkeneType": "natuurlijk_persoon",
        "roltoelichting": "buurman",
        "betrokkeneIdentificatie": {"geslachtsnaam": "Jansen"},
    }
    before = Role.objects.count()

    with CaptureQueriesContext(connection) as queries:
        response = api.post(f"{ZAKEN}/rollen", body, format="json")

    assert_refused(response, Role, before)
    assert [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("INSERT")] == []
    assert superclient.post(f"{ZAKEN}/rollen", body, format="json").status_code == 201


@pytest.mark.django_db
def test_catalogi_a_reader_cannot_create_a_catalogus():
    api = reader("lezer", "ztc", scopes.CATALOGI_LEZEN)
    body = {"domein": "PLUS", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"}
    before = Catalogus.objects.count()

    assert_refused(
        api.post("/catalogi/api/v1/catalogussen", body, format="json"), Catalogus, before
    )


@pytest.mark.django_db
def test_documenten_a_reader_cannot_create_a_document():
    document_type = make_document_type()
    type_url = f"http://testserver/catalogi/api/v1/informatieobjecttypen/{document_type.uuid}"
    api = reader("lezer", "drc", scopes.DOCUMENTEN_LEZEN, informatieobjecttype=type_url)
    before = Document.objects.count()

    response = api.post(
        "/documenten/api/v1/enkelvoudiginformatieobjecten",
        document_body(document_type),
        format="json",
    )

    assert_refused(response, Document, before)


@pytest.mark.django_db
def test_besluiten_a_reader_cannot_create_a_besluit():
    decision_type = DecisionType.objects.create(description="Vergunning", concept=False)
    type_url = f"http://testserver/catalogi/api/v1/besluittypen/{decision_type.uuid}"
    api = reader("lezer", "brc", scopes.BESLUITEN_LEZEN, besluittype=type_url)
    body = {
        "verantwoordelijkeOrganisatie": "002220647",
        "besluittype": type_url,
        "datum": "2026-01-05",
        "ingangsdatum": "2026-01-06",
    }
    before = Decision.objects.count()

    assert_refused(api.post("/besluiten/api/v1/besluiten", body, format="json"), Decision, before)


@pytest.mark.django_db
def test_autorisaties_a_reader_cannot_register_an_applicatie():
    api = reader("lezer", "ac", scopes.AUTORISATIES_LEZEN)
    body = {
        "clientIds": ["nieuw"],
        "label": "Nieuw",
        "heeftAlleAutorisaties": True,
        "autorisaties": [],
    }
    before = Applicatie.objects.count()

    assert_refused(
        api.post("/autorisaties/api/v1/applicaties", body, format="json"), Applicatie, before
    )


@pytest.mark.django_db
def test_notificaties_a_consumer_cannot_make_a_kanaal_nor_a_publisher_subscribe():
    consumer = reader("consument", "nrc", scopes.NOTIFICATIES_CONSUMEREN)
    publisher = reader("publicist", "nrc", scopes.NOTIFICATIES_PUBLICEREN)
    kanalen, abonnementen = Kanaal.objects.count(), Abonnement.objects.count()
    subscription = {
        "callbackUrl": "http://ontvanger.example/callback",
        "auth": "Bearer token",
        "kanalen": [{"naam": "zaken", "filters": {}}],
    }

    assert_refused(
        consumer.post("/notificaties/api/v1/kanaal", {"naam": "nieuw"}, format="json"),
        Kanaal,
        kanalen,
    )
    assert_refused(
        publisher.post("/notificaties/api/v1/abonnement", subscription, format="json"),
        Abonnement,
        abonnementen,
    )
    assert consumer.get("/notificaties/api/v1/kanaal").status_code == 200
    assert publisher.get("/notificaties/api/v1/kanaal").status_code == 200


@pytest.mark.django_db
def test_klantinteracties_a_reader_cannot_register_a_klantcontact_nor_a_callback():
    from plus1.contact.models import Callback, ContactMoment

    api = reader("kcc-lezer", "kic", scopes.KLANTINTERACTIES_LEZEN)
    zaken_writer = reader("zaken-schrijver", "zrc", scopes.ZAKEN_AANMAKEN)
    body = {"kanaal": "telefoon", "onderwerp": "Vraag", "taal": "dut", "vertrouwelijk": False}
    moments, callbacks = ContactMoment.objects.count(), Callback.objects.count()

    assert_refused(
        api.post("/klantinteracties/api/v1/klantcontacten", body, format="json"),
        ContactMoment,
        moments,
    )
    assert_refused(
        zaken_writer.post("/klantinteracties/api/v1/klantcontacten", body, format="json"),
        ContactMoment,
        moments,
    )
    assert_refused(
        api.post("/klantinteracties/api/v1/internetaken", {}, format="json"), Callback, callbacks
    )
    assert api.get("/klantinteracties/api/v1/klantcontacten").status_code == 200
    assert zaken_writer.get("/klantinteracties/api/v1/partijen").status_code == 403


@pytest.mark.django_db
def test_a_second_resultaat_on_a_closed_zaak_is_a_400_before_the_rights_check(
    superclient, case_type
):
    """zrc-007e of the VNG suite: invalid input answers 400 even where the client could not
    write anyway; the rights are checked after the input and before the write."""
    from plus1.cases.models import Result
    from plus1.zgw.tests.test_zaken_records import _close

    zaak = superclient.post(f"{ZAKEN}/zaken", zaak_body(case_type), format="json").json()
    _close(superclient, zaak, case_type)
    result_type = Result.objects.get().result_type
    api = limited_client(
        "zonder-forceren",
        [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen", "zaken.bijwerken"],
                "zaaktype": zaaktype_url(case_type),
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    body = {
        "zaak": zaak["url"],
        "resultaattype": f"http://testserver/catalogi/api/v1/resultaattypen/{result_type.uuid}",
    }

    response = api.post(f"{ZAKEN}/resultaten", body, format="json")

    assert response.status_code == 400, response.json()
    assert [p["code"] for p in response.json()["invalidParams"]] == ["unique"]
    assert Result.objects.count() == 1
