# SPDX-License-Identifier: EUPL-1.2
"""The demo's ZGW side: a catalogus, one zaaktype that an existing ZGW client can use end
to end (initiator roltype, informatieobjecttype, besluittype) and a client id with secret
that may do everything. Printed when the demo starts; demo data only."""

from __future__ import annotations

import datetime

from plus1.audit.services import Actor
from plus1.catalog.models import CaseType
from plus1.catalog.type_models import (
    CaseTypeDocumentType,
    DecisionType,
    Direction,
    DocumentType,
    RoleKind,
    RoleType,
)
from plus1.zgw.autorisaties.services import applicatie_register
from plus1.zgw.catalogi.services.types import catalogus_create
from plus1.zgw.models import Catalogus, ZaakTypeExtensie

ZGW_CLIENT_ID = "plusstad-demo"
ZGW_SECRET = "plusstad-demo-geheim"  # noqa: S105 (demo client only, printed on start)
ZGW_CASE_TYPE = "parkeervergunning"


def zgw_demo_load(*, actor: Actor, rsin: str) -> None:
    catalogus = catalogus_create(
        actor=actor,
        values={
            "domein": "PLUS",
            "rsin": rsin,
            "naam": "Catalogus Gemeente Plusstad",
            "versie": "1",
            "begindatum_versie": datetime.date(2026, 1, 1),
            "contactpersoon_beheer_naam": "Functioneel beheer",
        },
    )
    case_type = CaseType.objects.current().get(code=ZGW_CASE_TYPE)
    RoleType.objects.create(case_type=case_type, description="Aanvrager", kind=RoleKind.INITIATOR)
    document_type = DocumentType.objects.create(
        catalogue=catalogus.uuid,
        concept=False,
        description="Aanvraag",
        confidentiality="zaakvertrouwelijk",
        category="aanvraag",
        valid_from=datetime.date(2026, 1, 1),
    )
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction=Direction.INKOMEND
    )
    decision_type = DecisionType.objects.create(
        catalogue=catalogus.uuid,
        concept=False,
        description="Besluit op aanvraag parkeervergunning",
        category="vergunning",
        valid_from=datetime.date(2026, 1, 1),
    )
    decision_type.document_types.add(document_type)
    case_type.decision_types.add(decision_type)
    _woo_request_load(catalogus)
    applicatie_register(
        actor=actor,
        label="Demo-koppeling",
        client_id=ZGW_CLIENT_ID,
        secret=ZGW_SECRET,
        heeft_alle_autorisaties=True,
    )


def _woo_request_load(catalogus: Catalogus) -> None:
    """The Woo-verzoek: four weeks, extendable by two (art. 4.4 Woo), and its besluittype,
    so that a besluit made through the Besluiten API becomes a Woo publication draft."""
    case_type = CaseType.objects.current().get(code="woo-verzoek")
    ZaakTypeExtensie.objects.update_or_create(
        case_type=case_type,
        defaults={
            "catalogus": catalogus,
            "verlenging_mogelijk": True,
            "verlengingstermijn": "P2W",
        },
    )
    decision_type = DecisionType.objects.create(
        catalogue=catalogus.uuid,
        concept=False,
        description="Besluit op Woo-verzoek",
        category="woo-besluit",
        valid_from=datetime.date(2026, 1, 1),
    )
    case_type.decision_types.add(decision_type)
