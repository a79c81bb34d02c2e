# SPDX-License-Identifier: EUPL-1.2
"""Klantcontacten, maak-klantcontact, betrokkenen, onderwerpobjecten and actorklantcontacten:
all on the contact moment (its party, its case, its staff member)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case
from plus1.contact import klantinteracties_services as services
from plus1.contact.models import ContactMoment
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
    moment_parties,
)
from plus1.zgw.scopes import KLANTINTERACTIES_SCHRIJVEN


@processing_activity(ACTIVITY)
class KlantcontactViewSet(KlantinteractiesApi):
    scopes = READ | WRITE

    def list(self, request: Request) -> Response:
        rows = filters.klantcontacten(selectors.klantcontacten(), request.query_params)
        urls, wanted = Urls(request), self.expand()
        if "hadBetrokkenen.wasPartij" in wanted:
            rows = selectors.with_parties(rows)
        return self.page(
            rows,
            lambda moment: io.expand_klantcontact(moment, urls, wanted),
            moment_parties,
            "klantcontacten bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        moment = selectors.klantcontacten().filter(uuid=uuid).first()
        if moment is None:
            raise Http404
        self.trail([moment.party], "klantcontact bekeken via de Klantinteracties API")
        return Response(io.expand_klantcontact(moment, Urls(request), self.expand()))

    def create(self, request: Request) -> Response:
        given = self.given(io.KlantcontactIn(data=request.data))
        values, details = given.values()
        moment = services.klantcontact_register(
            actor=self.client.actor,
            values=values,
            details=details,
            product=selectors.product_named(given.validated_data["onderwerp"]),
        )
        row = selectors.klantcontacten().get(pk=moment.pk)
        return Response(io.render_klantcontact(row, Urls(request)), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, uuid: str, partial: bool = True) -> Response:
        moment = selectors.klantcontacten().filter(uuid=uuid).first()
        if moment is None:
            raise Http404
        given = self.given(io.KlantcontactIn(data=request.data, partial=partial))
        values, details = given.values()
        services.klantcontact_update(
            actor=self.client.actor, moment=moment, values=values, details=details
        )
        row = selectors.klantcontacten().get(pk=moment.pk)
        return Response(io.render_klantcontact(row, Urls(request)))

    def update(self, request: Request, uuid: str) -> Response:
        return self.partial_update(request, uuid, partial=False)


@processing_activity(ACTIVITY)
class MaakKlantcontactViewSet(KlantinteractiesApi):
    """`POST /maak-klantcontact`: a klantcontact with its betrokkene and onderwerpobject in
    one transaction."""

    scopes = {"create": KLANTINTERACTIES_SCHRIJVEN}

    def create(self, request: Request) -> Response:
        given = self.given(io.MaakKlantcontactIn(data=request.data))
        v = given.validated_data
        values, details = io.klantcontact_values(v["klantcontact"])
        betrokkene = v.get("betrokkene")
        party, betrokkene_values = None, None
        if betrokkene is not None:
            betrokkene_values = io.betrokkene_values(betrokkene)
            if betrokkene.get("wasPartij"):
                party = self.party(str(betrokkene["wasPartij"]["uuid"]), "betrokkene.wasPartij")
        case = None
        if v.get("onderwerpobject"):
            identificator = v["onderwerpobject"]["onderwerpobjectidentificator"]
            case = _case(identificator["codeSoortObjectId"], identificator["objectId"])
        try:
            moment = services.klantcontact_make(
                actor=self.client.actor,
                values=values,
                details=details,
                product=selectors.product_named(v["klantcontact"]["onderwerp"]),
                betrokkene=betrokkene_values,
                party=party,
                case=case,
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        row = selectors.klantcontacten().get(pk=moment.pk)
        urls = Urls(request)
        body = {
            "klantcontact": io.render_klantcontact(row, urls),
            "betrokkene": io.render_betrokkene(row, urls) if io.has_betrokkene(row) else None,
            "onderwerpobject": io.render_onderwerpobject(row, urls) if row.case_id else None,
        }
        return Response(body, status=status.HTTP_201_CREATED)


@processing_activity(ACTIVITY)
class BetrokkeneViewSet(KlantinteractiesApi):
    scopes = READ | WRITE | {"destroy": KLANTINTERACTIES_SCHRIJVEN}

    def _moment(self, uuid: str) -> ContactMoment:
        moment = selectors.by_derived_uuid(selectors.betrokkenen(), "betrokkene", uuid)
        if moment is None:
            raise Http404
        return moment

    def list(self, request: Request) -> Response:
        rows = filters.betrokkenen(selectors.betrokkenen(), request.query_params)
        urls, wanted = Urls(request), self.expand()
        return self.page(
            rows,
            lambda moment: io.expand_betrokkene(moment, urls, wanted),
            moment_parties,
            "betrokkenen bekeken via de Klantinteracties API",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        moment = self._moment(uuid)
        self.trail([moment.party], "betrokkene bekeken via de Klantinteracties API")
        return Response(io.expand_betrokkene(moment, Urls(request), self.expand()))

    def _write(self, request: Request, moment: ContactMoment | None, partial: bool) -> Response:
        given = self.given(io.BetrokkeneIn(data=request.data, partial=partial))
        v = given.validated_data
        target = moment
        if "hadKlantcontact" in v:
            target = self.klantcontact(str(v["hadKlantcontact"]["uuid"]), "hadKlantcontact")
            if moment is not None and target.pk != moment.pk:
                raise invalid(
                    "hadKlantcontact", "Een betrokkene verhuist niet naar een ander klantcontact."
                )
        assert target is not None
        party = target.party if moment is not None else None
        if "wasPartij" in v:
            party = self.party(str(v["wasPartij"]["uuid"]), "wasPartij") if v["wasPartij"] else None
        try:
            services.betrokkene_set(
                actor=self.client.actor,
                moment=target,
                party=party,
                values=given.values(),
                replace=moment is not None,
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        row = selectors.betrokkenen().get(pk=target.pk)
        code = status.HTTP_200_OK if moment is not None else status.HTTP_201_CREATED
        return Response(io.render_betrokkene(row, Urls(request)), status=code)

    def create(self, request: Request) -> Response:
        return self._write(request, None, partial=False)

    def update(self, request: Request, uuid: str) -> Response:
        return self._write(request, self._moment(uuid), partial=False)

    def partial_update(self, request: Request, uuid: str) -> Response:
        return self._write(request, self._moment(uuid), partial=True)

    def destroy(self, request: Request, uuid: str) -> Response:
        services.betrokkene_remove(actor=self.client.actor, moment=self._moment(uuid))
        return Response(status=status.HTTP_204_NO_CONTENT)


@processing_activity(ACTIVITY)
class OnderwerpobjectViewSet(KlantinteractiesApi):
    scopes = READ | {
        "create": KLANTINTERACTIES_SCHRIJVEN,
        "destroy": KLANTINTERACTIES_SCHRIJVEN,
    }

    def _moment(self, uuid: str) -> ContactMoment:
        moment = selectors.by_derived_uuid(selectors.onderwerpobjecten(), "onderwerpobject", uuid)
        if moment is None:
            raise Http404
        return moment

    def list(self, request: Request) -> Response:
        rows = filters.onderwerpobjecten(selectors.onderwerpobjecten(), request.query_params)
        urls = Urls(request)
        return self.page(
            rows,
            lambda moment: io.render_onderwerpobject(moment, urls),
            lambda page: [],
            "",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(io.render_onderwerpobject(self._moment(uuid), Urls(request)))

    def create(self, request: Request) -> Response:
        given = self.given(io.OnderwerpobjectIn(data=request.data))
        v = given.validated_data
        moment = self.klantcontact(str(v["klantcontact"]["uuid"]), "klantcontact")
        if v.get("wasKlantcontact"):
            raise invalid(
                "wasKlantcontact",
                "Plus1 legt geen klantcontact vast als onderwerp van een ander klantcontact.",
            )
        identificator = v["onderwerpobjectidentificator"]
        case = _case(identificator["codeSoortObjectId"], identificator["objectId"])
        if moment.case_id and moment.case_id != case.pk:
            raise invalid(
                "klantcontact",
                "Dit klantcontact gaat al over een andere zaak; Plus1 legt één zaak per "
                "klantcontact vast.",
                "unique",
            )
        try:
            services.onderwerpobject_set(actor=self.client.actor, moment=moment, case=case)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        row = selectors.onderwerpobjecten().get(pk=moment.pk)
        return Response(
            io.render_onderwerpobject(row, Urls(request)), status=status.HTTP_201_CREATED
        )

    def destroy(self, request: Request, uuid: str) -> Response:
        services.onderwerpobject_set(actor=self.client.actor, moment=self._moment(uuid), case=None)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _case(kind: str, object_id: str) -> Case:
    if kind == "uuid":
        key = filters.Params({"objectId": object_id}).uuid("objectId")
        case = Case.objects.filter(uuid=key).first() if key and key != filters.NO_MATCH else None
    else:
        case = Case.objects.filter(identification=object_id).first()
    if case is None:
        raise invalid(
            "onderwerpobjectidentificator.objectId",
            "Er is geen zaak met deze identificatie.",
            "does_not_exist",
        )
    return case


@processing_activity(ACTIVITY)
class ActorKlantcontactViewSet(KlantinteractiesApi):
    """Which staff member had a klantcontact: the contact moment's `registered_by`."""

    scopes = READ | {"create": KLANTINTERACTIES_SCHRIJVEN, "destroy": KLANTINTERACTIES_SCHRIJVEN}

    def _moment(self, uuid: str) -> ContactMoment:
        rows = selectors.actorklantcontacten()
        moment = selectors.by_derived_uuid(rows, "actorklantcontact", uuid)
        if moment is None:
            raise Http404
        return moment

    def list(self, request: Request) -> Response:
        rows = filters.actorklantcontacten(selectors.actorklantcontacten(), request.query_params)
        urls = Urls(request)
        return self.page(
            rows, lambda moment: io.render_actorklantcontact(moment, urls), lambda page: [], ""
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(io.render_actorklantcontact(self._moment(uuid), Urls(request)))

    def create(self, request: Request) -> Response:
        given = self.given(io.ActorKlantcontactIn(data=request.data))
        v = given.validated_data
        moment = self.klantcontact(str(v["klantcontact"]["uuid"]), "klantcontact")
        actor = selectors.actor_by_uuid(str(v["actor"]["uuid"]))
        if actor is None or isinstance(actor, Team):
            raise invalid(
                "actor",
                "Geef een medewerker: Plus1 legt bij een klantcontact de medewerker vast.",
                "does_not_exist",
            )
        try:
            services.klantcontact_staff_set(actor=self.client.actor, moment=moment, user=actor)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from exc
        row = selectors.actorklantcontacten().get(pk=moment.pk)
        return Response(
            io.render_actorklantcontact(row, Urls(request)), status=status.HTTP_201_CREATED
        )

    def destroy(self, request: Request, uuid: str) -> Response:
        services.klantcontact_staff_set(
            actor=self.client.actor, moment=self._moment(uuid), user=None
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
