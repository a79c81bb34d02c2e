# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1 views: zaken (cases.Case) and statussen (cases.CaseStatus). Every write
runs in one transaction with its audit entry and its event (announced on kanaal `zaken` by
plus1.zgw.notifications)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case
from plus1.cases.selectors import cases_within
from plus1.catalog.models import CaseType
from plus1.geo.geometry import geojson_problem
from plus1.identity.models import Party
from plus1.identity.selectors import party_by_bsn
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
from plus1.privacy.services.trail import personal_data_list_access
from plus1.zgw.base import (
    NO_MATCH,
    Pagination,
    PreconditionFailed,
    Urls,
    ZgwViewSet,
    bad_url,
    resolve_url,
)
from plus1.zgw.scopes import (
    ZAKEN_AANMAKEN,
    ZAKEN_BIJWERKEN,
    ZAKEN_GEFORCEERD_BIJWERKEN,
    ZAKEN_HEROPENEN,
    ZAKEN_LEZEN,
    ZAKEN_STATUSSEN_TOEVOEGEN,
    ZAKEN_VERWIJDEREN,
    Needed,
    Scope,
)
from plus1.zgw.zaken import selectors
from plus1.zgw.zaken.expand import Expander, Tree, parse_expand
from plus1.zgw.zaken.filters import BSN_FILTER, ZaakFilter, comma_lists
from plus1.zgw.zaken.io.zaken import (
    StatusIn,
    ZaakIn,
    render_status,
    render_zaak,
)
from plus1.zgw.zaken.links import (
    archive_source_date,
    documents_of,
    refuse_unset_usage_rights,
    status_types_at,
)
from plus1.zgw.zaken.remote import check_remote, is_local
from plus1.zgw.zaken.rules import validate_references
from plus1.zgw.zaken.services import zaken as services

CRS = "EPSG:4326"
WRITE = (ZAKEN_AANMAKEN, ZAKEN_BIJWERKEN)
# The records of a zaak: read with zaken.lezen, written with either write scope (the
# handler then checks it for the zaak's zaaktype and confidentiality, see _may_write).
RECORDS: dict[str, Needed] = {
    "list": ZAKEN_LEZEN,
    "retrieve": ZAKEN_LEZEN,
    "create": WRITE,
    "update": WRITE,
    "partial_update": WRITE,
    "destroy": WRITE,
}


class ZakenApi(ZgwViewSet):
    """What every Zaken API resource shares: zaak lookup and authorisation."""

    component = "zrc"
    api_version = "1.5.1"
    lookup_field = "uuid"

    def _zaak(self, uuid: str, scope: Scope, lean: bool = False) -> Case:
        """The zaak, if this client holds `scope` for its zaaktype and confidentiality
        (`lean`: without its related records, for a caller that renders it itself)."""
        rows = (
            selectors.zaken_lean().select_related("case_type")
            if lean
            else selectors.zaken_for_all()
        )
        case = get_object_or_404(rows, uuid=uuid)
        if not self.client.may_zaak(scope, case.case_type.uuid, case.confidentiality):
            raise exceptions.PermissionDenied()
        return case

    def _zaak_at(self, url: str, field: str = "zaak") -> Case:
        key = resolve_url(url, "zaak-detail")
        case = (
            Case.objects.select_related("case_type", "zgw").filter(uuid=key).first()
            if key
            else None
        )
        if case is None:
            raise bad_url(field)
        return case

    def _may_write(self, case: Case, scopes: tuple[Scope, ...] = WRITE) -> None:
        """One of `scopes`, and for a closed zaak also zaken.geforceerd-bijwerken (zrc-007)."""
        level, zaaktype = case.confidentiality, case.case_type.uuid
        if not any(self.client.may_zaak(scope, zaaktype, level) for scope in scopes):
            raise exceptions.PermissionDenied()
        if case.closed_on and not self.client.may_zaak(ZAKEN_GEFORCEERD_BIJWERKEN, zaaktype, level):
            raise exceptions.PermissionDenied("De zaak is afgesloten.")


