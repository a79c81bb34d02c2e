# SPDX-License-Identifier: EUPL-1.2
"""Portal pages for appointments: choose product → location → day → time, then confirm,
download the .ics, move or cancel with the code from the link. No JavaScript needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from plus1.audit.services import Actor
from plus1.contact.ics import appointment_ics
from plus1.contact.messages import manage_url
from plus1.contact.models import Appointment, AppointmentProduct, Location
from plus1.contact.selectors import (
    TimeSlot,
    appointment_by_code,
    appointment_products_list,
    time_slots,
)
from plus1.contact.services import (
    AppointmentNotFound,
    BookingRateLimited,
    SlotFull,
    appointment_book,
    appointment_cancel,
    appointment_refusal_record,
    appointment_reschedule,
)
from plus1.identity.models import Party
from plus1.privacy.declarations import own_data

DAYS_AHEAD = 28


def _party(request: HttpRequest) -> Party | None:
    user = request.user
    return getattr(user, "party", None) if user.is_authenticated else None


def _actor(request: HttpRequest, party: Party | None) -> Actor:
    if party is not None:
        return Actor.from_user(request.user)
    return Actor(kind="anonymous", id="portal", label="Inwoner zonder DigiD")


def _start(value: str) -> dt.datetime | None:
    try:
        start = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return start if start.tzinfo is not None else None


def _days(product: AppointmentProduct, location: Location) -> list[dt.date]:
    today = timezone.localdate()
    slots = time_slots(product, location, today, today + dt.timedelta(days=DAYS_AHEAD))
    return sorted({timezone.localtime(s.start).date() for s in slots if s.available})


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _free_slots(product: AppointmentProduct, location: Location, day: dt.date) -> list[TimeSlot]:
    return [s for s in time_slots(product, location, day, day) if s.available]


def _choice(request: HttpRequest) -> dict[str, Any]:
    """What was chosen so far in the steps (GET or POST), each known or None."""
    data = request.POST if request.method == "POST" else request.GET
    products = appointment_products_list()
    product = products.filter(slug=data.get("product", "")).first()
    location = None
    if product is not None:
        location = Location.objects.filter(
            slug=data.get("locatie", ""), counters__product=product
        ).first()
    day = _day(data.get("dag", "")) if location is not None else None
    return {"products": products, "product": product, "location": location, "day": day}


@own_data  # a logged-in resident sees their own name and e-mail prefilled
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest) -> HttpResponse:
    context = _choice(request)
    party = _party(request)
    product, location, day = context["product"], context["location"], context["day"]
    context["values"] = {
        "naam": party.name if party else "",
        "email": party.email if party else "",
    }
    if product is not None and location is None:
        context["locations"] = Location.objects.filter(counters__product=product)
    if location is not None and day is None:
        context["days"] = _days(product, location)
    if request.method == "POST" and day is not None:
        response = _book_post(request, context, party)
        if response is not None:
            return response
    if day is not None:
        context["slots"] = _free_slots(product, location, day)
    status = 400 if context.get("problems") else 409 if context.get("full") else 200
    return render(request, "contact/book.html", context, status=status)


def _book_post(
    request: HttpRequest, context: dict[str, Any], party: Party | None
) -> HttpResponse | None:
    values = {key: request.POST.get(key, "") for key in ("naam", "email", "tijd")}
    context["values"] = values
    start = _start(values["tijd"])
    if start is None:
        context["problems"] = {"start": [_("Kies een tijd.")]}
        return None
    try:
        appointment, code = appointment_book(
            actor=_actor(request, party),
            product=context["product"],
            location=context["location"],
            start=start,
            name=values["naam"],
            email=values["email"],
            party=party,
            client=None if party else str(request.META.get("REMOTE_ADDR", "onbekend")),
        )
    except ValidationError as exc:
        context["problems"] = exc.message_dict
        _refused(request, party, "afspraak maken (gegevens niet in orde)")
        return None
    except SlotFull as exc:
        context["full"] = str(exc)
        _refused(request, party, "afspraak maken (tijdstip vol)")
        return None
    except BookingRateLimited as exc:
        return render(request, "contact/limited.html", {"message": str(exc)}, status=429)
    url = reverse("contact:appointment", args=[appointment.uuid])
    return redirect(f"{url}?code={code}&nieuw=1")


def _refused(request: HttpRequest, party: Party | None, what: str) -> None:
    """A refused change of a logged-in resident's appointment, in their data trail."""
    actor = _actor(request, _party(request))
    appointment_refusal_record(actor=actor, party=party, what=what)


