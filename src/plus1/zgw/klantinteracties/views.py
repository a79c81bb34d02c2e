# SPDX-License-Identifier: EUPL-1.2
"""Klantinteracties API 0.9.0 views, on the contact context's rows (docs/klantinteracties.md).

Thin: parse the input (io), check the scope (the viewset's `scopes`), call one service of
`contact.klantinteracties_services` or one selector, render. Every page or object that shows
a person's data writes that person's data trail under the processing activity
`klantcontact`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.cases.models import Case
from plus1.contact import klantinteracties_services as services
from plus1.contact.klantinteracties_models import DigitalAddress
from plus1.contact.models import Callback, ContactMoment
from plus1.contact.moment_services import callback_team
from plus1.identity.models import Party, Team
from plus1.privacy.declarations import processing_activity
from plus1.zgw.base import Urls, ZgwViewSet
from plus1.zgw.klantinteracties import filters, io, selectors
from plus1.zgw.scopes import KLANTINTERACTIES_LEZEN, KLANTINTERACTIES_SCHRIJVEN
from plus1.zgw.uuids import to_pk

ACTIVITY = "activity klantcontact (privacy.builtin.CONTACT_CENTRE)"
READ = {"list": KLANTINTERACTIES_LEZEN, "retrieve": KLANTINTERACTIES_LEZEN}
WRITE = {
    "create": KLANTINTERACTIES_SCHRIJVEN,
    "update": KLANTINTERACTIES_SCHRIJVEN,
    "partial_update": KLANTINTERACTIES_SCHRIJVEN,
}


class Pagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "pageSize"
    max_page_size = 500


def _invalid(field: str, message: str, code: str = "invalid") -> exceptions.ValidationError:
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(message, code=code)]})


def _not_found(field: str) -> exceptions.ValidationError:
    return _invalid(field, "Er is geen object met deze uuid.", "does_not_exist")


class KlantinteractiesApi(ZgwViewSet):
    component = "kic"
    api_version = "0.9.0"
    lookup_field = "uuid"

    def expand(self) -> set[str]:
        raw = self.request.query_params.get("expand", "")
        return {item.strip() for item in raw.split(",") if item.strip()}

    def page(
        self,
        rows: Any,  # a QuerySet, or a _Chain of two
        render: Callable[[Any], dict[str, Any]],
        parties: Callable[[list[Any]], Iterable[Party | None]],
        name: str,
    ) -> Response:
        paginator = Pagination()
        page = list(paginator.paginate_queryset(rows, self.request, view=self) or [])
        self.trail(parties(page), name)
        return paginator.get_paginated_response([render(item) for item in page])

    def trail(self, parties: Iterable[Party | None], name: str, changed: bool = False) -> None:
        shown = [party for party in parties if party is not None]
        if shown:
            services.trail(actor=self.client.actor, parties=shown, name=name, changed=changed)

    def given(self, serializer: Any) -> Any:
        if not isinstance(self.request.data, dict):
            raise exceptions.ParseError("Stuur een JSON-object.")
        serializer.is_valid(raise_exception=True)
        return serializer

    def klantcontact(self, key: str, field: str) -> ContactMoment:
        moment = selectors.klantcontacten().filter(uuid=key).first()
        if moment is None:
            raise _not_found(field)
        return moment

    def party(self, key: str, field: str) -> Party:
        party = Party.objects.filter(uuid=key).first()
        if party is None:
            raise _not_found(field)
        return party


def _moment_parties(page: list[ContactMoment]) -> list[Party | None]:
    return [moment.party for moment in page]


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
            _moment_parties,
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
            _moment_parties,
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
                raise _invalid(
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
            raise _invalid(
                "wasKlantcontact",
                "Plus1 legt geen klantcontact vast als onderwerp van een ander klantcontact.",
            )
        identificator = v["onderwerpobjectidentificator"]
        case = _case(identificator["codeSoortObjectId"], identificator["objectId"])
        if moment.case_id and moment.case_id != case.pk:
            raise _invalid(
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
        raise _invalid(
            "onderwerpobjectidentificator.objectId",
            "Er is geen zaak met deze identificatie.",
            "does_not_exist",
        )
    return case


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
            raise _invalid(
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
            raise _invalid(
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
            raise _invalid(
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
                raise _not_found("verstrektDoorBetrokkene")
            owners["contact_moment"] = moment
        return owners

    def create(self, request: Request) -> Response:
        given = self.given(io.DigitaalAdresIn(data=request.data))
        owners = self._owners(given.validated_data)
        if not any(owners.values()):
            raise _invalid(
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
            raise _invalid(
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


class _Chain:
    """Two querysets as one list for the paginator: staff members first, then teams."""

    def __init__(self, first: QuerySet[Any], second: QuerySet[Any]) -> None:
        self.first, self.second = first, second
        self._first_count: int | None = None

    def _split(self) -> int:
        if self._first_count is None:
            self._first_count = self.first.count()
        return self._first_count

    def count(self) -> int:
        return self._split() + self.second.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Any]:
        start, stop, split = window.start or 0, window.stop, self._split()
        rows = list(self.first[start:stop]) if start < split else []
        if stop is None or stop > split:
            rows += list(
                self.second[max(start - split, 0) : None if stop is None else stop - split]
            )
        return rows


@processing_activity(ACTIVITY)
class ActorViewSet(KlantinteractiesApi):
    """Staff members (medewerkers) and teams (organisatorische eenheden): read only."""

    scopes = READ

    def list(self, request: Request) -> Response:
        users, teams = filters.actoren(
            selectors.medewerkers(), selectors.teams(), request.query_params
        )
        urls = Urls(request)
        return self.page(
            _Chain(users, teams),
            lambda actor: io.render_actor(actor, urls),
            lambda page: [],
            "",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        actor = selectors.actor_by_uuid(uuid)
        if actor is None:
            raise Http404
        return Response(io.render_actor(actor, Urls(request)))
