# SPDX-License-Identifier: EUPL-1.2
"""Documenten API 1.4.2: verzendingen (documents.Dispatch). A verzending names the
betrokkene a document came from (afzender, with ontvangstdatum) or went to (geadresseerde,
with verzenddatum), and exactly one address or channel: a binnenlands or buitenlands
correspondentieadres, a correspondentiePostadres, a faxnummer, an emailadres, mijnOverheid
or a telefoonnummer (the rule of the reference implementation, code `invalid-address`).
Scopes as for the document: documenten.lezen, .aanmaken, .bijwerken, .verwijderen, for the
document's informatieobjecttype and confidentiality (see RelatedToDocument)."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.documents import dispatches, selectors
from plus1.documents.models import Dispatch
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.zgw.base import Pagination, TextField, UrlField, Urls
from plus1.zgw.documenten.io import (
    EIO,
    VERZENDINGEN,
    etag_response,
    local_key,
    render_document,
    type_filter,
)
from plus1.zgw.documenten.views.related import RelatedToDocument
from plus1.zgw.scopes import (
    DOCUMENTEN_AANMAKEN,
    DOCUMENTEN_BIJWERKEN,
    DOCUMENTEN_LEZEN,
    DOCUMENTEN_VERWIJDEREN,
)

NO_MATCH = "00000000-0000-0000-0000-000000000000"


class BinnenlandsAdres(serializers.Serializer):
    huisletter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisnummerToevoeging = serializers.CharField(max_length=4, required=False, allow_blank=True)
    naamOpenbareRuimte = serializers.CharField(max_length=80)
    postcode = serializers.CharField(max_length=6, required=False, allow_blank=True)
    woonplaatsnaam = serializers.CharField(max_length=80)


class BuitenlandsAdres(serializers.Serializer):
    adresBuitenland1 = serializers.CharField(max_length=35)
    adresBuitenland2 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    adresBuitenland3 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    landPostadres = UrlField(max_length=200)


class Postadres(serializers.Serializer):
    postBusOfAntwoordnummer = serializers.IntegerField(min_value=0, max_value=9999)
    postadresPostcode = serializers.CharField(max_length=6)
    postadresType = serializers.ChoiceField(["antwoordnummer", "postbusnummer"])
    woonplaatsnaam = serializers.CharField(max_length=80)


ADDRESSES = (
    "binnenlandsCorrespondentieadres",
    "buitenlandsCorrespondentieadres",
    "correspondentiePostadres",
    "faxnummer",
    "emailadres",
    "mijnOverheid",
    "telefoonnummer",
)
NAMES = {
    "betrokkene": "betrokkene",
    "aardRelatie": "relation",
    "toelichting": "explanation",
    "ontvangstdatum": "received_on",
    "verzenddatum": "sent_on",
    "contactPersoon": "contact_person",
    "contactpersoonnaam": "contact_person_name",
}


class VerzendingIn(serializers.Serializer):
    betrokkene = UrlField(max_length=200)
    informatieobject = UrlField()
    aardRelatie = serializers.ChoiceField(Dispatch.Relation.values)
    toelichting = serializers.CharField(max_length=200, required=False, allow_blank=True)
    ontvangstdatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    contactPersoon = UrlField(max_length=1000)
    contactpersoonnaam = serializers.CharField(max_length=40, required=False, allow_blank=True)
    binnenlandsCorrespondentieadres = BinnenlandsAdres(required=False, allow_null=True)
    buitenlandsCorrespondentieadres = BuitenlandsAdres(required=False, allow_null=True)
    correspondentiePostadres = Postadres(required=False, allow_null=True)
    faxnummer = TextField(max_length=15, required=False)
    emailadres = serializers.EmailField(
        max_length=100, required=False, allow_null=True, allow_blank=True
    )
    mijnOverheid = serializers.BooleanField(required=False)
    telefoonnummer = TextField(max_length=15, required=False)


def _problem(field: str, message: str, code: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(message, code=code)]})


def checked_values(given: dict[str, Any], current: Dispatch | None) -> dict[str, Any]:
    """The model values of a valid request (a PATCH on top of `current`); a 400 listing
    every rule it breaks otherwise."""
    stored = dict(current.address) if current else {}
    address = {name: given[name] for name in ADDRESSES if name in given} if given else {}
    merged = {**stored, **address} if current is not None else address
    merged = {name: value for name, value in merged.items() if value not in (None, "", False)}
    values = {NAMES[name]: value for name, value in given.items() if name in NAMES}
    relation = values.get("relation", current.relation if current else "")
    received = values.get("received_on", current.received_on if current else None)
    sent = values.get("sent_on", current.sent_on if current else None)
    problems: dict[str, list[exceptions.ErrorDetail]] = {}
    if len(merged) != 1:
        problems["nonFieldErrors"] = [
            exceptions.ErrorDetail(
                "Geef precies één adres of kanaal: "
                + ", ".join(ADDRESSES)
                + f" (nu {len(merged)}).",
                code="invalid-address",
            )
        ]
    if relation == Dispatch.Relation.SENDER and not received:
        problems["ontvangstdatum"] = [
            exceptions.ErrorDetail("Verplicht bij aardRelatie ‘afzender’.", code="required")
        ]
    if relation == Dispatch.Relation.ADDRESSEE and not sent:
        problems["verzenddatum"] = [
            exceptions.ErrorDetail("Verplicht bij aardRelatie ‘geadresseerde’.", code="required")
        ]
    if problems:
        raise exceptions.ValidationError(problems)
    return {**values, "address": merged}


def render_verzending(row: Dispatch, urls: Urls) -> dict[str, Any]:
    address = row.address or {}
    return {
        "url": urls(VERZENDINGEN, row.uuid),
        "betrokkene": row.betrokkene,
        "informatieobject": urls(EIO, row.document.uuid),
        "aardRelatie": row.relation,
        "toelichting": row.explanation,
        "ontvangstdatum": row.received_on.isoformat() if row.received_on else None,
        "verzenddatum": row.sent_on.isoformat() if row.sent_on else None,
        "contactPersoon": row.contact_person,
        "contactpersoonnaam": row.contact_person_name,
        "binnenlandsCorrespondentieadres": address.get("binnenlandsCorrespondentieadres"),
        "buitenlandsCorrespondentieadres": address.get("buitenlandsCorrespondentieadres"),
        "correspondentiePostadres": address.get("correspondentiePostadres"),
        "faxnummer": address.get("faxnummer"),
        "emailadres": address.get("emailadres"),
        "mijnOverheid": bool(address.get("mijnOverheid", False)),
        "telefoonnummer": address.get("telefoonnummer"),
    }


class VerzendingFilter(serializers.Serializer):
    aardRelatie = serializers.ChoiceField(Dispatch.Relation.values, required=False)
    informatieobject = UrlField(required=False)
    betrokkene = UrlField(required=False)


@processing_activity(CASE_TYPE)  # an address of a person the document went to or came from
class VerzendingViewSet(RelatedToDocument):
    def _expanded(self, rows: list[Dispatch], urls: Urls) -> list[dict[str, Any]]:
        """The bodies, with `_expand.informatieobject` when asked for (the standard's one
        path here) and the client may read that document (its reading is in the trail)."""
        bodies = [render_verzending(row, urls) for row in rows]
        value = self.request.query_params.get("expand") or ""
        paths = {part.strip() for part in value.split(",") if part.strip()}
        unknown = sorted(paths - {"informatieobject"})
        if unknown:
            raise exceptions.ValidationError(
                {
                    "expand": [
                        exceptions.ErrorDetail(
                            f"Ongeldig expand-pad ‘{path}’: bij een verzending kan: "
                            "informatieobject.",
                            code="invalid-expand",
                        )
                        for path in unknown
                    ]
                }
            )
        if not paths:
            return bodies
        documents = {
            document.pk: document
            for document in selectors.documents().filter(
                type_filter(self.client, DOCUMENTEN_LEZEN), pk__in={r.document_id for r in rows}
            )
        }
        self._trail(list(documents.values()), "documenten bekeken via verzendingen")
        for row, body in zip(rows, bodies, strict=True):
            shown = documents.get(row.document_id)
            body["_expand"] = {"informatieobject": render_document(shown, urls)} if shown else {}
        return bodies

    def list(self, request: Request) -> Response:
        given = VerzendingFilter(data=request.query_params)
        given.is_valid(raise_exception=True)
        v = given.validated_data
        rows = selectors.dispatches().filter(
            type_filter(self.client, DOCUMENTEN_LEZEN, "document__")
        )
        if "aardRelatie" in v:
            rows = rows.filter(relation=v["aardRelatie"])
        if "betrokkene" in v:
            rows = rows.filter(betrokkene=v["betrokkene"])
        if "informatieobject" in v:
            key = local_key(v["informatieobject"], "enkelvoudiginformatieobject-detail")
            rows = rows.filter(document__uuid=key or NO_MATCH)
        paginator = Pagination()
        page = list(paginator.paginate_queryset(rows, request, view=self) or [])
        return paginator.get_paginated_response(self._expanded(page, Urls(request)))

    def retrieve(self, request: Request, uuid: str) -> Response:
        row = self._related(selectors.dispatches(), uuid, DOCUMENTEN_LEZEN)
        return etag_response(request, self._expanded([row], Urls(request))[0])

    def create(self, request: Request) -> Response:
        given = VerzendingIn(data=request.data)
        given.is_valid(raise_exception=True)
        values = checked_values(given.validated_data, None)
        document = self._document_from(
            given.validated_data["informatieobject"], DOCUMENTEN_AANMAKEN
        )
        row = dispatches.dispatch_create(actor=self.client.actor, document=document, values=values)
        fresh = selectors.dispatches().get(pk=row.pk)
        return Response(render_verzending(fresh, Urls(request)), status=status.HTTP_201_CREATED)

    def update(self, request: Request, uuid: str, partial: bool = False) -> Response:
        row = self._related(selectors.dispatches(), uuid, DOCUMENTEN_BIJWERKEN)
        given = VerzendingIn(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        values = checked_values(given.validated_data, row if partial else None)
        if "informatieobject" in given.validated_data:
            url = given.validated_data["informatieobject"]
            values["document"] = self._document_from(url, DOCUMENTEN_BIJWERKEN)
        dispatches.dispatch_update(
            actor=self.client.actor, dispatch=row, values=values, partial=partial
        )
        fresh = selectors.dispatches().get(pk=row.pk)
        return Response(render_verzending(fresh, Urls(request)))

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self.update(request, uuid, partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        row = self._related(selectors.dispatches(), uuid, DOCUMENTEN_VERWIJDEREN)
        dispatches.dispatch_delete(actor=self.client.actor, dispatch=row)
        return Response(status=status.HTTP_204_NO_CONTENT)
