# SPDX-License-Identifier: EUPL-1.2
"""Zaken API 1.5.1 views of the records of a zaak: rollen, resultaten, zaakobjecten and
klantcontacten. Reads are scoped to the zaken the client may read; writes need zaken.aanmaken
or zaken.bijwerken, and zaken.geforceerd-bijwerken once the zaak is closed (zrc-007)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case, CaseContact, CaseObject, Result, Role
from plus1.catalog.models import ResultType, RoleType
from plus1.common.bsn import blind_index
from plus1.privacy.declarations import CASE_TYPE, no_personal_data, processing_activity
from plus1.zgw.base import NO_MATCH, Pagination, Urls, bad_url, resolve_url
from plus1.zgw.scopes import ZAKEN_LEZEN, Scope
from plus1.zgw.zaken.io.records import (
    KLANTCONTACT,
    KlantContactIn,
    ResultaatIn,
    RolIn,
    ZaakObjectIn,
    render_klantcontact,
    render_resultaat,
    render_rol,
    render_zaakobject,
    type_at,
)
from plus1.zgw.zaken.io.zaken import RESULTAAT, ROL, ZAAKOBJECT
from plus1.zgw.zaken.services import records
from plus1.zgw.zaken.views.zaken import RECORDS, ZakenApi


class RecordViewSet(ZakenApi):
    """List and detail of one kind of record; subclasses add the writes."""

    scopes = RECORDS
    model: type[Model] = Model
    resource = ""
    path = ""

    def rows(self) -> QuerySet[Any]:
        return self.model._default_manager.select_related("case__case_type", "case__zgw").order_by(  # type: ignore[attr-defined]
            "pk"
        )

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        raise NotImplementedError

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if params.get("zaak"):
            rows = rows.filter(case__uuid=resolve_url(params["zaak"], "zaak-detail") or NO_MATCH)
        return rows

    def shown(self, rows: list[Any]) -> None:
        """Called with the rows about to be shown (the data trail of personal data)."""

    def list(self, request: Request) -> Response:
        readable = Case.objects.filter(self.client.zaak_filter(ZAKEN_LEZEN)).values("pk")
        rows = self.filter_rows(self.rows().filter(case__in=readable), request.query_params)
        urls, paginator = Urls(request), Pagination()
        page = list(paginator.paginate_queryset(rows, request, view=self) or [])
        self.shown(page)
        return paginator.get_paginated_response([self.render(row, urls) for row in page])

    def _row(self, uuid: str, scope: Scope | None = ZAKEN_LEZEN) -> Any:
        row = get_object_or_404(self.rows(), uuid=uuid)
        case = row.case
        if scope is not None and not self.client.may_zaak(
            scope, case.case_type.uuid, case.confidentiality
        ):
            raise exceptions.PermissionDenied()
        return row

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = self._row(uuid)
        self.shown([row])
        return Response(self.render(row, Urls(request)))

    def _saved(self, row: Any, created: bool = False) -> Response:
        """Answer with the fresh row."""
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(self.render(self.rows().get(pk=row.pk), Urls(self.request)), status=code)

    def _deleted(self, uuid: str) -> Response:
        row = self._row(uuid, scope=None)
        self._may_write(row.case)
        records.zaak_record_delete(actor=self.client.actor, row=row)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WritableRecordViewSet(RecordViewSet):
    """A record that is created and changed whole or in part through `_write`."""

    def create(self, request: Request) -> Response:
        return self._write(request, None)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        return self._write(request, self._row(uuid, scope=None), partial)

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def _write(self, request: Request, row: Any, partial: bool = False) -> Response:
        raise NotImplementedError


@processing_activity(CASE_TYPE)
class RolViewSet(RecordViewSet):
    """Rollen name people (a BSN, a name): showing one of a known resident needs the case
    type's processing activity and writes the data trail, as in the workbench."""

    model, resource, path = Role, "rol", ROL
    scopes = {name: RECORDS[name] for name in ("list", "retrieve", "create", "destroy")}
    FILTERS = {
        "betrokkene": "betrokkene",
        "betrokkeneType": "betrokkene_type",
        "omschrijving": "role_type__description",
        "omschrijvingGeneriek": "role_type__kind",
    }

    def rows(self) -> QuerySet[Any]:
        return (
            super()
            .rows()
            .select_related("role_type", "party", "case__initiator", "case__responsible_team")
        )

    def shown(self, rows: list[Any]) -> None:
        known = [role for role in rows if role.party_id]
        if not known:
            return
        records.rollen_shown(
            actor=self.client.actor, roles=known, name="rollen bekeken via de Zaken API"
        )

    def destroy(self, request: Request, uuid: str) -> Response:
        return self._deleted(uuid)

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        return render_rol(row, urls)

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        rows = super().filter_rows(rows, params)
        for name, lookup in self.FILTERS.items():
            if params.get(name):
                rows = rows.filter(**{lookup: params[name]})
        if params.get("roltype"):
            rows = rows.filter(role_type=type_at(params["roltype"], "roltypen", RoleType))
        prefix = "betrokkeneIdentificatie__"
        for name, value in params.items():
            if not name.startswith(prefix) or not value:
                continue
            if name == f"{prefix}natuurlijkPersoon__inpBsn":
                rows = rows.filter(bsn_index=blind_index(value))
            else:
                rows = rows.filter(**{f"identification__{name.rsplit('__', 1)[1]}": value})
        return rows

    def create(self, request: Request) -> Response:
        given = RolIn(data=request.data)
        given.is_valid(raise_exception=True)
        case = self._zaak_at(given.validated_data["zaak"])
        role_type = type_at(given.validated_data["roltype"], "roltypen", RoleType)
        if role_type is None:
            raise bad_url("roltype")
        bsn, values = given.values()
        self._may_write(case)
        role = records.rol_create(
            actor=self.client.actor, case=case, role_type=role_type, bsn=bsn, values=values
        )
        return self._saved(role, created=True)


