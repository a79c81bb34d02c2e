# SPDX-License-Identifier: EUPL-1.2
"""Cases registered or moved on in the portal or workbench are ZGW zaken too: subscribers of
kanaal `zaken` hear of them as they hear of changes made through the Zaken API. (Changes
made through the API publish their own notification in the API's transaction.)"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction

from plus1.cases.models import Case, CaseStatus
from plus1.events.notifications import notify

API_CLIENT = "api_client"
ZAKEN, ZAAKTYPEN = "/zaken/api/v1", "/catalogi/api/v1/zaaktypen"


def _zaak_notify(case: Case, resource: str, resource_url: str) -> None:
    zaak_url = f"{settings.BASE_URL}{ZAKEN}/zaken/{case.uuid}"
    zgw = getattr(case, "zgw", None)
    notify(
        kanaal="zaken",
        resource=resource,
        actie="create",
        resource_url=resource_url or zaak_url,
        hoofd_object=zaak_url,
        kenmerken={
            "bronorganisatie": zgw.bronorganisatie if zgw else settings.ZGW_RSIN,
            "zaaktype": f"{settings.BASE_URL}{ZAAKTYPEN}/{case.case_type.uuid}",
            "vertrouwelijkheidaanduiding": case.confidentiality,
        },
    )


def _case(payload: dict[str, Any]) -> Case | None:
    if payload.get("actor_kind") == API_CLIENT:
        return None
    return Case.objects.select_related("case_type").filter(uuid=payload["case"]).first()


@transaction.atomic
def zaak_registered(payload: dict[str, Any]) -> None:
    case = _case(payload)
    if case is not None:
        _zaak_notify(case, "zaak", "")


@transaction.atomic
def zaak_status_changed(payload: dict[str, Any]) -> None:
    case = _case(payload)
    status = CaseStatus.objects.filter(case=case).order_by("-set_at", "-pk").first()
    if case is not None and status is not None:
        _zaak_notify(case, "status", f"{settings.BASE_URL}{ZAKEN}/statussen/{status.uuid}")
