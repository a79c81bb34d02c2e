# SPDX-License-Identifier: EUPL-1.2
"""The appointment API: products, locations, free slots, booking and cancelling.

Public like the portal's booking without DigiD: whoever books gets the cancel code, and only
that code shows or changes the appointment. Bookings are rate-limited per client address.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from plus1.audit.services import Actor
from plus1.contact.api.serializers import (
    AppointmentIn,
    AppointmentOut,
    AppointmentProductOut,
    BookedOut,
    CancelIn,
    LocationOut,
    SlotOut,
    SlotQueryIn,
)
from plus1.contact.messages import manage_url
from plus1.contact.selectors import appointment_products_list, locations_list, time_slots
from plus1.contact.services import (
    AppointmentNotFound,
    BookingRateLimited,
    SlotFull,
    appointment_book,
    appointment_cancel,
)
from plus1.privacy.declarations import OWN

PROBLEM = OpenApiResponse(description="problem+json")


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Dit tijdslot is vol."
    default_code = "tijdslot_vol"


class TooManyBookings(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Te veel afspraken vanaf dit adres."
    default_code = "te_veel_afspraken"


def _actor() -> Actor:
    return Actor(kind="anonymous", id="api", label="Afspraken-API")


def _client(request: Request) -> str:
    return str(request.META.get("REMOTE_ADDR", "onbekend"))


class PublicView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]


class AppointmentProducts(PublicView):
    personal_data = False

    @extend_schema(
        responses=AppointmentProductOut(many=True),
        summary="Afspraakproducten",
        description="Waarvoor een inwoner een afspraak kan maken, met duur en wat mee te nemen.",
        operation_id="afspraakproducten_lijst",
    )
    def get(self, request: Request) -> Response:
        return Response(AppointmentProductOut(appointment_products_list(), many=True).data)


class Locations(PublicView):
    personal_data = False

    @extend_schema(
        responses=LocationOut(many=True),
        summary="Locaties",
        description="Het stadhuis en de wijkpunten, met openingstijden en sluitingsdagen.",
        operation_id="locaties_lijst",
    )
    def get(self, request: Request) -> Response:
        return Response(LocationOut(locations_list(), many=True).data)


class Slots(PublicView):
    personal_data = False

    @extend_schema(
        parameters=[SlotQueryIn],
        responses={200: SlotOut(many=True), 400: PROBLEM},
        summary="Tijdsloten",
        description="Alle komende tijdsloten van een product op een locatie, ook volle "
        "(beschikbaar 0). Op sluitingsdagen en buiten openingstijden zijn er geen.",
        operation_id="tijdsloten_lijst",
    )
    def get(self, request: Request) -> Response:
        query = SlotQueryIn(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        slots = time_slots(data["product"], data["locatie"], data["van"], data["tot"])
        return Response(SlotOut(slots, many=True).data)


class Appointments(PublicView):
    processing_activity = OWN  # the booker's own name and e-mail address, back to them
    personal_data = True

    @extend_schema(
        request=AppointmentIn,
        responses={201: BookedOut, 400: PROBLEM, 409: PROBLEM, 429: PROBLEM},
        summary="Afspraak maken",
        description="Boekt een plaats in een tijdslot. Vol: 409 en er wordt niets "
        "vastgelegd. Ongeldige invoer: 400 met alle problemen tegelijk.",
        operation_id="afspraak_maken",
    )
    def post(self, request: Request) -> Response:
        data = AppointmentIn(data=request.data)
        problems = data.problems()
        if problems:
            raise exceptions.ValidationError(problems)
        fields = data.validated_data
        try:
            appointment, code = appointment_book(
                actor=_actor(),
                product=fields["product"],
                location=fields["locatie"],
                start=fields["start"],
                name=fields["naam"],
                email=fields["email"],
                client=_client(request),
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from None
        except SlotFull as exc:
            raise Conflict(str(exc)) from None
        except BookingRateLimited as exc:
            raise TooManyBookings(str(exc)) from None
        appointment.annuleercode = code  # type: ignore[attr-defined]
        appointment.beheerlink = manage_url(appointment, code)  # type: ignore[attr-defined]
        return Response(BookedOut(appointment).data, status=status.HTTP_201_CREATED)


class AppointmentCancel(PublicView):
    processing_activity = OWN
    personal_data = True

    @extend_schema(
        request=CancelIn,
        responses={200: AppointmentOut, 400: PROBLEM, 404: PROBLEM},
        summary="Afspraak annuleren",
        description="Met de annuleercode uit de bevestiging. Verkeerde code of al "
        "geannuleerd: 404, en er verandert niets.",
        operation_id="afspraak_annuleren",
    )
    def post(self, request: Request, appointment_id: str) -> Response:
        data = CancelIn(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            appointment = appointment_cancel(
                actor=_actor(),
                appointment_id=appointment_id,
                code=data.validated_data["annuleercode"],
            )
        except AppointmentNotFound:
            raise exceptions.NotFound(
                "Geen afspraak gevonden met deze id en annuleercode."
            ) from None
        return Response(AppointmentOut(appointment).data)