@no_personal_data
class ResultaatViewSet(WritableRecordViewSet):
    model, resource, path = Result, "resultaat", RESULTAAT

    def rows(self) -> QuerySet[Any]:
        return super().rows().select_related("result_type")

    def destroy(self, request: Request, uuid: str) -> Response:
        return self._deleted(uuid)

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        return render_resultaat(row, urls)

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        rows = super().filter_rows(rows, params)
        if params.get("resultaattype"):
            found = type_at(params["resultaattype"], "resultaattypen", ResultType)
            rows = rows.filter(result_type=found)
        return rows

    def _write(self, request: Request, row: Result | None, partial: bool = False) -> Response:
        given = ResultaatIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        case = self._zaak_at(v["zaak"]) if "zaak" in v else row.case  # type: ignore[union-attr]
        if row is not None and case.pk != row.case_id:
            raise _unchangeable("zaak")
        result_type = (
            type_at(v["resultaattype"], "resultaattypen", ResultType)
            if "resultaattype" in v
            else row.result_type  # type: ignore[union-attr]
        )
        if result_type is None:
            raise bad_url("resultaattype")
        explanation = v.get("toelichting", row.explanation if row and partial else "")
        records.resultaat_refusals(case=case, result_type=result_type, result=row)
        self._may_write(case)
        saved = records.resultaat_save(
            actor=self.client.actor,
            case=case,
            result_type=result_type,
            explanation=explanation,
            result=row,
        )
        return self._saved(saved, created=row is None)


@no_personal_data
class ZaakObjectViewSet(WritableRecordViewSet):
    model, resource, path = CaseObject, "zaakobject", ZAAKOBJECT

    def destroy(self, request: Request, uuid: str) -> Response:
        return self._deleted(uuid)

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        return render_zaakobject(row, urls)

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        rows = super().filter_rows(rows, params)
        if params.get("object"):
            rows = rows.filter(object_url=params["object"])
        if params.get("objectType"):
            rows = rows.filter(object_type=params["objectType"])
        return rows

    def _write(self, request: Request, row: CaseObject | None, partial: bool = False) -> Response:
        data = request.data
        if row is not None and partial:
            data = {**render_zaakobject(row, Urls(request)), **request.data}
        given = ZaakObjectIn(data=data)
        given.is_valid(raise_exception=True)
        case = self._zaak_at(given.validated_data["zaak"])
        if row is not None and case.pk != row.case_id:
            raise _unchangeable("zaak")
        self._may_write(case)
        saved = records.zaakobject_save(
            actor=self.client.actor,
            case=case,
            values=given.values(),
            row=row,
        )
        return self._saved(saved, created=row is None)


@no_personal_data
class KlantContactViewSet(RecordViewSet):
    model, resource, path = CaseContact, "klantcontact", KLANTCONTACT
    scopes = {name: RECORDS[name] for name in ("list", "retrieve", "create")}

    def render(self, row: Any, urls: Urls) -> dict[str, Any]:
        return render_klantcontact(row, urls)

    def create(self, request: Request) -> Response:
        given = KlantContactIn(data=request.data)
        given.is_valid(raise_exception=True)
        case = self._zaak_at(given.validated_data["zaak"])
        self._may_write(case)
        row = records.klantcontact_create(actor=self.client.actor, case=case, values=given.values())
        return self._saved(row, created=True)


def _unchangeable(field: str) -> exceptions.ValidationError:
    detail = exceptions.ErrorDetail(
        "Dit gegeven kan niet gewijzigd worden.", code="wijzigen-niet-toegelaten"
    )
    return exceptions.ValidationError({field: [detail]})
