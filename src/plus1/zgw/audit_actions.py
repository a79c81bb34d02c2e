# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the zgw context: the `action` of its audit entries."""

from __future__ import annotations

from dataclasses import dataclass

APPLICATIE_CREATED = "zgw.applicatie_created"
APPLICATIE_UPDATED = "zgw.applicatie_updated"
APPLICATIE_DELETED = "zgw.applicatie_deleted"
APPLICATIE_REGISTERED = "zgw.applicatie_registered"
CATALOGUS_CREATED = "zgw.catalogus_created"
ZAAKTYPE_PUBLISHED = "zgw.zaaktype_published"
KANAAL_CREATED = "zgw.kanaal_created"
ABONNEMENT_CREATED = "zgw.abonnement_created"
ABONNEMENT_UPDATED = "zgw.abonnement_updated"
ABONNEMENT_DELETED = "zgw.abonnement_deleted"
NOTIFICATIE_PUBLISHED = "zgw.notificatie_published"
ZAAK_CREATED = "zgw.zaak_created"
ZAAK_UPDATED = "zgw.zaak_updated"


@dataclass(frozen=True)
class CatalogueRowActions:
    """The four things the Catalogi API does to one kind of catalogue row."""

    created: str
    updated: str
    deleted: str
    published: str


def _row(model_name: str) -> CatalogueRowActions:
    verbs = ("created", "updated", "deleted", "published")
    return CatalogueRowActions(*(f"zgw.{model_name}_{verb}" for verb in verbs))


# By the row's model name (Model._meta.model_name); an unlisted model is a KeyError.
CATALOGUE_ROWS: dict[str, CatalogueRowActions] = {
    name: _row(name)
    for name in (
        "casetype",
        "statustype",
        "documenttype",
        "decisiontype",
        "roletype",
        "resulttype",
        "propertytype",
        "caseobjecttype",
        "casetypedocumenttype",
    )
}
