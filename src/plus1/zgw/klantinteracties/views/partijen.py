# SPDX-License-Identifier: EUPL-1.2
"""Partijen (identity.Party), their identificatoren and digitale adressen."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.contact import klantinteracties_services as services
from plus1.contact.klantinteracties_models import DigitalAddress
from plus1.identity.models import Party
from plus1.privacy.declarations import processing_activity
from plus1.zgw.base import Urls
from plus1.zgw.klantinteracties import filters, io, selectors
from plus1.zgw.klantinteracties.views.base import (
    ACTIVITY,
    READ,
    WRITE,
    KlantinteractiesApi,
    invalid,
    not_found,
)
from plus1.zgw.scopes import KLANTINTERACTIES_SCHRIJVEN
from plus1.zgw.uuids import to_pk


@processing_activity(ACTIVITY)
class PartijViewSet(KlantinteractiesApi):
    scopes = READ | {"create": KLANTINTERACTIES_SCHRIJVEN}

    def list(self, request: Request) -> Response:
        rows = filters.partijen(selectors.partijen(), request.query_params)
        urls, wanted = Urls(request), self.expand()
        return self.page(
            rows,
            lambda party: io.expand_partij(party, urls, wanted),
            lambda page: page,
            "partijen bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        party = selectors.partijen().filter(uuid=uuid).first()
        if party is None:
            raise Http404
        self.trail([party], "partij bekeken via de Klantinteracties API")
        return Response(io.expand_partij(party, Urls(request), self.expand()))

    def create(self, request: Request) -> Response:
        given = self.given(io.PartijIn(data=request.data))
        v = given.validated_data
        person = v["soortPartij"] == "persoon"
        try:
            party = services.partij_register(
                actor=self.client.actor,
                bsn=v["identifier"] if person else "",
                kvk_number="" if person else v["identifier"],
                name=v["name"],
            )
        except DjangoValidationError as exc:
            problems = exc.message_dict
            raise exceptions.ValidationError(
                {"partijIdentificatoren": [m for ms in problems.values() for m in ms]}
            ) from exc
        row = selectors.partijen().get(pk=party.pk)
        return Response(io.render_partij(row, Urls(request)), status=status.HTTP_201_CREATED)


def _address_parties(page: list[DigitalAddress]) -> list[Party | None]:
    return [
        address.party or (address.contact_moment.party if address.contact_moment else None)
        for address in page
    ]


@processing_activity(ACTIVITY)
class DigitaalAdresViewSet(KlantinteractiesApi):
    scopes = READ | WRITE | {"destroy": KLANTINTERACTIES_SCHRIJVEN}

    def _address(self, uuid: str) -> DigitalAddress:
        address = selectors.digitale_adressen().filter(uuid=uuid).first()
        if address is None:
            raise Http404
        return address

    def list(self, request: Request) -> Response:
        rows = filters.digitale_adressen(selectors.digitale_adressen(), request.query_params)
        urls = Urls(request)
        return self.page(
            rows,
            lambda address: io.render_digitaal_adres(address, urls),
            _address_parties,
            "digitale adressen bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        address = self._address(uuid)
        self.trail(
            _address_parties([address]), "digitaal adres bekeken via de Klantinteracties API"
        )
        return Response(io.render_digitaal_adres(address, Urls(request)))

    def _owners(self, v: dict[str, Any]) -> dict[str, Any]:
        owners: dict[str, Any] = {}
        if "verstrektDoorPartij" in v:
            given = v["verstrektDoorPartij"]
            owners["party"] = (
                self.party(str(given["uuid"]), "verstrektDoorPartij") if given else None
            )
        if "verstrektDoorBetrokkene" in v:
            given = v["verstrektDoorBetrokkene"]
            moment = (
                selectors.by_derived_uuid(selectors.betrokkenen(), "betrokkene", str(given["uuid"]))
                if given
                else None
            )
            if given and moment is None:
                raise not_found("verstrektDoorBetrokkene")
            owners["contact_moment"] = moment
        return owners

    def create(self, request: Request) -> Response:
        given = self.given(io.DigitaalAdresIn(data=request.data))
        owners = self._owners(given.validated_data)
        if not any(owners.values()):
            raise invalid(
                "verstrektDoorPartij",
                "Geef de partij of de betrokkene die dit adres verstrekte.",
                "required",
            )
        address = services.digital_address_add(
            actor=self.client.actor, values=given.values() | owners
        )
        row = selectors.digitale_adressen().get(pk=address.pk)
        return Response(
            io.render_digitaal_adres(row, Urls(request)), status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        address = self._address(uuid)
        given = self.given(io.DigitaalAdresIn(data=request.data, partial=partial))
        services.digital_address_change(
            actor=self.client.actor,
            address=address,
            values=given.values() | self._owners(given.validated_data),
        )
        row = selectors.digitale_adressen().get(pk=address.pk)
        return Response(io.render_digitaal_adres(row, Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)

    def destroy(self, request: Request, uuid: str) -> Response:
        services.digital_address_remove(actor=self.client.actor, address=self._address(uuid))
        return Response(status=status.HTTP_204_NO_CONTENT)


@processing_activity(ACTIVITY)
class PartijIdentificatorViewSet(KlantinteractiesApi):
    """The BSN or KVK number of a partij, read only (it is part of the partij)."""

    scopes = READ

    def list(self, request: Request) -> Response:
        rows = filters.partij_identificatoren(selectors.partijen(), request.query_params)
        urls = Urls(request)
        return self.page(
            rows,
            lambda party: io.render_partij_identificator(party, urls),
            lambda page: page,
            "partij-identificatoren bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        pk = to_pk("partijidentificator", uuid)
        party = selectors.partijen().filter(pk=pk).first() if pk is not None else None
        if party is None:
            raise Http404
        self.trail([party], "partij-identificator bekeken via de Klantinteracties API")
        return Response(io.render_partij_identificator(party, Urls(request)))
