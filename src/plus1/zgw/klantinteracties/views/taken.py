# SPDX-License-Identifier: EUPL-1.2
"""Interne taken: the callbacks of the contact context."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.contact import klantinteracties_services as services
from plus1.contact.models import Callback
from plus1.contact.moment_services import callback_team
from plus1.identity.models import Team
from plus1.privacy.declarations import processing_activity
from plus1.zgw.base import Urls
from plus1.zgw.klantinteracties import filters, io, selectors
from plus1.zgw.klantinteracties.views.base import (
    ACTIVITY,
    READ,
    WRITE,
    KlantinteractiesApi,
    invalid,
)


@processing_activity(ACTIVITY)
class InterneTaakViewSet(KlantinteractiesApi):
    scopes = READ | WRITE

    def _callback(self, uuid: str) -> Callback:
        callback = selectors.internetaken().filter(uuid=uuid).first()
        if callback is None:
            raise Http404
        return callback

    def list(self, request: Request) -> Response:
        rows = filters.internetaken(selectors.internetaken(), request.query_params)
        urls = Urls(request)
        return self.page(
            rows,
            lambda callback: io.render_internetaak(callback, urls),
            lambda page: [callback.party for callback in page],
            "interne taken bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        callback = self._callback(uuid)
        self.trail([callback.party], "interne taak bekeken via de Klantinteracties API")
        return Response(io.render_internetaak(callback, Urls(request)))

    def _team(self, given: io.InterneTaakIn) -> Team | None:
        """The organisatorische eenheid the task is for (a medewerker: their first team)."""
        keys = given.actor_keys()
        for key in keys:
            actor = selectors.actor_by_uuid(key)
            if isinstance(actor, Team):
                return actor
            if actor is not None and (team := actor.teams.order_by("name").first()):
                return team
        if keys:
            raise invalid(
                "toegewezenAanActoren",
                "Geen van deze actoren is een team of een medewerker in een team.",
                "does_not_exist",
            )
        return None

    def create(self, request: Request) -> Response:
        given = self.given(io.InterneTaakIn(data=request.data))
        v = given.validated_data
        moment = self.klantcontact(
            str(v["aanleidinggevendKlantcontact"]["uuid"]), "aanleidinggevendKlantcontact"
        )
        team = self._team(given) or callback_team(moment.product)
        if team is None:
            raise invalid(
                "toegewezenAanActoren",
                "Wijs de taak toe aan een team (organisatorische eenheid) of medewerker, of "
                "geef het klantcontact een onderwerp dat een product is.",
                "required",
            )
        try:
            callback = services.interne_taak_create(
                actor=self.client.actor,
                moment=moment,
                team=team,
                question=v.get("toelichting", ""),
                details=given.details(),
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        if v["status"] == "verwerkt":
            callback = services.interne_taak_update(
                actor=self.client.actor,
                callback=callback,
                values={},
                details={},
                done=True,
                done_at=v.get("afgehandeldOp"),
            )
        row = selectors.internetaken().get(pk=callback.pk)
        return Response(io.render_internetaak(row, Urls(request)), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        callback = self._callback(uuid)
        given = self.given(io.InterneTaakIn(data=request.data, partial=partial))
        v = given.validated_data
        if "aanleidinggevendKlantcontact" in v and (
            callback.source is None
            or str(v["aanleidinggevendKlantcontact"]["uuid"]) != str(callback.source.uuid)
        ):
            raise invalid(
                "aanleidinggevendKlantcontact",
                "Het klantcontact van een interne taak verandert niet.",
            )
        values: dict[str, Any] = {}
        if "toelichting" in v:
            values["question"] = v["toelichting"]
        team = self._team(given)
        if team is not None:
            values["team"] = team
        done = {"verwerkt": True, "te_verwerken": False}.get(v.get("status", ""))
        services.interne_taak_update(
            actor=self.client.actor,
            callback=callback,
            values=values,
            details=given.details(),
            done=done,
            done_at=v.get("afgehandeldOp"),
        )
        row = selectors.internetaken().get(pk=callback.pk)
        return Response(io.render_internetaak(row, Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)