@processing_activity(CASE_TYPE)
class ZaakViewSet(ZakenApi):
    scopes = {
        "list": ZAKEN_LEZEN,
        "retrieve": ZAKEN_LEZEN,
        "zoek": ZAKEN_LEZEN,
        "create": ZAKEN_AANMAKEN,
        "partial_update": ZAKEN_BIJWERKEN,
        "update": ZAKEN_BIJWERKEN,
        "destroy": ZAKEN_VERWIJDEREN,
    }

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """The Zaken API speaks WGS84 only and requires clients to say so (Accept-Crs)."""
        super().initial(request, *args, **kwargs)
        if request.method == "DELETE":
            return
        accept = request.headers.get("Accept-Crs")
        if accept is None:
            raise PreconditionFailed("De header ‘Accept-Crs’ ontbreekt.")
        if accept != CRS:
            raise exceptions.NotAcceptable(f"Alleen {CRS} wordt ondersteund.")
        if request.method in ("POST", "PUT", "PATCH") and request.headers.get("Content-Crs") != CRS:
            raise PreconditionFailed(f"De header ‘Content-Crs’ ontbreekt of is niet {CRS}.")

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code < 400 and request.method != "DELETE":
            response["Content-Crs"] = CRS
        return response

    def _list(self, params: Any, area: dict[str, Any] | None = None) -> Response:
        tree = parse_expand(params.get("expand"))
        given = ZaakFilter(data=comma_lists({k: params[k] for k in params if k != "expand"}))
        given.is_valid(raise_exception=True)
        rows = given.apply(selectors.zaken_lean(self.client))
        if area is not None:
            rows = cases_within(rows, area)
        urls = Urls(self.request)
        bsn = params.get(BSN_FILTER)
        by_type = given.tally_filter() if area is None else None
        count = None
        if by_type is not None:  # a sum over a few rows, not a scan of every zaak
            count = partial(selectors.zaken_count, self.client.zaak_filter(ZAKEN_LEZEN) & by_type)
        return self.paginate_cases(
            rows, urls, searched=party_by_bsn(bsn) if bsn else None, expand=tree, count=count
        )

    def paginate_cases(
        self,
        rows: Any,
        urls: Urls,
        searched: Party | None = None,
        expand: Tree | None = None,
        count: Callable[[], int] | None = None,
    ) -> Response:
        """One query for the documents of the whole page, not one per zaak. A search by BSN
        is a use of that person's data: it is written to their data trail."""
        paginator = Pagination(count)
        page = selectors.with_case_types(
            paginator.paginate_queryset(rows, self.request, view=self) or []
        )
        if searched is not None:
            personal_data_list_access(
                actor=self.client.actor, cases=page, name="zaken gezocht op BSN", subject=searched
            )
        documents = documents_of([case.uuid for case in page], urls)
        records = selectors.records_of([case.pk for case in page])
        bodies = [
            render_zaak(case, urls, documents.get(case.uuid), records[case.pk]) for case in page
        ]
        if expand:
            Expander(self.client, urls).apply("zaak", bodies, expand)
        return paginator.get_paginated_response(bodies)

    def list(self, request: Request) -> Response:
        return self._list(request.query_params)

    @action(detail=False, methods=["post"], url_path="_zoek")
    def zoek(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            raise exceptions.ParseError()
        geometry = request.data.get("zaakgeometrie")
        area = geometry.get("within") if isinstance(geometry, dict) else None
        problem = geojson_problem(area) if "zaakgeometrie" in request.data else None
        if problem:
            raise exceptions.ValidationError({"zaakgeometrie.within": [problem]})
        params = {k: v for k, v in request.data.items() if k != "zaakgeometrie"}
        return self._list(params, area)

    def _render(self, case: Case, **kwargs: Any) -> Response:
        urls = Urls(self.request)
        case = selectors.zaken_lean().select_related("case_type").get(pk=case.pk)
        documents = documents_of([case.uuid], urls).get(case.uuid)
        records = selectors.records_of([case.pk])[case.pk]
        return Response(render_zaak(case, urls, documents, records), **kwargs)

    def retrieve(self, request: Request, uuid: str) -> Response:
        tree = parse_expand(request.query_params.get("expand"))
        case = self._zaak(uuid, ZAKEN_LEZEN, lean=True)
        urls = Urls(self.request)
        documents = documents_of([case.uuid], urls).get(case.uuid)
        records = selectors.records_of([case.pk])[case.pk]
        body = render_zaak(case, urls, documents, records)
        if tree:
            Expander(self.client, urls).apply("zaak", [body], tree)
        return Response(body)

    def create(self, request: Request) -> Response:
        given = ZaakIn(data=request.data)
        given.is_valid(raise_exception=True)
        url = given.validated_data["zaaktype"]
        if not is_local(url):  # zaaktypen of other catalogues are not supported
            check_remote(url, "zaaktype", ("-",))
        key = resolve_url(url, "zaaktype-detail")
        case_type = CaseType.objects.select_related("zgw").filter(uuid=key).first() if key else None
        if case_type is None:
            raise bad_url("zaaktype")
        values, changes, extension = given.split()
        validate_references(given.validated_data, case_type, changes, None)
        level = values.get("confidentiality") or case_type.confidentiality
        if not self.client.may_zaak(ZAKEN_AANMAKEN, case_type.uuid, level):
            raise exceptions.PermissionDenied()
        case = services.zaak_create(
            actor=self.client.actor,
            case_type=case_type,
            values=values,
            changes=changes,
            extension=extension,
        )
        return self._render(case, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        case = self._zaak(uuid, ZAKEN_BIJWERKEN)
        given = ZaakIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        _refuse_changes(given.validated_data, case)
        values, changes, extension = given.split()
        level = values.get("confidentiality")
        if level and not self.client.may_zaak(ZAKEN_BIJWERKEN, case.case_type.uuid, level):
            # As on create: no client raises a zaak above its maximum confidentiality.
            raise exceptions.PermissionDenied(
                "De vertrouwelijkheidaanduiding gaat boven wat deze applicatie mag."
            )
        validate_references(given.validated_data, case.case_type, changes, case)
        if case.closed_on and not self.client.may_zaak(
            ZAKEN_GEFORCEERD_BIJWERKEN, case.case_type.uuid, case.confidentiality
        ):
            raise exceptions.PermissionDenied("De zaak is afgesloten.")
        changes.update({("deadline" if k == "deadline_on" else k): v for k, v in values.items()})
        changes.pop("identification", None)
        changes.pop("registered_on", None)
        services.zaak_update(
            actor=self.client.actor, case=case, changes=changes, extension=extension
        )
        return self._render(case)

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)

    def destroy(self, request: Request, uuid: str) -> Response:
        case = self._zaak(uuid, ZAKEN_VERWIJDEREN)
        services.zaak_delete(actor=self.client.actor, case=case)
        return Response(status=status.HTTP_204_NO_CONTENT)


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


@no_personal_data
class StatusViewSet(ZakenApi):
    create_scopes = (ZAKEN_STATUSSEN_TOEVOEGEN, ZAKEN_AANMAKEN, ZAKEN_BIJWERKEN)
    scopes = {
        "list": ZAKEN_LEZEN,
        "retrieve": ZAKEN_LEZEN,
        "create": (*create_scopes, ZAKEN_HEROPENEN),  # _may_set_status picks per zaak
    }

    def list(self, request: Request) -> Response:
        rows = selectors.statussen_for(self.client)
        params = request.query_params
        if params.get("zaak"):
            rows = rows.filter(case__uuid=resolve_url(params["zaak"], "zaak-detail") or NO_MATCH)
        if params.get("statustype"):
            rows = rows.filter(status__in=status_types_at(params["statustype"]))
        if params.get("indicatieLaatstGezetteStatus") in ("true", "false"):
            latest = params["indicatieLaatstGezetteStatus"] == "true"
            rows = rows.filter(**{"is_latest": latest})
        urls = Urls(request)
        return self.paginate(rows, lambda row: render_status(row, urls, row.is_latest))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = get_object_or_404(selectors.statussen_for_all(), uuid=uuid)
        if not self.client.may_zaak(ZAKEN_LEZEN, row.case.case_type.uuid, row.case.confidentiality):
            raise exceptions.PermissionDenied()
        return Response(render_status(row, Urls(request), row.is_latest))  # type: ignore[attr-defined]

    def create(self, request: Request) -> Response:
        given = StatusIn(data=request.data)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        case = self._zaak_at(v["zaak"])
        status_type = status_types_at(v["statustype"]).first()
        if status_type is None:
            raise bad_url("statustype")
        self._may_set_status(case)
        if status_type.is_final:
            refuse_unset_usage_rights(case)
        row = services.status_create(
            actor=self.client.actor,
            case=case,
            status_type=status_type,
            set_at=v["datumStatusGezet"],
            explanation=v["statustoelichting"],
            archive_source_date=archive_source_date(case) if status_type.is_final else None,
        )
        row = selectors.statussen_for_all().get(pk=row.pk)
        return Response(render_status(row, Urls(request), True), status=status.HTTP_201_CREATED)

    def _may_set_status(self, case: Case) -> None:
        """A closed zaak is reopened only with zaken.heropenen (zrc-008)."""
        needed = (ZAKEN_HEROPENEN,) if case.closed_on else self.create_scopes
        if not any(
            self.client.may_zaak(scope, case.case_type.uuid, case.confidentiality)
            for scope in needed
        ):
            raise exceptions.PermissionDenied()
