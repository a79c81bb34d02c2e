# SPDX-License-Identifier: EUPL-1.2
"""The type parts real zaaktypen have and the demo catalogue leaves out, for `plus1 generate`:
roltypen (initiator, behandelaar, belanghebbende), a resultaattype and an eigenschap per
zaaktype that lacks them, so the generated zaken (and a benchmark's writes) have other roles,
results and properties as a municipality's do. Only for a load-test database."""

from __future__ import annotations

from django.conf import settings

from plus1.catalog.models import CaseType, PropertyType, ResultType, RoleType
from plus1.catalog.type_models import RoleKind

REFERENCE = "/referentielijsten/api/v1"
AFGEHANDELD = "e6a0c939-3404-45b0-88e3-76c94fb80ea7"  # resultaattypeomschrijving
NIHIL = "6711baff-798b-4c7f-9133-8ad02c8b7c6f"  # selectielijst resultaat, procestermijn nihil
ROLES = (
    (RoleKind.INITIATOR, "Aanvrager"),
    (RoleKind.BEHANDELAAR, "Behandelaar"),
    (RoleKind.BELANGHEBBENDE, "Belanghebbende"),
)
PROPERTY_SPEC = {
    "formaat": "tekst",
    "lengte": "40",
    "kardinaliteit": "1",
    "waardenverzameling": [],
}


def complete_case_types(types: list[CaseType]) -> None:
    base = settings.BASE_URL.rstrip("/") + REFERENCE
    for kind in types:
        have = set(RoleType.objects.filter(case_type=kind).values_list("kind", flat=True))
        RoleType.objects.bulk_create(
            RoleType(case_type=kind, kind=role, description=label, valid_from=kind.valid_from)
            for role, label in ROLES
            if role not in have
        )
        if not ResultType.objects.filter(case_type=kind).exists():
            ResultType.objects.create(
                case_type=kind,
                description="Afgehandeld",
                result_type_url=f"{base}/resultaattypeomschrijvingen/{AFGEHANDELD}",
                selection_list_class=f"{base}/resultaten/{NIHIL}",
                archive_nomination="vernietigen",
                archive_action_term="P10Y",
                source_date={"afleidingswijze": "afgehandeld"},
                valid_from=kind.valid_from,
            )
        if not PropertyType.objects.filter(case_type=kind).exists():
            PropertyType.objects.create(
                case_type=kind,
                name="kenmerk",
                definition="Het kenmerk dat de aanvrager aan de zaak gaf",
                specification=PROPERTY_SPEC,
                valid_from=kind.valid_from,
            )
