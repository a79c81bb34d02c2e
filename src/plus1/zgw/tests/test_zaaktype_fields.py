# SPDX-License-Identifier: EUPL-1.2
"""The zaaktype's ZGW-only fields are columns of zgw.ZaakTypeExtensie: what a client writes
is stored as such, read back alike, filterable (trefwoorden), and refused whole when wrong."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from plus1.catalog.models import CaseType
from plus1.zgw.models import ZaakTypeExtensie, ZaakTypeRelatie, ZaakTypeTrefwoord
from plus1.zgw.tests.conftest import CATALOGI
from plus1.zgw.tests.test_catalogi import catalogus_url, zaaktype_body  # noqa: F401

pytestmark = pytest.mark.django_db
LATEST = "0005_zaaktype_fields_as_columns"

BRON = {"url": "https://bron.example/catalogussen/1", "domein": "BRON", "rsin": "002220647"}
BEZWAAR = "https://andere.example/catalogi/api/v1/zaaktypen/1"
BRONZAAKTYPE = {
    "url": "https://bron.example/zaaktypen/1",
    "identificatie": "kap",
    "omschrijving": "Kap",
}


def create(api, catalogus, **extra):
    return api.post(f"{CATALOGI}/zaaktypen", zaaktype_body(catalogus, **extra), format="json")


def test_every_field_is_stored_in_its_column_and_read_back(superclient, catalogus_url):  # noqa: F811
    created = create(
        superclient,
        catalogus_url,
        servicenorm="P10D",
        verlengingMogelijk=True,
        verlengingstermijn="P28D",
        trefwoorden=["boom", "kap"],
        broncatalogus=BRON,
        bronzaaktype=BRONZAAKTYPE,
        beginObject="2026-02-01",
        gerelateerdeZaaktypen=[
            {"zaaktype": BEZWAAR, "aardRelatie": "vervolg", "toelichting": "Na een besluit"}
        ],
    )
    assert created.status_code == 201, created.json()

    stored = ZaakTypeExtensie.objects.get(case_type__uuid=created.json()["url"].rsplit("/", 1)[1])
    assert (stored.doel, stored.servicenorm, stored.verlengingstermijn) == (
        "Bomen beschermen",
        "P10D",
        "P28D",
    )
    assert (stored.broncatalogus_rsin, stored.bronzaaktype_identificatie) == ("002220647", "kap")
    assert stored.begin_object.isoformat() == "2026-02-01"
    assert [t.woord for t in stored.trefwoord_rows.all()] == ["boom", "kap"]
    assert [(r.gerelateerd, r.aard_relatie) for r in stored.relaties.all()] == [
        (BEZWAAR, "vervolg")
    ]
    shown = superclient.get(created.json()["url"]).json()
    assert shown["broncatalogus"] == BRON and shown["bronzaaktype"] == BRONZAAKTYPE
    assert shown["trefwoorden"] == ["boom", "kap"]
    assert shown["servicenorm"] == "P10D" and shown["beginObject"] == "2026-02-01"
    assert shown["gerelateerdeZaaktypen"] == [
        {"zaaktype": BEZWAAR, "aardRelatie": "vervolg", "toelichting": "Na een besluit"}
    ]
    assert shown["referentieproces"] == {"naam": "Vergunning", "link": ""}


def test_a_partial_update_changes_only_what_it_names(superclient, catalogus_url):  # noqa: F811
    url = create(superclient, catalogus_url, trefwoorden=["boom"]).json()["url"]

    changed = superclient.patch(url, {"aanleiding": "Storm", "servicenorm": None}, format="json")

    assert changed.status_code == 200, changed.json()
    assert changed.json()["aanleiding"] == "Storm" and changed.json()["servicenorm"] is None
    assert changed.json()["trefwoorden"] == ["boom"]
    assert changed.json()["doel"] == "Bomen beschermen"


def test_trefwoorden_filters_the_list_on_every_word(superclient, catalogus_url):  # noqa: F811
    create(superclient, catalogus_url, identificatie="kap", trefwoorden=["boom", "kap"])
    create(superclient, catalogus_url, identificatie="uitrit", trefwoorden=["boom"])
    create(superclient, catalogus_url, identificatie="geen")

    def found(words):
        query = {"trefwoorden": words, "status": "alles"}
        rows = superclient.get(f"{CATALOGI}/zaaktypen", query).json()
        return sorted(row["identificatie"] for row in rows["results"])

    assert found("boom") == ["kap", "uitrit"]
    assert found("boom,kap") == ["kap"]
    assert found("onbekend") == []


def test_an_incomplete_broncatalogus_is_refused_and_nothing_is_written(superclient, catalogus_url):  # noqa: F811
    before = CaseType.objects.count()

    refused = create(
        superclient,
        catalogus_url,
        broncatalogus={"url": BRON["url"]},
        bronzaaktype={"url": "geen-url", "identificatie": "x", "omschrijving": "x"},
    )

    assert refused.status_code == 400
    names = {param["name"] for param in refused.json()["invalidParams"]}
    assert {"broncatalogus.domein", "broncatalogus.rsin", "bronzaaktype.url"} <= names
    assert CaseType.objects.count() == before
    assert not ZaakTypeTrefwoord.objects.exists() and not ZaakTypeRelatie.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_json_into_the_columns():
    """zgw 0005 on a zaaktype as 0004 stored it: the JSON's fields land in their columns."""
    executor = MigrationExecutor(connection)
    before, after = [("zgw", "0004_klantinteracties_component")], [("zgw", LATEST)]
    executor.migrate(before)
    old = MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps
    team = old.get_model("identity", "Team").objects.create(slug="t", name="Team")
    case_type = old.get_model("catalog", "CaseType").objects.create(
        code="kap", name="Kapvergunning", responsible_team=team
    )
    catalogus = old.get_model("zgw", "Catalogus").objects.create(
        domein="PLUS", rsin="002220647", contactpersoon_beheer_naam="Beheer"
    )
    old.get_model("zgw", "ZaakTypeExtensie").objects.create(
        case_type=case_type,
        catalogus=catalogus,
        data={
            "doel": "Uit de JSON",
            "servicenorm": "P5D",
            "beginObject": "2026-02-01",
            "trefwoorden": ["oud"],
            "bronzaaktype": BRONZAAKTYPE,
            "gerelateerdeZaaktypen": [{"zaaktype": "bezwaar", "aardRelatie": "bijdrage"}],
        },
    )

    MigrationExecutor(connection).migrate(after)

    stored = ZaakTypeExtensie.objects.get(case_type__code="kap")
    assert (stored.doel, stored.servicenorm, stored.bronzaaktype_identificatie) == (
        "Uit de JSON",
        "P5D",
        "kap",
    )
    assert stored.begin_object.isoformat() == "2026-02-01"
    assert [t.woord for t in stored.trefwoord_rows.all()] == ["oud"]
    assert [r.aard_relatie for r in stored.relaties.all()] == ["bijdrage"]
