# SPDX-License-Identifier: EUPL-1.2
"""Notifications (kanaal `documenten`) for changes to documents, in the change's transaction."""

from __future__ import annotations

from plus1.documents.models import Document
from plus1.events.notifications import notify

KANAAL = "documenten"
API_ROOT = "/documenten/api/v1"
DOCUMENT_PATH = f"{API_ROOT}/enkelvoudiginformatieobjecten"


def document_url(base_url: str, document: Document) -> str:
    return f"{base_url}{DOCUMENT_PATH}/{document.uuid}"


def announce(
    *,
    base_url: str,
    document: Document,
    actie: str,
    resource: str = "enkelvoudiginformatieobject",
    resource_path: str = "",
) -> None:
    """Tell subscribers of kanaal documenten; base_url is the API's host ('' inside Plus1)."""
    main = document_url(base_url, document)
    notify(
        kanaal=KANAAL,
        resource=resource,
        actie=actie,
        resource_url=f"{base_url}{resource_path}" if resource_path else main,
        hoofd_object=main,
        kenmerken={
            "bronorganisatie": document.source_organisation,
            "informatieobjecttype": (
                f"{base_url}/catalogi/api/v1/informatieobjecttypen/{document.document_type.uuid}"
            ),
            "vertrouwelijkheidaanduiding": document.confidentiality,
        },
    )
