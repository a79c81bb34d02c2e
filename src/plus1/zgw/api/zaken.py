# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1 views: zaken (cases.Case) and statussen (cases.CaseStatus)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case
from plus1.catalog.models import CaseType, StatusType
from plus1.zgw import selectors, services
from plus1.zgw.api.base import NO_MATCH, PreconditionFailed, Urls, ZgwViewSet, bad_url, resolve_url
from plus1.zgw.api.zaken_io import (
    StatusIn,
    ZaakFilter,
    ZaakIn,
    comma_lists,
    render_status,
    render_zaak,
)
from plus1.zgw.uuids import to_pk

CRS = "EPSG:4326"


class ZakenApi(ZgwViewSet):
    component = "zrc"
    api_version = "1.5.1"
    lookup_field = "uuid"

    def _zaak(self, uuid: str, scope: str) -> Case:
        """The zaak, if this client holds `scope` for its zaaktype and confidentiality."""
        case = get_object_or_404(selectors.zaken_for_all(), uuid=uuid)
        if not self.client.may_zaak(scope, case.case_type.uuid, case.confidentiality):
            raise exceptions.PermissionDenied()
        return case


class ZaakViewSet(ZakenApi):
    scopes = {
        "list": "zaken.lezen",
        "retrieve": "zaken.lezen",
        "zoek": "zaken.lezen",
        "create": "zaken.aanmaken",
        "partial_update": "zaken.bijwerken",
        "update": "zaken.bijwerken",
    }

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """The Zaken API speaks WGS84 only and requires clients to say so (Accept-Crs)."""
        super().initial(request, *args, **kwargs)
        accept = request.headers.get("Accept-Crs")
        if accept is None:
            raise PreconditionFailed("De header ‘Accept-Crs’ ontbreekt.")
        if accept != CRS:
            raise exceptions.NotAcceptable(f"Alleen {CRS} wordt ondersteund.")
        if request.method in ("POST", "PUT", "PATCH") and request.headers.get("Content-Crs") != CRS:
            raise PreconditionFailed(f"De header ‘Content-Crs’ ontbreekt of is niet {CRS}.")

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code < 400:
            response["Content-Crs"] = CRS
        return response

    def _list(self, params: Any) -> Response:
        given = ZaakFilter(data=comma_lists(params))
        given.is_valid(raise_exception=True)
        rows = given.apply(selectors.zaken_for(self.client))
        urls = Urls(self.request)
        return self.paginate(rows, lambda case: render_zaak(case, urls))

    def list(self, request: Request) -> Response:
        return self._list(request.query_params)

    @action(detail=False, methods=["post"], url_path="_zoek")
    def zoek(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            raise exceptions.ParseError()
        return self._list({k: v for k, v in request.data.items() if k != "zaakgeometrie"})

    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(render_zaak(self._zaak(uuid, "zaken.lezen"), Urls(request)))

    def create(self, request: Request) -> Response:
        given = ZaakIn(data=request.data)
        given.is_valid(raise_exception=True)
        key = resolve_url(given.validated_data["zaaktype"], "zaaktype-detail")
        case_type = CaseType.objects.select_related("zgw").filter(uuid=key).first() if key else None
        if case_type is None:
            raise bad_url("zaaktype")
        values, extension = given.split()
        level = values.get("confidentiality") or case_type.confidentiality
        if not self.client.may_zaak("zaken.aanmaken", case_type.uuid, level):
            raise exceptions.PermissionDenied()
        case = services.zaak_create(
            actor=self.client.actor, case_type=case_type, values=values, extension=extension
        )
        return Response(
            render_zaak(selectors.zaken_for_all().get(pk=case.pk), Urls(request)),
            status=status.HTTP_201_CREATED,
        )

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        case = self._zaak(uuid, "zaken.bijwerken")
        if case.closed_on and not self.client.may_zaak(
            "zaken.geforceerd-bijwerken", case.case_type.uuid, case.confidentiality
        ):
            raise exceptions.PermissionDenied("De zaak is afgesloten.")
        given = ZaakIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        _refuse_changes(given.validated_data, case)
        values, extension = given.split()
        changes = {("deadline" if k == "deadline_on" else k): v for k, v in values.items()}
        changes.pop("identification", None)
        changes.pop("registered_on", None)
        services.zaak_update(
            actor=self.client.actor, case=case, changes=changes, extension=extension
        )
        return Response(render_zaak(selectors.zaken_for_all().get(pk=case.pk), Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)


def _refuse_changes(given: dict[str, Any], case: Case) -> None:
    problems = {}
    if given.get("identificatie") and given["identificatie"] != case.identification:
        problems["identificatie"] = "wijzigen-niet-toegelaten"
    if "zaaktype" in given and resolve_url(given["zaaktype"], "zaaktype-detail") != str(
        case.case_type.uuid
    ):
        problems["zaaktype"] = "wijzigen-niet-toegelaten"
    if problems:
        raise exceptions.ValidationError(
            {
                name: [exceptions.ErrorDetail("Dit gegeven kan niet gewijzigd worden.", code=code)]
                for name, code in problems.items()
            }
        )


class StatusViewSet(ZakenApi):
    scopes = {"list": "zaken.lezen", "retrieve": "zaken.lezen"}
    create_scopes = ("zaken.statussen.toevoegen", "zaken.aanmaken", "zaken.bijwerken")

    def list(self, request: Request) -> Response:
        rows = selectors.statussen_for(self.client)
        params = request.query_params
        if params.get("zaak"):
            rows = rows.filter(case__uuid=resolve_url(params["zaak"], "zaak-detail") or NO_MATCH)
        if params.get("statustype"):
            rows = rows.filter(
                status_id=to_pk(
                    "statustype", resolve_url(params["statustype"], "statustype-detail") or ""
                )
                or 0
            )
        if params.get("indicatieLaatstGezetteStatus") in ("true", "false"):
            rows = rows.filter(**{"is_latest": params["indicatieLaatstGezetteStatus"] == "true"})
        urls = Urls(request)
        return self.paginate(rows, lambda row: render_status(row, urls, row.is_latest))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.statussen_for_all(), pk=to_pk("status", uuid) or 0)
        if not self.client.may_zaak(
            "zaken.lezen", row.case.case_type.uuid, row.case.confidentiality
        ):
            raise exceptions.PermissionDenied()
        return Response(render_status(row, Urls(request), row.is_latest))  # type: ignore[attr-defined]

    def create(self, request: Request) -> Response:
        given = StatusIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        key = resolve_url(v["zaak"], "zaak-detail")
        case = Case.objects.select_related("case_type").filter(uuid=key).first() if key else None
        if case is None:
            raise bad_url("zaak")
        status_type = StatusType.objects.filter(
            pk=to_pk("statustype", resolve_url(v["statustype"], "statustype-detail") or "") or 0
        ).first()
        if status_type is None:
            raise bad_url("statustype")
        self._may_set_status(case)
        row = services.status_create(
            actor=self.client.actor,
            case=case,
            status_type=status_type,
            set_at=v["datumStatusGezet"],
            explanation=v["statustoelichting"],
        )
        row = selectors.statussen_for_all().get(pk=row.pk)
        return Response(render_status(row, Urls(request), True), status=status.HTTP_201_CREATED)

    def _may_set_status(self, case: Case) -> None:
        needed = (
            ("zaken.heropenen", "zaken.geforceerd-bijwerken")
            if case.closed_on
            else self.create_scopes
        )
        if not any(
            self.client.may_zaak(scope, case.case_type.uuid, case.confidentiality)
            for scope in needed
        ):
            raise exceptions.PermissionDenied()