def _found(request: HttpRequest, appointment_id: str) -> tuple[Appointment, str]:
    code = request.POST.get("code") or request.GET.get("code", "")
    appointment = appointment_by_code(appointment_id, code)
    if appointment is None:
        if request.method == "POST":  # a refused cancel or move of a known person: in the trail
            target = Appointment.objects.filter(uuid=appointment_id).select_related("party")
            known = target.first()
            if known is not None:
                _refused(request, known.party, "afspraak wijzigen met een verkeerde code")
        raise Http404("Deze afspraak bestaat niet, of de code in de link klopt niet.")
    return appointment, code


@own_data  # whoever holds the code from the confirmation
def appointment_detail(request: HttpRequest, appointment_id: str) -> HttpResponse:
    appointment, code = _found(request, appointment_id)
    return render(
        request,
        "contact/appointment.html",
        {
            "appointment": appointment,
            "code": code,
            "new": request.GET.get("nieuw") == "1",
            "moved": request.GET.get("verzet") == "1",
        },
    )


@own_data
def appointment_calendar(request: HttpRequest, appointment_id: str) -> HttpResponse:
    appointment, code = _found(request, appointment_id)
    if appointment.status == Appointment.Status.CANCELLED:
        raise Http404("Deze afspraak is geannuleerd.")
    response = HttpResponse(
        appointment_ics(appointment, manage_url(appointment, code)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="afspraak.ics"'
    return response


@own_data
@require_http_methods(["GET", "POST"])
def appointment_cancel_page(request: HttpRequest, appointment_id: str) -> HttpResponse:
    appointment, code = _found(request, appointment_id)
    if request.method == "POST" and appointment.status != Appointment.Status.CANCELLED:
        try:
            appointment = appointment_cancel(
                actor=_actor(request, _party(request)), appointment_id=appointment.uuid, code=code
            )
        except AppointmentNotFound:
            raise Http404("Deze afspraak bestaat niet.") from None
    return render(request, "contact/cancel.html", {"appointment": appointment, "code": code})


@own_data
@require_http_methods(["GET", "POST"])
def appointment_reschedule_page(request: HttpRequest, appointment_id: str) -> HttpResponse:
    appointment, code = _found(request, appointment_id)
    if appointment.status != Appointment.Status.BOOKED:
        return render(request, "contact/cancel.html", {"appointment": appointment, "code": code})
    data = request.POST if request.method == "POST" else request.GET
    day = _day(data.get("dag", ""))
    context: dict[str, Any] = {"appointment": appointment, "code": code, "day": day}
    if request.method == "POST" and day is not None:
        start = _start(request.POST.get("tijd", ""))
        try:
            if start is None:
                raise ValidationError({"start": [_("Kies een tijd.")]})
            appointment_reschedule(
                actor=_actor(request, _party(request)),
                appointment_id=appointment.uuid,
                code=code,
                start=start,
            )
        except ValidationError as exc:
            context["problems"] = exc.message_dict
            _refused(request, appointment.party, "afspraak verzetten (gegevens niet in orde)")
        except SlotFull as exc:
            context["full"] = str(exc)
            _refused(request, appointment.party, "afspraak verzetten (tijdstip vol)")
        else:
            url = reverse("contact:appointment", args=[appointment.uuid])
            return redirect(f"{url}?code={code}&verzet=1")
    if day is None:
        context["days"] = _days(appointment.product, appointment.location)
    else:
        context["slots"] = _free_slots(appointment.product, appointment.location, day)
    status = 400 if context.get("problems") else 409 if context.get("full") else 200
    return render(request, "contact/reschedule.html", context, status=status)
