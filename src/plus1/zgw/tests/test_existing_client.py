# SPDX-License-Identifier: EUPL-1.2
"""An existing ZGW client, written by others (gemma-zds-client 2.0), against the demo
municipality on a live server: it is given only the API roots, a client id and a secret,
learns every operation from the OpenAPI document at the API root, and completes a journey
through Catalogi, Zaken, Documenten and Besluiten."""

from __future__ import annotations

import base64

import pytest
from zds_client import Client, ClientAuth
from zds_client.oas import schema_fetcher

from plus1.cases.models import Case
from plus1.demo.loader import demo_load
from plus1.demo.zgw import ZGW_CASE_TYPE, ZGW_CLIENT_ID, ZGW_SECRET

# The 1.x documents of the standard name their operations the drf-spectacular way
# (`zaak_retrieve`, `zaak_destroy`); the library's default suffixes are the older ones.
SUFFIXES = {
    "list": "_list",
    "retrieve": "_retrieve",
    "create": "_create",
    "update": "_update",
    "partial_update": "_partial_update",
    "delete": "_destroy",
}
RSIN = "002220647"


@pytest.fixture
def demo(transactional_db):
    demo_load()


def api(live_server, name: str) -> Client:
    return Client(
        f"{live_server.url}/{name}/api/v1/",
        auth=ClientAuth(client_id=ZGW_CLIENT_ID, secret=ZGW_SECRET),
        operation_suffix_mapping=SUFFIXES,
    )


def test_gemma_zds_client_completes_a_zaak_journey(demo, live_server):
    schema_fetcher.cache.clear()
    catalogi, zaken = api(live_server, "catalogi"), api(live_server, "zaken")
    documenten, besluiten = api(live_server, "documenten"), api(live_server, "besluiten")

    zaaktypen = catalogi.list("zaaktype")["results"]
    zaaktype = next(z for z in zaaktypen if z["identificatie"] == ZGW_CASE_TYPE)
    assert zaaktype["omschrijving"] == "Parkeervergunning bewoners"
    roltypen = catalogi.list("roltype", params={"zaaktype": zaaktype["url"]})["results"]
    initiator = next(r for r in roltypen if r["omschrijvingGeneriek"] == "initiator")

    zaak = zaken.create(
        "zaak",
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zaaktype["url"],
            "startdatum": "2026-12-01",
            "omschrijving": "Parkeervergunning Dorpsstraat 12",
        },
    )
    status = zaken.create(
        "status",
        {
            "zaak": zaak["url"],
            "statustype": zaaktype["statustypen"][0],
            "datumStatusGezet": "2026-12-01T09:00:00Z",
            "statustoelichting": "Aanvraag ontvangen via koppeling",
        },
    )
    zaken.create(
        "rol",
        {
            "zaak": zaak["url"],
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": initiator["url"],
            "roltoelichting": "Aanvrager",
            "betrokkeneIdentificatie": {"geslachtsnaam": "Jansen", "voornamen": "Piet"},
        },
    )

    document = documenten.create(
        "enkelvoudiginformatieobject",
        {
            "bronorganisatie": RSIN,
            "creatiedatum": "2026-12-01",
            "titel": "Aanvraagformulier parkeervergunning",
            "auteur": "Piet Jansen",
            "taal": "dut",
            "bestandsnaam": "aanvraag.txt",
            "formaat": "text/plain",
            "inhoud": base64.b64encode(b"Graag een vergunning voor AB-12-CD.").decode(),
            "informatieobjecttype": zaaktype["informatieobjecttypen"][0],
            "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        },
    )
    zaken.create("zaakinformatieobject", {"zaak": zaak["url"], "informatieobject": document["url"]})
    besluit = besluiten.create(
        "besluit",
        {
            "verantwoordelijkeOrganisatie": RSIN,
            "besluittype": zaaktype["besluittypen"][0],
            "zaak": zaak["url"],
            "datum": "2026-12-01",
            "ingangsdatum": "2026-12-02",
        },
    )
    besluiten.create(
        "besluitinformatieobject", {"besluit": besluit["url"], "informatieobject": document["url"]}
    )

    # Read back through the same client.
    read = zaken.retrieve("zaak", url=zaak["url"])
    assert read["status"] == status["url"]
    assert read["omschrijving"] == "Parkeervergunning Dorpsstraat 12"
    rollen = zaken.list("rol", params={"zaak": zaak["url"]})["results"]
    assert [
        (r["omschrijvingGeneriek"], r["betrokkeneIdentificatie"]["geslachtsnaam"]) for r in rollen
    ] == [("initiator", "Jansen")]
    links = zaken.list("zaakinformatieobject", params={"zaak": zaak["url"]})
    assert [link["informatieobject"] for link in links] == [document["url"]]
    stored = documenten.retrieve("enkelvoudiginformatieobject", url=document["url"])
    assert stored["titel"] == "Aanvraagformulier parkeervergunning"
    assert stored["bestandsomvang"] == len(b"Graag een vergunning voor AB-12-CD.")
    assert besluiten.retrieve("besluit", url=besluit["url"])["zaak"] == zaak["url"]
    zaakbesluiten = zaken.list("zaakbesluit", zaak_uuid=zaak["uuid"])
    assert [b["besluit"] for b in zaakbesluiten] == [besluit["url"]]
    bios = besluiten.list("besluitinformatieobject", params={"besluit": besluit["url"]})
    assert [b["informatieobject"] for b in bios] == [document["url"]]

    # One source of truth: the zaak is the case staff see in the workbench.
    case = Case.objects.get(identification=read["identificatie"])
    assert case.case_type.code == ZGW_CASE_TYPE
    history = [(entry.status.name, entry.explanation) for entry in case.history.all()]
    assert history == [("Ontvangen", "Aanvraag ontvangen via koppeling")]
