# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1 resources nested under a zaak: zaakeigenschappen, the audit trail (from
plus1.audit, the same hash-chained log the platform writes) and the zaak's besluiten."""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.audit.models import AuditEntry
from plus1.audit.selectors import audit_for
from plus1.cases.models import Case, CaseProperty
from plus1.catalog.models import PropertyType
from plus1.decisions.models import Decision
from plus1.privacy.declarations import no_personal_data
from plus1.zgw.base import Urls, bad_url
from plus1.zgw.scopes import ZAKEN_LEZEN, Scope
from plus1.zgw.zaken.io.records import (
    ZaakEigenschapIn,
    render_zaakeigenschap,
    type_at,
)
from plus1.zgw.zaken.io.zaken import ZAAK
from plus1.zgw.zaken.services import records
from plus1.zgw.zaken.views.zaken import RECORDS, ZakenApi

BESLUIT = "/besluiten/api/v1/besluiten"
ACTIONS = {"created": "create", "registered": "create", "deleted": "destroy", "removed": "destroy"}


class NestedApi(ZakenApi):
    scopes = {"list": ZAKEN_LEZEN, "retrieve": ZAKEN_LEZEN}

    def _parent(self, zaak_uuid: str, scope: Scope = ZAKEN_LEZEN) -> Case:
        return self._zaak(zaak_uuid, scope)


@no_personal_data
class ZaakEigenschapViewSet(NestedApi):
    scopes = RECORDS

    def _rows(self, case: Case) -> Any:
        return CaseProperty.objects.filter(case=case).select_related("case", "property_type")

    def _url(self, row: CaseProperty) -> str:
        return f"{Urls(self.request)(ZAAK, row.case.uuid)}/zaakeigenschappen/{row.uuid}"

    def list(self, request: Request, zaak_uuid: str) -> Response:
        case, urls = self._parent(zaak_uuid), Urls(request)
        return Response([render_zaakeigenschap(row, urls) for row in self._rows(case)])

    def retrieve(self, request: Request, zaak_uuid: str, uuid: str) -> Response:
        row = self._rows(self._parent(zaak_uuid)).filter(uuid=uuid).first()
        if row is None:
            raise Http404
        return Response(render_zaakeigenschap(row, Urls(request)))

    def create(self, request: Request, zaak_uuid: str) -> Response:
        return self._write(request, self._parent(zaak_uuid), None)

    def update(
        self, request: Request, zaak_uuid: str, uuid: str, partial: bool = False
    ) -> Response:
        case = self._parent(zaak_uuid)
        row = self._rows(case).filter(uuid=uuid).first()
        if row is None:
            raise Http404
        return self._write(request, case, row, partial)

    def partial_update(self, request: Request, zaak_uuid: str, uuid: str) -> Response:
        return self.update(request, zaak_uuid, uuid, partial=True)

    def _write(
        self, request: Request, case: Case, row: CaseProperty | None, partial: bool = False
    ) -> Response:
        given = ZaakEigenschapIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        property_type = (
            type_at(v["eigenschap"], "eigenschappen", PropertyType)
            if "eigenschap" in v
            else row.property_type  # type: ignore[union-attr]
        )
        if property_type is None:
            raise bad_url("eigenschap")
        value = v.get("waarde", row.value if row else "")
        self._may_write(case)
        saved = records.zaakeigenschap_save(
            actor=self.client.actor,
            case=case,
            property_type=property_type,
            value=value,
            row=row,
        )
        saved, urls = self._rows(case).get(pk=saved.pk), Urls(request)
        code = status.HTTP_201_CREATED if row is None else status.HTTP_200_OK
        return Response(render_zaakeigenschap(saved, urls), status=code)

    def destroy(self, request: Request, zaak_uuid: str, uuid: str) -> Response:
        case = self._parent(zaak_uuid)
        row = self._rows(case).filter(uuid=uuid).first()
        if row is None:
            raise Http404
        self._may_write(case)
        records.zaak_record_delete(actor=self.client.actor, row=row)
        return Response(status=status.HTTP_204_NO_CONTENT)


def render_entry(entry: AuditEntry, case: Case, urls: Urls) -> dict[str, Any]:
    zaak_url = urls(ZAAK, case.uuid)
    verb = re.split(r"[._]", entry.action)[-1]
    actie = ACTIONS.get(verb, "update")
    return {
        "uuid": str(entry.public_uuid),
        "bron": "ZRC",
        "applicatieId": entry.actor_id if entry.actor_kind == "api_client" else "",
        "applicatieWeergave": entry.actor_label if entry.actor_kind == "api_client" else "",
        "gebruikersId": entry.actor_id,
        "gebruikersWeergave": entry.actor_label,
        "actie": actie,
        "actieWeergave": entry.action,
        "resultaat": 201 if actie == "create" else (204 if actie == "destroy" else 200),
        "hoofdObject": zaak_url,
        "resource": "zaak",
        "resourceUrl": zaak_url,
        "toelichting": "",
        "resourceWeergave": case.identification,
        "aanmaakdatum": entry.occurred_at.isoformat(),
        "wijzigingen": {"oud": entry.before, "nieuw": entry.after},
    }


@no_personal_data
class AuditTrailViewSet(NestedApi):
    def list(self, request: Request, zaak_uuid: str) -> Response:
        case, urls = self._parent(zaak_uuid), Urls(request)
        return Response([render_entry(entry, case, urls) for entry in audit_for(case)])

    def retrieve(self, request: Request, zaak_uuid: str, uuid: str) -> Response:
        case = self._parent(zaak_uuid)
        for entry in audit_for(case):  # a zaak has few entries; their UUIDs derive from them
            if str(entry.public_uuid) == uuid.lower():
                return Response(render_entry(entry, case, Urls(request)))
        raise Http404


@no_personal_data
class ZaakBesluitViewSet(NestedApi):
    """The besluiten of a zaak; they are linked from the Besluiten API (besluit.zaak)."""

    def _render(self, decision: Decision, case: Case, urls: Urls) -> dict[str, Any]:
        return {
            "url": f"{urls(ZAAK, case.uuid)}/besluiten/{decision.uuid}",
            "uuid": str(decision.uuid),
            "besluit": urls(BESLUIT, decision.uuid),
        }

    def list(self, request: Request, zaak_uuid: str) -> Response:
        case, urls = self._parent(zaak_uuid), Urls(request)
        rows = Decision.objects.filter(case=case).order_by("pk")
        return Response([self._render(row, case, urls) for row in rows])

    def retrieve(self, request: Request, zaak_uuid: str, uuid: str) -> Response:
        case = self._parent(zaak_uuid)
        row = Decision.objects.filter(case=case, uuid=uuid).first()
        if row is None:
            raise exceptions.NotFound()
        return Response(self._render(row, case, Urls(request)))
